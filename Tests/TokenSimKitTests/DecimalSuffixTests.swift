import Testing

@testable import TokenSimKit

/// A process's name is its template's prefix and its number, spelled as `String(number)` does.
struct DecimalSuffixTests {
  @Test(arguments: [0, 7, 9, 10, 99, 100, 1_234_567, Int.max])
  func aPrefixAndANumberSpellAsTheirSum(number: Int) {
    for prefix in ["", "h/cli#", "a-rather-long-host-name-03/nightly-sync#"] {
      #expect(String(prefix, decimal: number) == prefix + String(number))
    }
  }
}
