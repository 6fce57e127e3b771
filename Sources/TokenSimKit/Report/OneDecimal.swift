import Foundation

/// A number with one decimal, exactly as `String(format: "%.1f", value)` writes it (the exact
/// binary value rounded half to even, `-0.0` for a small negative), without going through
/// Foundation's formatter: a timeline writes thousands of coordinates, and `String(format:)`
/// was most of what drawing one cost.
enum OneDecimal {
  /// `value` as `%.1f` would write it.
  static func text(_ value: Double) -> String {
    guard value.isFinite, value.magnitude < 1e15 else { return String(format: "%.1f", value) }
    let tenths = roundedTenths(value.magnitude)
    let sign = value.sign == .minus ? "-" : ""
    return sign + String(tenths / 10) + "." + String(tenths % 10)
  }

  /// `magnitude × 10` rounded to the nearest integer, ties to even, judged on the exact product:
  /// the product is rounded once as a Double, and `fma` gives what that rounding dropped.
  private static func roundedTenths(_ magnitude: Double) -> Int {
    let product = magnitude * 10
    let dropped = (-product).addingProduct(magnitude, 10)
    let floor = product.rounded(.down)
    guard product - floor == 0.5 else { return Int(product.rounded(.toNearestOrEven)) }
    if dropped > 0 { return Int(floor) + 1 }
    if dropped < 0 { return Int(floor) }
    return Int(product.rounded(.toNearestOrEven))
  }
}
