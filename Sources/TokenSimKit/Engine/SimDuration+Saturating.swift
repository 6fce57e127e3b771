/// Conversions into whole-microsecond time that cannot trap.
///
/// Integer arithmetic on durations traps on overflow, and converting a `Double` that is out of
/// `Int64`'s range (or NaN) traps too. The few places where a duration is computed from a
/// floating-point number (a lognormal or exponential draw, a rate, a clock drift) or from an
/// unbounded product (a doubling retry delay) go through these, so no scenario the validator
/// accepts can stop the process; plain `+`, `-` and `*` stay on the hot path, where validation
/// bounds every operand.
extension SimDuration {
  /// The longest duration a saturating conversion yields, either way: 100 years of 365 days.
  ///
  /// A run lasts at most 3,650 days, so a delay clamped to this never ends inside a run, and an
  /// instant of a run plus this stays about 2,900 times below `Int64.max` microseconds.
  public static let saturationLimit = SimDuration.days(36_500)

  /// `microseconds` rounded to the nearest whole microsecond and clamped to
  /// `-saturationLimit...saturationLimit`; NaN gives `.zero`.
  public init(saturatingMicroseconds microseconds: Double) {
    guard !microseconds.isNaN else {
      self = .zero
      return
    }
    let limit = Double(SimDuration.saturationLimit.microseconds)
    self.init(microseconds: Int64(Swift.min(Swift.max(microseconds, -limit), limit).rounded()))
  }

  /// `seconds` as a duration, rounded to the microsecond and clamped like
  /// `init(saturatingMicroseconds:)`.
  public init(saturatingSeconds seconds: Double) {
    self.init(saturatingMicroseconds: seconds * 1_000_000)
  }

  /// This duration times `factor`, clamped to `-saturationLimit...saturationLimit`.
  public func saturatingMultiplied(by factor: Int64) -> SimDuration {
    let (product, overflow) = microseconds.multipliedReportingOverflow(by: factor)
    let limit = SimDuration.saturationLimit.microseconds
    if overflow { return (microseconds < 0) == (factor < 0) ? .saturationLimit : .zero - .saturationLimit }
    return SimDuration(microseconds: Swift.min(Swift.max(product, -limit), limit))
  }
}

extension SimInstant {
  /// `microseconds` since the start of the run rounded up to a whole microsecond, or `.never`
  /// when it is NaN or at least `Int64.max`; values below `Int64.min` give `Int64.min`.
  public init(saturatingMicroseconds microseconds: Double) {
    guard !microseconds.isNaN, microseconds < 0x1p63 else {
      self = .never
      return
    }
    self.init(microseconds: microseconds <= -0x1p63 ? .min : Int64(microseconds.rounded(.up)))
  }
}
