// In-process timings for BENCHMARKS.md: median of 5 runs after 1 warm-up, as ../shared/bench asks.
// usage: motion-bench CORPUS_DIR  -> one JSON object per line on stdout
import Foundation
import MotionKit

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

/// Median milliseconds of `body` over 5 runs after 1 warm-up.
func measure(_ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    return median(times)
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

let corpus = CommandLine.arguments.dropFirst().first ?? "/tmp/bench-corpus"
let motionPaths = (try FileManager.default.contentsOfDirectory(atPath: "\(corpus)/motions"))
    .filter { $0.hasSuffix(".md") }.sorted().map { "\(corpus)/motions/\($0)" }
let checker = MotionChecker(resources: ResourceLibrary(workspaceRoot: nil, currentDirectory: "/nonexistent"))

// Issue 2: read and check the whole corpus in one process (files read from disk each run).
var findings = 0
let readCheck = try measure {
    findings = 0
    for path in motionPaths {
        let document = try MotionReader.read(contentsOf: path)
        findings += checker.check(document).count
    }
}
let texts = try motionPaths.map { try String(contentsOfFile: $0, encoding: .utf8) }
let readOnly = try measure { for text in texts { _ = try MotionReader.read(text) } }
let motions = try texts.map { try MotionReader.read($0).motion }
let writeOnly = measure { for motion in motions { _ = MarkdownWriter.write(motion) } }
emit(["name": "read+check corpus", "motions": motionPaths.count, "ms": readCheck,
      "motions_per_s": Double(motionPaths.count) / readCheck * 1000, "findings": findings])
emit(["name": "read corpus (in memory)", "motions": texts.count, "ms": readOnly])
emit(["name": "write corpus", "motions": motions.count, "ms": writeOnly])
emit(["name": "peak memory", "mb": peakResidentMegabytes()])
