// In-process timings for BENCHMARKS.md: median of 5 runs after 1 warm-up, as ../shared/bench asks.
// usage: motion-bench CORPUS_DIR  -> one JSON object per line on stdout
//        motion-bench CORPUS_DIR --seed-store WORKSPACE  -> a conference-sized store in WORKSPACE
import Foundation
import MotionDiff
import MotionKit

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

/// Median milliseconds of `body` over 5 runs after 1 warm-up.
/// The median of `runs` timed runs after one warm-up, in ms.
func measure(runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
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
// `motion-bench CORPUS --seed-store WORKSPACE`: a conference-sized store (SeedStore.swift).
if let flag = CommandLine.arguments.firstIndex(of: "--seed-store"), flag + 1 < CommandLine.arguments.count {
    try seedConferenceStore(corpus: corpus, workspace: CommandLine.arguments[flag + 1])
    exit(0)
}
// `motion-bench CORPUS --profile-diff`: only the diff engine, many times, for a profiler.
if CommandLine.arguments.contains("--profile-diff") {
    let texts = try ["base.txt", "edit-30.txt", "unrelated-a.txt", "unrelated-b.txt", "edit-5.txt"].map {
        try String(contentsOfFile: "\(corpus)/diff/\($0)", encoding: .utf8)
    }
    let only30 = CommandLine.arguments.contains("--only-30")
    for _ in 0..<(only30 ? 60 : 20) {
        _ = try! DiffInput.compare(texts[0], texts[1]).pieces
        if only30 { continue }
        _ = try! DiffInput.compare(texts[2], texts[3]).pieces
        _ = try! DiffInput.compare(texts[0], texts[4]).pieces
    }
    exit(0)
}
// `motion-bench CORPUS --profile-amend`: only amendment wording, written and applied, for a profiler.
if CommandLine.arguments.contains("--profile-amend") {
    let pairs = try (1...200).map { k -> (Motion, Motion) in
        let stem = String(format: "%03d", k)
        return (try MotionReader.read(String(contentsOfFile: "\(corpus)/diff/small/\(stem)-a.txt", encoding: .utf8)).motion,
                try MotionReader.read(String(contentsOfFile: "\(corpus)/diff/small/\(stem)-b.txt", encoding: .utf8)).motion)
    }
    for (a, b) in pairs {
        let style: ConferenceProfile.AmendmentStyle = CommandLine.arguments.contains("--lines") ? .lines : .quoted
        let wording = AmendmentWriter.wording(from: a, to: b, style: style, lineWidth: 80)
        _ = try AmendmentApplier.apply(wording: wording, to: a, lineWidth: 80)
    }
    exit(0)
}
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

// Issue 4: the diff engine in-process on the corpus pairs (files already in memory), against
// Swift's CollectionDifference on the same token ids.
let pairs = [("0.5%", "base.txt", "edit-0.5.txt"), ("5%", "base.txt", "edit-5.txt"), ("30%", "base.txt", "edit-30.txt"),
             ("unrelated", "unrelated-a.txt", "unrelated-b.txt")]
for (name, a, b) in pairs {
    let old = try String(contentsOfFile: "\(corpus)/diff/\(a)", encoding: .utf8)
    let new = try String(contentsOfFile: "\(corpus)/diff/\(b)", encoding: .utf8)
    var segments = 0
    // A few milliseconds each: 21 runs, so that one slow moment of a shared machine does not
    // decide the median.
    let engine = measure(runs: 21) {
        let diff = try! DiffInput.compare(old, new)
        segments = diff.pieces.count
    }
    let interner = TokenInterner()
    let oldTokens = Tokenizer.tokenize(old, interner: interner).ids, newTokens = Tokenizer.tokenize(new, interner: interner).ids
    var collectionChanges = 0
    let collection = measure { collectionChanges = newTokens.difference(from: oldTokens).count }
    emit(["name": "diff \(name)", "ms": engine, "segments": segments, "collection_difference_ms": collection,
          "collection_difference_changes": collectionChanges, "words_a": WordCount.of(old), "words_b": WordCount.of(new)])
}
var smallSegments = 0
let smallPairs = try (1...200).map { k -> (String, String) in
    let stem = String(format: "%03d", k)
    return (try String(contentsOfFile: "\(corpus)/diff/small/\(stem)-a.txt", encoding: .utf8),
            try String(contentsOfFile: "\(corpus)/diff/small/\(stem)-b.txt", encoding: .utf8))
}
let small = measure {
    smallSegments = 0
    for (old, new) in smallPairs { smallSegments += try! DiffInput.compare(old, new).pieces.count }
}
emit(["name": "diff small x200", "ms": small, "segments": smallSegments])

// Issue 5: amendment wording written (amend) and applied back (apply) for the 200 small motion
// pairs, in both styles, motions already read; every round trip is checked.
let pairMotions = try smallPairs.map { (try MotionReader.read($0.0).motion, try MotionReader.read($0.1).motion) }
for style in [ConferenceProfile.AmendmentStyle.quoted, .lines] {
    var wordings: [String] = []
    let write = measure {
        wordings = pairMotions.map { AmendmentWriter.wording(from: $0.0, to: $0.1, style: style, lineWidth: 80) }
    }
    var exact = 0
    var applied: [Motion] = []
    let apply = try measure {
        applied = try zip(pairMotions, wordings).map { try AmendmentApplier.apply(wording: $1, to: $0.0, lineWidth: 80) }
    }
    for (motion, pair) in zip(applied, pairMotions) where motion.title == pair.1.title && motion.sections == pair.1.sections
        && motion.preamble == pair.1.preamble { exact += 1 }
    let instructions = wordings.reduce(0) { $0 + ((try? AmendmentParser.parse($1))?.count ?? 0) }
    let whole = wordings.filter { $0.contains("Delete all and replace with") }.count
    emit(["name": "amend \(style.rawValue)", "pairs": pairMotions.count, "write_ms": write, "apply_ms": apply,
          "exact": exact, "instructions": instructions, "whole_replacements": whole])
}

// Issue 17: drafting a composite of 5 and of 20 corpus motions, already read: unrelated ones
// (nothing merges: the largest composite), and the same with motion 001's blocks in each (its
// every block said by all, written once).
let common = motions[0]
let overlapping = motions[1...20].map { motion -> Motion in
    var motion = motion
    for index in motion.sections.indices {
        let kind = motion.sections[index].kind
        motion.sections[index].blocks = (common.sections.first { $0.kind == kind }?.blocks ?? []) + motion.sections[index].blocks
    }
    return motion
}
// `motion-bench CORPUS --profile-composite`: only the overlapping composite of 20, for a profiler.
if CommandLine.arguments.contains("--profile-composite") {
    let sources = overlapping.map { CompositeDrafter.Source(reference: "\($0.id)@1", motion: $0) }
    for _ in 0..<30 { _ = try CompositeDrafter.draft(sources, id: "bench-composite") }
    exit(0)
}
for (name, family) in [("unrelated", Array(motions[1...20])), ("overlapping", overlapping)] {
    for count in [5, 20] {
        let sources = family.prefix(count).map { CompositeDrafter.Source(reference: "\($0.id)@1", motion: $0) }
        var blocks = 0, leftOut = 0
        let ms = try measure {
            let (composite, report) = try CompositeDrafter.draft(sources, id: "bench-composite")
            blocks = composite.sections.map(\.blocks.count).reduce(0, +)
            leftOut = report.leftOut.count
        }
        emit(["name": "composite \(name) \(count)", "ms": ms, "motions": count, "blocks": blocks, "left_out": leftOut])
    }
}
