extension Array {
  /// Appends `filler` until `index` is an index of the array: a table indexed by dense numbers
  /// (a worker, a host) grows to the number it is asked to hold. A comparison where it is
  /// called; the growth out of line.
  @inline(__always)
  mutating func extend(through index: Int, with filler: @autoclosure () -> Element) {
    if count <= index { grow(through: index, with: filler()) }
  }

  private mutating func grow(through index: Int, with filler: Element) {
    append(contentsOf: repeatElement(filler, count: index + 1 - count))
  }
}
