import Foundation
@testable import MotionDiff

/// A seedable generator, so that a failing case can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum DiffTestSupport {
    /// Applies a token diff to A's tokens: equal and inserted runs make B.
    static func apply(_ segments: [DiffSegment], a: [Int32], b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        for segment in segments {
            switch segment.operation {
            case .equal: out += a[segment.a]
            case .insert: out += b[segment.b]
            case .delete: break
            }
        }
        return out
    }

    /// Checks that the segments cover A and B in order without gaps.
    static func isWellFormed(_ segments: [DiffSegment], a: Int, b: Int) -> Bool {
        var x = 0, y = 0
        for segment in segments {
            guard segment.a.lowerBound == x, segment.b.lowerBound == y else { return false }
            switch segment.operation {
            case .equal: guard segment.a.count == segment.b.count else { return false }
            case .delete: guard segment.b.isEmpty else { return false }
            case .insert: guard segment.a.isEmpty else { return false }
            }
            x = segment.a.upperBound
            y = segment.b.upperBound
        }
        return x == a && y == b
    }

    /// Length of the longest common subsequence, by the O(NM) table.
    static func lcs(_ a: [Int32], _ b: [Int32]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 0..<a.count {
            for j in 0..<b.count {
                current[j + 1] = a[i] == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `ids` after up to `maximum - 1` random edits (a removal, a replacement or an insertion,
    /// each from `alphabet`), as a revision changes a text.
    static func edited(_ ids: [Int32], edits maximum: UInt64, alphabet: UInt64, _ random: inout SplitMix64) -> [Int32] {
        var ids = ids
        for _ in 0..<Int(random.next() % maximum) {
            let at = Int(random.next() % UInt64(ids.count + 1))
            switch random.next() % 3 {
            case 0 where at < ids.count: ids.remove(at: at)
            case 1 where at < ids.count: ids[at] = Int32(random.next() % alphabet)
            default: ids.insert(Int32(random.next() % alphabet), at: at)
            }
        }
        return ids
    }

    /// Random ASCII of under `maximum` bytes: a byte of any value one time in `anyOneIn`, else
    /// one of `common`.
    static func ascii(_ random: inout SplitMix64, under maximum: UInt64, common: String, anyOneIn: UInt64) -> [UInt8] {
        let common = Array(common.utf8)
        return (0..<Int(random.next() % maximum)).map { _ in
            random.next() % anyOneIn == 0 ? UInt8(random.next() % 0x80) : common[Int(random.next() % UInt64(common.count))]
        }
    }

    static let vocabulary = ["the", "peer", "support", "workers", " ", " ", " ", ".", ",", "café", "cafe\u{301}", "“", "\"",
                             "—", "-", "!!!", "...", "the", "the", "\n", "\n\n", "🙂", "👩‍⚕️", "Band", "7", "lived", "experience"]

    /// Random prose of up to `maximum` pieces, from a small vocabulary full of repeats.
    static func prose(_ random: inout SplitMix64, maximum: Int) -> String {
        let count = Int(random.next() % UInt64(maximum + 1))
        var out = ""
        for _ in 0..<count {
            let piece = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
            out += piece
            if random.next() % 3 == 0 { out += " " }
        }
        return out
    }

    /// B made from A by random word edits, so pairs are related as real revisions are.
    static func edited(_ text: String, _ random: inout SplitMix64) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int(random.next() % 6) {
            let position = words.isEmpty ? 0 : Int(random.next() % UInt64(words.count))
            switch random.next() % 3 {
            case 0: words.insert(vocabulary[Int(random.next() % UInt64(vocabulary.count))], at: position)
            case 1: if !words.isEmpty { words.remove(at: position) }
            default: if !words.isEmpty { words[position] = vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
            }
        }
        return words.joined(separator: " ")
    }
}
