import Foundation

/// Draws the values of scenario fields from a `RandomStream`, leaning on the extremes: about one
/// draw in ten is a range's minimum, one in ten its maximum and one in ten zero (when the range
/// holds it); the rest spread evenly over orders of magnitude, so tiny and huge values both come up.
public struct FieldDraw {
  /// The stream every draw comes from.
  public var random: RandomStream

  /// Draws from `random`.
  public init(random: RandomStream) { self.random = random }

  /// A whole number in `range`.
  public mutating func integer(_ range: ClosedRange<Int64>) -> Int64 {
    switch random.integer(in: 0...9) {
    case 0: return range.lowerBound
    case 1: return range.upperBound
    case 2 where range.contains(0): return 0
    default: return spread(range)
    }
  }

  /// A whole number in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int(integer(Int64(range.lowerBound)...Int64(range.upperBound)))
  }

  /// A number in `range`, with a fraction.
  public mutating func number(_ range: ClosedRange<Double>) -> Double {
    switch random.integer(in: 0...9) {
    case 0: return range.lowerBound
    case 1: return range.upperBound
    case 2 where range.contains(0): return 0
    default:
      let magnitude = max(abs(range.lowerBound), abs(range.upperBound))
      let negative = range.lowerBound < 0 && random.chance(0.5)
      let value = exp(random.unit() * log1p(magnitude)) - 1
      let signed = negative ? -value : value
      return min(max(signed, range.lowerBound), range.upperBound)
    }
  }

  /// A duration in microseconds between two durations.
  public mutating func duration(_ lower: SimDuration, _ upper: SimDuration) -> Int64 {
    integer(lower.microseconds...upper.microseconds)
  }

  /// One of `choices`, evenly.
  public mutating func pick<T>(_ choices: [T]) -> T { choices[Int(random.integer(in: 0...Int64(choices.count - 1)))] }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool { random.chance(probability) }

  /// A value spread evenly over the orders of magnitude of `range` (either sign when it spans zero).
  private mutating func spread(_ range: ClosedRange<Int64>) -> Int64 {
    let negative = range.lowerBound < 0 && (range.upperBound <= 0 || random.chance(0.5))
    let limit = negative ? Double(range.lowerBound.magnitude) : Double(max(range.upperBound, 0))
    let floor = negative ? Double(max(-range.upperBound, 0)) : Double(max(range.lowerBound, 0))
    let value = exp(log1p(floor) + random.unit() * (log1p(limit) - log1p(floor))) - 1
    let rounded = Int64(min(value.rounded(), 9.0e18))
    return min(max(negative ? -rounded : rounded, range.lowerBound), range.upperBound)
  }
}
