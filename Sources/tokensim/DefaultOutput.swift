/// Where commands write when not given `--out`: `out/` in the working directory, which git
/// ignores, so that no default ever writes into committed files (`Reports/` is written only when
/// asked for with `--out Reports`, as `make run` and `make reports` do).
enum DefaultOutput {
  static let root = "out"
}
