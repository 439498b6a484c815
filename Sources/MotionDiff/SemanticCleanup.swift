/// Makes a diff read as whole changed phrases rather than confetti.
///
/// Two passes, after the idea of diff-match-patch's cleanupSemantic and cleanupSemanticLossless:
/// an equality no longer than the edits on both its sides is absorbed into them (so "the cat" ->
/// "a dog" is one replacement, not two around a shared space); then each pure insertion or
/// deletion slides to the most natural place among its equivalent ones (after a sentence end,
/// at a line start, at a word start). Neither pass changes what the diff turns A into.
public enum SemanticCleanup {
    struct Run {
        var isEqual: Bool
        var a: Range<Int>
        var b: Range<Int>
    }

    public static func apply(_ segments: [DiffSegment], a: TokenizedText, b: TokenizedText) -> [DiffSegment] {
        var runs = makeRuns(segments)
        absorbSmallEqualities(&runs, a: a, b: b)
        slideToBoundaries(&runs, a: a, b: b)
        return makeSegments(runs)
    }

    static func makeRuns(_ segments: [DiffSegment]) -> [Run] {
        var runs: [Run] = []
        runs.reserveCapacity(segments.count)
        for segment in segments where !(segment.a.isEmpty && segment.b.isEmpty) {
            let isEqual = segment.operation == .equal
            if let last = runs.last, last.isEqual == isEqual {
                runs[runs.count - 1] = Run(isEqual: isEqual, a: last.a.lowerBound..<segment.a.upperBound,
                                           b: last.b.lowerBound..<segment.b.upperBound)
            } else {
                runs.append(Run(isEqual: isEqual, a: segment.a, b: segment.b))
            }
        }
        return runs
    }

    static func makeSegments(_ runs: [Run]) -> [DiffSegment] {
        var out: [DiffSegment] = []
        out.reserveCapacity(runs.count + runs.count / 2)
        for run in runs {
            if run.isEqual {
                if !run.a.isEmpty { out.append(DiffSegment(.equal, a: run.a, b: run.b)) }
                continue
            }
            if !run.a.isEmpty { out.append(DiffSegment(.delete, a: run.a, b: run.b.lowerBound..<run.b.lowerBound)) }
            if !run.b.isEmpty { out.append(DiffSegment(.insert, a: run.a.upperBound..<run.a.upperBound, b: run.b)) }
        }
        return out
    }

    /// Sizes are counted in words and marks (white space is free), as diff-match-patch's word
    /// mode counts them: an equality of one word between two one-word edits is absorbed.
    private static func absorbSmallEqualities(_ runs: inout [Run], a: TokenizedText, b: TokenizedText) {
        /// The units of tokens `range`, or any number above `limit` once the count passes it
        /// (an equality can be a whole paragraph; it is only compared with its neighbours).
        func units(_ text: TokenizedText, _ range: Range<Int>, stoppingAfter limit: Int = .max) -> Int {
            var count = 0
            for index in range where text.kinds[index] != .space {
                count += 1
                if count > limit { break }
            }
            return count
        }
        func size(_ run: Run) -> Int { max(units(a, run.a), units(b, run.b)) }
        var index = 1
        while index < runs.count - 1 {
            let equality = runs[index]
            guard equality.isEqual, !runs[index - 1].isEqual, !runs[index + 1].isEqual else {
                index += 1
                continue
            }
            let before = size(runs[index - 1])
            let length = units(a, equality.a, stoppingAfter: before)
            if length <= before, length <= size(runs[index + 1]) {
                runs[index - 1] = Run(isEqual: false, a: runs[index - 1].a.lowerBound..<runs[index + 1].a.upperBound,
                                      b: runs[index - 1].b.lowerBound..<runs[index + 1].b.upperBound)
                runs.removeSubrange(index...(index + 1))
                // The merged edit is larger: the equality before it may now be absorbed too.
                index = max(index - 2, 1)
            } else {
                index += 1
            }
        }
    }

    private static func slideToBoundaries(_ runs: inout [Run], a: TokenizedText, b: TokenizedText) {
        guard runs.count >= 3 else { return }
        for index in 1..<(runs.count - 1) {
            let run = runs[index]
            guard !run.isEqual, runs[index - 1].isEqual, runs[index + 1].isEqual, run.a.isEmpty != run.b.isEmpty else { continue }
            // The edit's tokens live in b for an insertion, in a for a deletion.
            let inserting = run.a.isEmpty
            let side = inserting ? b : a
            var edit = inserting ? run.b : run.a
            let before = inserting ? runs[index - 1].b : runs[index - 1].a
            let after = inserting ? runs[index + 1].b : runs[index + 1].a
            // Slide as far left as the edit stays equivalent, then try every place to the right.
            while edit.lowerBound > before.lowerBound, side.ids[edit.lowerBound - 1] == side.ids[edit.upperBound - 1] {
                edit = (edit.lowerBound - 1)..<(edit.upperBound - 1)
            }
            var best = edit
            var bestScore = score(edit, in: side)
            var candidate = edit
            while candidate.upperBound < after.upperBound, side.ids[candidate.lowerBound] == side.ids[candidate.upperBound] {
                candidate = (candidate.lowerBound + 1)..<(candidate.upperBound + 1)
                let candidateScore = score(candidate, in: side)
                if candidateScore >= bestScore {
                    best = candidate
                    bestScore = candidateScore
                }
            }
            let shift = best.lowerBound - (inserting ? run.b.lowerBound : run.a.lowerBound)
            guard shift != 0 else { continue }
            runs[index - 1].a = runs[index - 1].a.lowerBound..<(runs[index - 1].a.upperBound + shift)
            runs[index - 1].b = runs[index - 1].b.lowerBound..<(runs[index - 1].b.upperBound + shift)
            runs[index].a = (run.a.lowerBound + shift)..<(run.a.upperBound + shift)
            runs[index].b = (run.b.lowerBound + shift)..<(run.b.upperBound + shift)
            runs[index + 1].a = (runs[index + 1].a.lowerBound + shift)..<runs[index + 1].a.upperBound
            runs[index + 1].b = (runs[index + 1].b.lowerBound + shift)..<runs[index + 1].b.upperBound
        }
    }

    /// How natural the edges of an edit spanning tokens `range` are.
    static func score(_ range: Range<Int>, in text: TokenizedText) -> Int {
        var total = boundaryScore(before: range.lowerBound - 1, after: range.lowerBound, in: text)
            + boundaryScore(before: range.upperBound - 1, after: range.upperBound, in: text)
        // Prefer an edit that starts with a word and ends with the space after it: "{+big +}cat".
        if text.kinds[range.lowerBound] == .word { total += 1 }
        if text.kinds[range.upperBound - 1] == .space { total += 1 }
        return total
    }

    private static func boundaryScore(before: Int, after: Int, in text: TokenizedText) -> Int {
        guard before >= 0, after < text.count else { return 6 }
        if text.kinds[before] == .space {
            let newlines = text.lineBreaks(inToken: before)
            if newlines >= 2 { return 5 }
            if newlines == 1 { return 4 }
            if before > 0, text.endsSentence(token: before - 1) { return 3 }
            return 2
        }
        if text.kinds[after] == .space { return 2 }
        if text.kinds[before] == .punctuation || text.kinds[after] == .punctuation { return 1 }
        return 0
    }
}

extension TokenizedText {
    /// How many line feeds token `index` holds, read from its bytes.
    func lineBreaks(inToken index: Int) -> Int {
        let lower = Int(starts[index]), upper = Int(starts[index + 1])
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for offset in lower..<upper where bytes[offset] == 0x0A { count += 1 }
            return count
        } ?? self[index].utf8.count { $0 == 0x0A }
    }

    /// Whether token `index`'s last character is a full stop, an exclamation or a question mark.
    /// An ASCII last byte after an ASCII byte (or alone) is that whole character: between two
    /// ASCII characters there is always a character break, but for CR LF (GB3); otherwise the
    /// token asks Character.
    func endsSentence(token index: Int) -> Bool {
        let lower = Int(starts[index]), upper = Int(starts[index + 1])
        let decided = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard upper > lower else { return false }
            let last = bytes[upper - 1]
            guard last < 0x80, upper - lower == 1 || bytes[upper - 2] < 0x80 else { return nil }
            return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
        } ?? nil
        if let decided { return decided }
        guard let character = self[index].last else { return false }
        return character == "." || character == "!" || character == "?"
    }
}
