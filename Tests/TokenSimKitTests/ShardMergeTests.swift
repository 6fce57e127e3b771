import Foundation
import Testing

@testable import TokenSimKit

/// One matrix run sequentially, on two threads, and as two shards merged: the same reports, byte
/// for byte, and the same printed matrix.
@Suite(.serialized) struct ShardMergeTests {
  let inputs = ["Scenarios/quiet-day.json", "Scenarios/shared-file-thrash.json", "Scenarios/transient-502-past-expiry.json"]

  /// Every file under `directory`, relative to it, sorted.
  func files(_ directory: String) -> [String] {
    ((FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? [])
      .filter { !$0.hasSuffix("/") && $0.contains(".") }.sorted()
  }

  func compare(_ extra: [String], out: String) throws -> (status: Int32, stdout: String, stderr: String) {
    try tokensim(["compare"] + inputs + ["--strategy", "all", "--out", out] + extra)
  }

  @Test func oneJobTwoJobsAndTwoMergedShardsWriteTheSameBytes() throws {
    try withTemporaryDirectory { root in
      let (one, two, first, second, merged) = (root + "/one", root + "/two", root + "/first", root + "/second", root + "/merged")
      let sequential = try compare(["--jobs", "1"], out: one)
      let parallel = try compare(["--jobs", "2"], out: two)
      let shardOne = try compare(["--jobs", "2", "--shard", "1/2"], out: first)
      let shardTwo = try compare(["--jobs", "1", "--shard", "2/2"], out: second)
      let merge = try tokensim(["merge", first, second, "--out", merged])
      for result in [sequential, parallel, shardOne, shardTwo, merge] { #expect(result.status == 0, "\(result.stderr)") }
      #expect(shardOne.stdout.contains("shard 1 of 2: 12 of 24 runs"))
      #expect(files(first).contains("shard.json") && !files(first).contains("compare.md"))

      let expected = files(one)
      #expect(expected.count == 3 * 8 * 5 + 3)
      for directory in [two, merged] {
        #expect(files(directory) == expected, "the same files, and no shard.json")
        for file in expected {
          #expect(FileManager.default.contentsEqual(atPath: "\(one)/\(file)", andPath: "\(directory)/\(file)"), "\(file)")
        }
      }
      let printed = sequential.stdout.replacingOccurrences(of: one, with: "OUT")
      #expect(parallel.stdout.replacingOccurrences(of: two, with: "OUT") == printed)
      #expect(merge.stdout.replacingOccurrences(of: merged, with: "OUT") == printed)
    }
  }

  @Test func theShardsSplitTheMatrixWithoutOverlapOrGap() throws {
    try withTemporaryDirectory { root in
      let directories = (1...3).map { root + "/\($0)" }
      for (number, directory) in directories.enumerated() {
        let result = try compare(["--shard", "\(number + 1)/3"], out: directory)
        #expect(result.status == 0)
      }
      let runs = directories.map { directory in
        Set(files(directory).filter { $0.hasSuffix("/report.json") }.map { String($0.dropLast("/report.json".count)) })
      }
      #expect(runs.map(\.count) == [8, 8, 8])
      #expect(runs[0].union(runs[1]).union(runs[2]).count == 24)
      #expect(runs[0].contains("quiet-day/naive") && runs[1].contains("quiet-day/reread-from-disk"))
    }
  }

  @Test func mergeRefusesMissingRepeatedAndForeignShards() throws {
    try withTemporaryDirectory { root in
      let (first, second, foreign) = (root + "/first", root + "/second", root + "/foreign")
      #expect(try compare(["--shard", "1/2"], out: first).status == 0)
      #expect(try compare(["--shard", "2/2"], out: second).status == 0)
      let other = try tokensim(["compare", "Scenarios/quiet-day.json", "--out", foreign, "--shard", "2/2"])
      #expect(other.status == 0)
      let cases: [([String], String)] = [
        ([first], "shard(s) 2/2 missing"),
        ([first, first], "shard 1/2 is given twice"),
        ([first, foreign], "is a shard of another matrix"),
        ([first, "Scenarios"], "holds no shard.json"),
      ]
      for (directories, message) in cases {
        let out = root + "/merged-\(directories.count)-\(message.count)"
        let result = try tokensim(["merge"] + directories + ["--out", out])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written")
      }
    }
  }

  @Test(arguments: ["0/2", "3/2", "1/0", "x", "1/2/3", "2"])
  func badShardsAreRefusedBeforeAnythingRuns(shard: String) throws {
    try withTemporaryDirectory { root in
      let out = root + "/never"
      let result = try tokensim(["suite", "Scenarios", "--out", out, "--shard", shard])
      #expect(result.status == 2)
      #expect(result.stderr.contains("--shard wants I/N with 1 ≤ I ≤ N ≤ 1000"))
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }
}

/// `run --seeds`: one run per seed, the same bytes with one job or two.
@Suite(.serialized) struct SeedSweepTests {
  @Test func seedsRunInParallelAndWriteTheSameBytesAsOneAtATime() throws {
    try withTemporaryDirectory { root in
      let (one, two) = (root + "/one", root + "/two")
      let base = ["run", "Scenarios/metastable-retry-storm.json", "--strategy", "naive", "--seeds", "3,7-9"]
      let sequential = try tokensim(base + ["--jobs", "1", "--out", one])
      let parallel = try tokensim(base + ["--jobs", "2", "--out", two])
      #expect(sequential.status == 0 && parallel.status == 0)
      #expect(
        sequential.stdout.replacingOccurrences(of: one, with: "OUT") == parallel.stdout.replacingOccurrences(of: two, with: "OUT")
      )
      let rows = sequential.stdout.split(separator: "\n").filter { $0.first?.isNumber == true && !$0.contains("seeds passed") }
      #expect(rows.map { $0.split(separator: " ")[0] } == ["3", "7", "8", "9"])
      for seed in [3, 7, 8, 9] {
        for file in ["report.json", "report.md", "junit.xml", "timeline.svg", "index.html"] {
          let path = "seed-\(seed)/\(file)"
          #expect(FileManager.default.contentsEqual(atPath: "\(one)/\(path)", andPath: "\(two)/\(path)"), "\(path)")
        }
      }
      let report = try String(contentsOfFile: "\(one)/seed-8/report.json", encoding: .utf8)
      #expect(report.contains("\"seed\" : 8"))
    }
  }

  @Test(arguments: [
    (["--seeds", "5-2"], "--seeds wants seeds and ranges"),
    (["--seeds", "1,1"], "--seeds wants seeds and ranges"),
    (["--seeds", "0-10000"], "--seeds wants seeds and ranges"),
    (["--seeds", "1-3", "--seed", "4"], "give --seed or --seeds, not both"),
    (["--jobs", "2"], "--jobs goes with --seeds"),
  ])
  func badSeedListsAreRefused(extra: [String], message: String) throws {
    try withTemporaryDirectory { root in
      let out = root + "/never"
      let result = try tokensim(["run", "Scenarios/quiet-day.json", "--strategy", "naive", "--out", out] + extra)
      #expect(result.status == 2)
      #expect(result.stderr.contains(message), "\(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out))
    }
  }
}
