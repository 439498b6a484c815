/// A diff that sets aside, before the search, the elements only one side has, as git's xdiff
/// does. No common subsequence can use them, so the longest common subsequences of what is left
/// are those of the whole texts, and the diff stays minimal. The search's work grows with the
/// square of the edit distance it has to find; in prose, a replaced or inserted word is mostly
/// one the other side lacks, so what is left has far fewer edits to find.
///
/// Where several diffs are minimal, the search of what is left may choose another of them than
/// a search of the whole: "generate, install, and" -> "generate, beyond and" can come out as
/// ", install" deleted before one comma and "beyond" inserted after the other, which reads
/// "generate[-, install, -]{+, beyond +}and". So, as git compacts its changes, an insertion or
/// deletion that can slide through the equal run beside it, staying the same edit, joins the
/// change on its other side: "generate, [-install,-]{+beyond+} and", as the search of the
/// whole finds it.
///
/// Ids are non-negative and index a table of marks, kept from one diff to the next: a caller
/// that diffs many pairs (every block pair of a document) keeps one `SharedOnly`. A pair with
/// fewer than `fewestWorthSettingAside` elements to set aside goes to the search whole.
struct SharedOnly {
    /// Per id, the stamp of the last diff that saw it in `a` (`stamp`) or in both (`stamp + 1`).
    private var marks: [UInt32] = []
    private var stamp: UInt32 = 0
    /// The elements both sides have, in order (the first `countA` and `countB` of these
    /// arrays, which are kept at the largest size needed so far), and where each stands.
    private var sharedA: [Int32] = [], sharedB: [Int32] = []
    private var positionsA: [Int] = [], positionsB: [Int] = []
    private var countA = 0, countB = 0
    static let fewestWorthSettingAside = 8

    /// The diff of `a` and `b`, in their own indices.
    mutating func diff(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, costCap: Int,
                       diagonals: inout Myers.Diagonals) -> TokenDiff {
        keepShared(a, b)
        // Each element set aside is an edit the search need not find; a few save less than
        // mapping the result back costs, and most paragraphs of a revision have only a few.
        if (a.count - countA) + (b.count - countB) < Self.fewestWorthSettingAside {
            return Myers.diff(a, b, costCap: costCap, diagonals: &diagonals)
        }
        let (countA, countB) = (self.countA, self.countB)
        let found = sharedA.withUnsafeBufferPointer { sharedA in
            sharedB.withUnsafeBufferPointer { sharedB in
                Myers.diff(UnsafeBufferPointer(rebasing: sharedA[..<countA]), UnsafeBufferPointer(rebasing: sharedB[..<countB]),
                           costCap: costCap, diagonals: &diagonals)
            }
        }
        // Between two equal elements, everything else on each side is deleted or inserted.
        var segments: [DiffSegment] = []
        segments.reserveCapacity(found.segments.count + 2)
        var nextA = 0, nextB = 0
        for segment in found.segments where segment.operation == .equal {
            let offset = segment.a.lowerBound - segment.b.lowerBound
            var j = segment.b.lowerBound
            while j < segment.b.upperBound {
                // The longest stretch of the equal run that is unbroken on both sides.
                let i = positionsA[offset + j], k = positionsB[j]
                var length = 1
                while j + length < segment.b.upperBound, positionsA[offset + j + length] == i + length,
                      positionsB[j + length] == k + length {
                    length += 1
                }
                segments.appendMerging(.delete, nextA..<i, nextB..<nextB)
                segments.appendMerging(.insert, i..<i, nextB..<k)
                segments.appendMerging(.equal, i..<(i + length), k..<(k + length))
                nextA = i + length
                nextB = k + length
                j += length
            }
        }
        segments.appendMerging(.delete, nextA..<a.count, nextB..<nextB)
        segments.appendMerging(.insert, a.count..<a.count, nextB..<b.count)
        return TokenDiff(segments: joiningNeighbours(segments, a, b), reachedCostCap: found.reachedCostCap)
    }

    /// `segments` with each pure insertion or deletion that can slide through the equal run on
    /// one side joined to the change beyond it (see the type's comment). An edit at either end
    /// stays: the equal run on its other side takes over what the edit leaves.
    private func joiningNeighbours(_ segments: [DiffSegment], _ a: UnsafeBufferPointer<Int32>,
                                   _ b: UnsafeBufferPointer<Int32>) -> [DiffSegment] {
        typealias Run = SemanticCleanup.Run
        var runs = SemanticCleanup.makeRuns(segments)
        var joined = false
        var index = 0
        while index < runs.count {
            let run = runs[index]
            guard !run.isEqual, run.a.isEmpty != run.b.isEmpty else {
                index += 1
                continue
            }
            // The edit's elements are in b for an insertion, in a for a deletion.
            let edit = run.a.isEmpty ? run.b : run.a, ids = run.a.isEmpty ? b : a
            if index >= 1, index + 2 < runs.count, canSlide(edit, by: runs[index + 1].a.count, ids) {
                // Through the equal run after it, which the equal run before it takes over.
                let shift = runs[index + 1].a.count
                runs[index - 1].a = runs[index - 1].a.lowerBound..<(runs[index - 1].a.upperBound + shift)
                runs[index - 1].b = runs[index - 1].b.lowerBound..<(runs[index - 1].b.upperBound + shift)
                let next = runs[index + 2]
                runs[index] = Run(isEqual: false, a: (run.a.lowerBound + shift)..<next.a.upperBound,
                                  b: (run.b.lowerBound + shift)..<next.b.upperBound)
                runs.removeSubrange((index + 1)...(index + 2))
                joined = true
                // The equal run before grew: the edit before it may now slide through it.
                index = max(index - 2, 0)
            } else if index >= 2, index + 1 < runs.count, canSlide(edit, by: -runs[index - 1].a.count, ids) {
                // Through the equal run before it, which the equal run after it takes over.
                let shift = runs[index - 1].a.count
                let previous = runs[index - 2]
                runs[index - 2] = Run(isEqual: false, a: previous.a.lowerBound..<(run.a.upperBound - shift),
                                      b: previous.b.lowerBound..<(run.b.upperBound - shift))
                runs[index + 1].a = (runs[index + 1].a.lowerBound - shift)..<runs[index + 1].a.upperBound
                runs[index + 1].b = (runs[index + 1].b.lowerBound - shift)..<runs[index + 1].b.upperBound
                runs.removeSubrange((index - 1)...index)
                joined = true
                index -= 2
            } else {
                index += 1
            }
        }
        return joined ? SemanticCleanup.makeSegments(runs) : segments
    }

    /// Whether the elements `edit` of `ids` can move `shift` places (right when positive) and
    /// stay the same sequence of elements deleted or inserted.
    private func canSlide(_ edit: Range<Int>, by shift: Int, _ ids: UnsafeBufferPointer<Int32>) -> Bool {
        if shift > 0 {
            for offset in 0..<shift where ids[edit.lowerBound + offset] != ids[edit.upperBound + offset] { return false }
        } else {
            for offset in 1...(-shift) where ids[edit.upperBound - offset] != ids[edit.lowerBound - offset] { return false }
        }
        return true
    }

    /// Fills the first `countA` of `sharedA` and `countB` of `sharedB` (and their positions)
    /// with the elements both sides have.
    private mutating func keepShared(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>) {
        var largest: Int32 = 0
        for id in a { largest = max(largest, id) }
        for id in b { largest = max(largest, id) }
        if marks.count <= Int(largest) { marks = .filled(with: 0, count: max(Int(largest) + 1, 2 * marks.count)) }
        if stamp > UInt32.max - 4 {
            marks = .filled(with: 0, count: marks.count)
            stamp = 0
        }
        stamp += 2
        let inA = stamp, inBoth = stamp + 1
        if sharedA.count < a.count {
            sharedA = .filled(with: 0, count: max(a.count, 2 * sharedA.count))
            positionsA = .filled(with: 0, count: sharedA.count)
        }
        if sharedB.count < b.count {
            sharedB = .filled(with: 0, count: max(b.count, 2 * sharedB.count))
            positionsB = .filled(with: 0, count: sharedB.count)
        }
        // Through raw buffers: no uniqueness or capacity check per element.
        (countA, countB) = marks.withUnsafeMutableBufferPointer { marks in
            sharedA.withUnsafeMutableBufferPointer { sharedA in
                sharedB.withUnsafeMutableBufferPointer { sharedB in
                    positionsA.withUnsafeMutableBufferPointer { positionsA in
                        positionsB.withUnsafeMutableBufferPointer { positionsB in
                            for id in a { marks[Int(id)] = inA }
                            var countB = 0
                            for (index, id) in b.enumerated() where marks[Int(id)] >= inA {
                                marks[Int(id)] = inBoth
                                sharedB[countB] = id
                                positionsB[countB] = index
                                countB += 1
                            }
                            var countA = 0
                            for (index, id) in a.enumerated() where marks[Int(id)] == inBoth {
                                sharedA[countA] = id
                                positionsA[countA] = index
                                countA += 1
                            }
                            return (countA, countB)
                        }
                    }
                }
            }
        }
    }
}
