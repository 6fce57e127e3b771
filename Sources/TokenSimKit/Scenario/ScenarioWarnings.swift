/// What is valid in a scenario but almost certainly not meant, said without refusing the file:
/// a fault window that starts at or after the end of the run (it never fires), or one whose
/// `"to"` lies past the end (it is still open when the run stops, so checks that wait for the
/// faults to end, such as converges, come out unknown). A window without `"to"` lasts to the end
/// of the run on purpose and is not warned about.
public enum ScenarioWarnings {
  /// One sentence per warning, naming the file and the JSON path.
  public static func of(_ scenario: Scenario) -> [String] {
    let end = SimInstant(microseconds: scenario.duration.microseconds)
    let untilTheEnd = SimInstant(microseconds: SimDuration.days(3_650).microseconds)
    let file = scenario.file.isEmpty ? "scenario" : scenario.file
    return scenario.server.faults.indices.compactMap { index in
      guard let window = scenario.server.faults[index].window else { return nil }
      let place = "\(file): $.server.faults[\(index)]"
      let length = DurationText.format(scenario.duration)
      if window.lowerBound >= end {
        return "\(place): the fault window starts at \(text(window.lowerBound)), at or after the end of the "
          + "\(length) run, so it never fires"
      }
      guard window.upperBound > end, window.upperBound != untilTheEnd else { return nil }
      return "\(place): the fault window runs to \(text(window.upperBound)), past the end of the \(length) run, "
        + "so it is still open when the run stops and checks waiting for it to end (converges) come out unknown; "
        + "leave out \"to\" to mean until the end"
    }
  }

  private static func text(_ instant: SimInstant) -> String {
    DurationText.format(SimDuration(microseconds: instant.microseconds))
  }
}
