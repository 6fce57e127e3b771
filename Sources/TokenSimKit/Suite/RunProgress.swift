/// Told the label of each run (`shared-file-thrash × naive`, `seed 7`) as it finishes, from any
/// thread: where a command shows progress.
public typealias RunProgress = @Sendable (_ finished: String) -> Void
