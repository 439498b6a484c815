/// Three-way merge over tokens: two texts changed from one base, combined. Changes that touch
/// different base tokens are both kept; changes that touch the same base tokens (or insert at
/// the same place) differently are conflicts, reported as base ranges.
public enum Merge3 {
    public enum Chunk: Hashable, Sendable {
        /// Base tokens neither side changed.
        case unchanged(base: Range<Int>)
        /// Only ours changed these base tokens: take `ours`.
        case ours(base: Range<Int>, ours: Range<Int>)
        /// Only theirs changed them.
        case theirs(base: Range<Int>, theirs: Range<Int>)
        /// Both made the same change.
        case both(base: Range<Int>, ours: Range<Int>, theirs: Range<Int>)
        /// Both changed the same base tokens differently.
        case conflict(base: Range<Int>, ours: Range<Int>, theirs: Range<Int>)
    }

    public struct Result: Sendable {
        public var chunks: [Chunk]
        public var conflicts: [Chunk] { chunks.filter { if case .conflict = $0 { return true } else { return false } } }
        public var hasConflicts: Bool { !conflicts.isEmpty }
    }

    /// A change one side made: base tokens `base` became side tokens `side`.
    private struct Change {
        var base: Range<Int>
        var side: Range<Int>
        var ours: Bool
    }

    public static func merge(base: [Int32], ours: [Int32], theirs: [Int32]) -> Result {
        let oursDiff = Myers.diff(base, ours).segments
        let theirsDiff = Myers.diff(base, theirs).segments
        var changes = changes(oursDiff, ours: true) + changes(theirsDiff, ours: false)
        // Insertions at a point come before a change that starts there.
        changes.sort { ($0.base.lowerBound, $0.base.isEmpty ? 0 : 1) < ($1.base.lowerBound, $1.base.isEmpty ? 0 : 1) }

        var clusters: [[Change]] = []
        var extent = 0..<0
        for change in changes {
            if let last = clusters.last, !last.isEmpty, overlaps(change.base, extent) {
                clusters[clusters.count - 1].append(change)
                extent = min(extent.lowerBound, change.base.lowerBound)..<max(extent.upperBound, change.base.upperBound)
            } else {
                clusters.append([change])
                extent = change.base
            }
        }

        var chunks: [Chunk] = []
        var position = 0
        for cluster in clusters {
            let low = cluster.map(\.base.lowerBound).min()!, high = cluster.map(\.base.upperBound).max()!
            if low > position { chunks.append(.unchanged(base: position..<low)) }
            let oursRange = sideRange(low..<high, cluster.filter(\.ours), oursDiff, sideCount: ours.count)
            let theirsRange = sideRange(low..<high, cluster.filter { !$0.ours }, theirsDiff, sideCount: theirs.count)
            let oursChanged = cluster.contains(where: \.ours), theirsChanged = cluster.contains { !$0.ours }
            switch (oursChanged, theirsChanged) {
            case (true, false): chunks.append(.ours(base: low..<high, ours: oursRange))
            case (false, true): chunks.append(.theirs(base: low..<high, theirs: theirsRange))
            default:
                if ours[oursRange] == theirs[theirsRange] {
                    chunks.append(.both(base: low..<high, ours: oursRange, theirs: theirsRange))
                } else {
                    chunks.append(.conflict(base: low..<high, ours: oursRange, theirs: theirsRange))
                }
            }
            position = max(position, high)
        }
        if position < base.count { chunks.append(.unchanged(base: position..<base.count)) }
        return Result(chunks: chunks)
    }

    /// The merged tokens, taking ours on conflicts (callers that care check `hasConflicts` first).
    public static func apply(_ result: Result, base: [Int32], ours: [Int32], theirs: [Int32]) -> [Int32] {
        var out: [Int32] = []
        for chunk in result.chunks {
            switch chunk {
            case .unchanged(let range): out += base[range]
            case .ours(_, let range), .both(_, let range, _), .conflict(_, let range, _): out += ours[range]
            case .theirs(_, let range): out += theirs[range]
            }
        }
        return out
    }

    /// The changes a diff makes: each run of deletions and insertions between equal runs is one
    /// change (a pure insertion has an empty base range at its place).
    private static func changes(_ segments: [DiffSegment], ours: Bool) -> [Change] {
        var out: [Change] = []
        var current: Change?
        for segment in segments {
            if segment.operation == .equal {
                if let change = current { out.append(change) }
                current = nil
            } else if let change = current {
                current = Change(base: change.base.lowerBound..<segment.a.upperBound,
                                 side: change.side.lowerBound..<segment.b.upperBound, ours: ours)
            } else {
                current = Change(base: segment.a, side: segment.b, ours: ours)
            }
        }
        if let change = current { out.append(change) }
        return out
    }

    /// Do two changes touch the same base tokens, or insert at the same place?
    private static func overlaps(_ edit: Range<Int>, _ extent: Range<Int>) -> Bool {
        if edit.isEmpty, extent.isEmpty { return edit.lowerBound == extent.lowerBound }
        if edit.isEmpty { return extent.lowerBound < edit.lowerBound && edit.lowerBound < extent.upperBound }
        if extent.isEmpty { return edit.lowerBound < extent.lowerBound && extent.lowerBound < edit.upperBound }
        return edit.lowerBound < extent.upperBound && extent.lowerBound < edit.upperBound
    }

    /// The side's tokens standing for base tokens `extent`: its own changes in the cluster in
    /// full, and unchanged tokens mapped one to one.
    private static func sideRange(_ extent: Range<Int>, _ own: [Change], _ segments: [DiffSegment], sideCount: Int) -> Range<Int> {
        let low = own.first { $0.base.lowerBound == extent.lowerBound }?.side.lowerBound
            ?? unchangedPosition(startingAt: extent.lowerBound, segments, sideCount: sideCount)
        let high = own.last { $0.base.upperBound == extent.upperBound }?.side.upperBound
            ?? unchangedPosition(endingAt: extent.upperBound, segments, sideCount: sideCount)
        return low..<max(low, high)
    }

    /// The side position where base position `p` starts, after any insertion at `p` (which
    /// belongs to an earlier cluster).
    private static func unchangedPosition(startingAt p: Int, _ segments: [DiffSegment], sideCount: Int) -> Int {
        for segment in segments where segment.operation != .insert {
            if segment.a.contains(p) { return segment.b.lowerBound + (segment.operation == .equal ? p - segment.a.lowerBound : 0) }
        }
        return sideCount
    }

    /// The side position where base position `p` ends, before any insertion at `p` (which
    /// belongs to a later cluster).
    private static func unchangedPosition(endingAt p: Int, _ segments: [DiffSegment], sideCount: Int) -> Int {
        guard p > 0 else { return 0 }
        for segment in segments where segment.operation != .insert {
            if segment.a.contains(p - 1) { return segment.b.lowerBound + (segment.operation == .equal ? p - segment.a.lowerBound : 0) }
        }
        return sideCount
    }
}
