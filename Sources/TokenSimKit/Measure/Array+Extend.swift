extension Array {
  /// Appends `filler` until `index` is an index of the array: a table indexed by dense numbers
  /// (a worker, a host) grows to the number it is asked to hold. A comparison where it is
  /// called; the growth out of line.
  /// `expected`, when known, is how many the table will hold: its first growth makes room for
  /// them all at once, so that no later growth copies it (the old and the new storage side by
  /// side, the peak of a large fleet's memory).
  @inline(__always)
  mutating func extend(through index: Int, with filler: @autoclosure () -> Element, expecting expected: Int = 0) {
    if count <= index { grow(through: index, with: filler(), expecting: expected) }
  }

  private mutating func grow(through index: Int, with filler: Element, expecting expected: Int) {
    if capacity <= index, expected > index { reserveCapacity(expected) }
    append(contentsOf: repeatElement(filler, count: index + 1 - count))
  }
}
