/// Myers over words with their following space as one unit, as git's and diff-match-patch's word
/// modes do: half the sequence length and about half the edit distance, so a quarter of the
/// work. The result is mapped back to tokens, and an edit's shared first or last tokens (the
/// space after a replaced word) are handed back to the equal text beside it.
enum WordUnits {
    /// Arrays one word diff leaves for the next: a document's diff runs one per pair of
    /// blocks, and making and freeing each array every time costs more than filling it.
    struct Scratch {
        var diagonals = Myers.Diagonals()
        var shared = SharedOnly()
        var oldUnits: [Int32] = [], newUnits: [Int32] = []
        var oldStarts: [Int] = [], newStarts: [Int] = []
        var segments: [DiffSegment] = []
        /// Numbers for units other than a word and the usual space (emptied for each diff).
        var pairs = IntegerTable(capacity: 64)
    }

    static func diff(_ old: TokenizedText, _ new: TokenizedText, costCap: Int, scratch: inout Scratch) -> [DiffSegment] {
        // Tokens both sides share at their ends are left out of the search: a small edit to a
        // long block is found without making units of, or interning, the text around it.
        let (head, tail) = sharedEnds(old, new)
        scratch.pairs.removeAll()
        let space = firstSpaceAfterWord(old, head..<(old.count - tail))
        let oldCount = units(old, head..<(old.count - tail), space, &scratch.pairs, into: &scratch.oldUnits, &scratch.oldStarts)
        let newCount = units(new, head..<(new.count - tail), space, &scratch.pairs, into: &scratch.newUnits, &scratch.newStarts)
        let found = scratch.oldUnits.withUnsafeBufferPointer { oldUnits in
            scratch.newUnits.withUnsafeBufferPointer { newUnits in
                scratch.shared.diff(UnsafeBufferPointer(rebasing: oldUnits[..<oldCount]), UnsafeBufferPointer(rebasing: newUnits[..<newCount]),
                                    costCap: costCap, diagonals: &scratch.diagonals).segments
            }
        }
        scratch.segments.removeAll(keepingCapacity: true)
        if head > 0 { scratch.segments.append(DiffSegment(.equal, a: 0..<head, b: 0..<head)) }
        for segment in found {
            let a = scratch.oldStarts[segment.a.lowerBound]..<scratch.oldStarts[segment.a.upperBound]
            let b = scratch.newStarts[segment.b.lowerBound]..<scratch.newStarts[segment.b.upperBound]
            scratch.segments.append(DiffSegment(segment.operation, a: a, b: b))
        }
        if tail > 0 {
            scratch.segments.append(DiffSegment(.equal, a: (old.count - tail)..<old.count, b: (new.count - tail)..<new.count))
        }
        return factorCommonEdges(scratch.segments, old, new)
    }

    /// How many tokens the two texts share at their start and at their end, each cut where a
    /// unit starts in both. A unit starts at every word or mark (a space only ever ends one),
    /// so the units between the cuts are the units of the whole texts there, and Myers, which
    /// takes shared units at both ends as equal before it searches, finds the same result.
    static func sharedEnds(_ old: TokenizedText, _ new: TokenizedText) -> (head: Int, tail: Int) {
        func startsUnit(_ text: TokenizedText, _ index: Int) -> Bool {
            index == text.count || text.kinds[index] != .space
        }
        let shorter = min(old.count, new.count)
        var head = 0
        while head < shorter, old.ids[head] == new.ids[head] { head += 1 }
        while head > 0, !(startsUnit(old, head) && startsUnit(new, head)) { head -= 1 }
        var tail = 0
        while tail < shorter - head, old.ids[old.count - 1 - tail] == new.ids[new.count - 1 - tail] { tail += 1 }
        while tail > 0, !(startsUnit(old, old.count - tail) && startsUnit(new, new.count - tail)) { tail -= 1 }
        return (head, tail)
    }

    /// The id of the first space that follows a word in tokens `range`: in prose, nearly every
    /// unit is a word and that one space.
    private static func firstSpaceAfterWord(_ text: TokenizedText, _ range: Range<Int>) -> Int32 {
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if text.kinds[index] != .space, text.kinds[index + 1] == .space { return text.ids[index + 1] }
            index += 1
        }
        return -1
    }

    /// The ids of the units of tokens `range` into `ids`, and each unit's first token (plus the
    /// range's end) into `starts`; returns how many units. A word followed by `space` is
    /// numbered by the word's id, doubled, with no table; any other unit gets an odd number
    /// from `pairs`. Equal units get equal numbers, all Myers needs.
    ///
    /// The arrays are scratch, at least as long as needed (a unit per token at most), and
    /// written through raw buffers: no growth or uniqueness check per unit.
    private static func units(_ text: TokenizedText, _ range: Range<Int>, _ space: Int32, _ pairs: inout IntegerTable,
                              into ids: inout [Int32], _ starts: inout [Int]) -> Int {
        if ids.count < range.count { ids = .filled(with: 0, count: max(range.count, 2 * ids.count)) }
        if starts.count <= range.count { starts = .filled(with: 0, count: max(range.count + 1, 2 * starts.count)) }
        return text.ids.withUnsafeBufferPointer { tokenIDs in
            text.kinds.withUnsafeBufferPointer { kinds in
                ids.withUnsafeMutableBufferPointer { ids in
                    starts.withUnsafeMutableBufferPointer { starts in
                        var count = 0
                        var index = range.lowerBound
                        while index < range.upperBound {
                            starts[count] = index
                            let id = tokenIDs[index]
                            if kinds[index] != .space, index + 1 < range.upperBound, kinds[index + 1] == .space {
                                let next = tokenIDs[index + 1]
                                ids[count] = next == space ? id &* 2
                                    : pairs.id(UInt64(UInt32(bitPattern: id)) << 32 | UInt64(UInt32(bitPattern: next))) &* 2 &+ 1
                                index += 2
                            } else {
                                ids[count] = pairs.id(UInt64(UInt32(bitPattern: id)) << 32 | 0xFFFF_FFFF) &* 2 &+ 1
                                index += 1
                            }
                            count += 1
                        }
                        starts[count] = range.upperBound
                        return count
                    }
                }
            }
        }
    }

    /// In each run of changes between equal runs, tokens shared at the start or the end of both
    /// sides are equal text, not a change: "[-cat -]{+dog +}" becomes "[-cat-]{+dog+} ".
    private static func factorCommonEdges(_ segments: [DiffSegment], _ a: TokenizedText, _ b: TokenizedText) -> [DiffSegment] {
        var out: [DiffSegment] = []
        out.reserveCapacity(segments.count + 2)
        func emit(_ operation: DiffSegment.Operation, _ x: Range<Int>, _ y: Range<Int>) {
            out.appendMerging(operation, x, y)
        }
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if segment.operation == .equal {
                emit(.equal, segment.a, segment.b)
                index += 1
                continue
            }
            // The run of changes: its a-range and b-range.
            var x = segment.a, y = segment.b
            index += 1
            while index < segments.count, segments[index].operation != .equal {
                x = x.lowerBound..<segments[index].a.upperBound
                y = y.lowerBound..<segments[index].b.upperBound
                index += 1
            }
            var low = 0
            while low < x.count, low < y.count, a.ids[x.lowerBound + low] == b.ids[y.lowerBound + low] { low += 1 }
            var high = 0
            while high < x.count - low, high < y.count - low, a.ids[x.upperBound - 1 - high] == b.ids[y.upperBound - 1 - high] { high += 1 }
            emit(.equal, x.lowerBound..<(x.lowerBound + low), y.lowerBound..<(y.lowerBound + low))
            let middleA = (x.lowerBound + low)..<(x.upperBound - high), middleB = (y.lowerBound + low)..<(y.upperBound - high)
            emit(.delete, middleA, middleB.lowerBound..<middleB.lowerBound)
            emit(.insert, middleA.upperBound..<middleA.upperBound, middleB)
            emit(.equal, middleA.upperBound..<x.upperBound, middleB.upperBound..<y.upperBound)
        }
        return out
    }
}
