import Foundation
import MotionDiff

/// A diff flattened into styled runs of text in reading order: what every inline renderer
/// prints. Dropping the deleted runs gives the target text; dropping the inserted ones, the
/// base text, except that a renumbered point shows its new number (list numbering is not a
/// change of words, and Markdown readers renumber lists).
public struct DiffPiece: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case equal, deleted, inserted
    }

    public var style: Style
    public var text: String
    /// For richer renderers: "moved from point 3" and the like.
    public var note: String?

    public init(style: Style, text: String, note: String? = nil) {
        self.style = style
        self.text = text
        self.note = note
    }
}

extension DocumentDiff {
    /// The diff as styled runs, adjacent runs of one style merged.
    public var pieces: [DiffPiece] { runs.pieces }

    /// The pieces as runs over one buffer, before any String is made.
    var runs: DiffRuns {
        // Room at once for the target's text and the base's changed blocks: a buffer grown by
        // doubling touches more memory, and each fresh page costs a fault.
        var out = PieceBuilder(capacity: target.utf8Count + changedBaseUTF8Count)
        // By index: `for change in blocks` would copy each change, retaining its texts and arrays.
        for s in sections.indices {
            if let heading = sections[s].heading {
                out.add(change: heading, in: self, baseBlock: sections[s].base.flatMap { base.sections[$0].heading },
                        targetBlock: sections[s].target.flatMap { target.sections[$0].heading })
            }
            for k in sections[s].blocks.indices {
                let (basePlace, targetPlace) = (sections[s].blocks[k].base, sections[s].blocks[k].target)
                out.add(change: sections[s].blocks[k], in: self, baseBlock: basePlace.map { block($0, inBase: true) },
                        targetBlock: targetPlace.map { block($0, inBase: false) })
            }
        }
        if base.trailing == target.trailing {
            out.append(.equal, base.trailing)
        } else {
            out.append(.deleted, base.trailing)
            out.append(.inserted, target.trailing)
        }
        var runs = out.finish()
        PieceBuilder.absorbShortEqualities(&runs)
        return runs
    }

    /// The UTF-8 length of the base's blocks that are not unchanged: all the deleted text
    /// there can be.
    private var changedBaseUTF8Count: Int {
        var count = base.trailing == target.trailing ? 0 : base.trailing.utf8.count
        for section in sections {
            if let heading = section.heading, heading.kind != .equal, let place = section.base {
                count += base.sections[place].heading?.utf8Count ?? 0
            }
            for index in section.blocks.indices where section.blocks[index].kind != .equal {
                if let place = section.blocks[index].base { count += block(place, inBase: true).utf8Count }
            }
        }
        return count
    }

    /// Words added and removed in each section (by the target's heading, or the base's).
    public var wordStats: [(section: String, added: Int, removed: Int)] {
        sections.map { section in
            var added = 0, removed = 0
            for change in ([section.heading].compactMap { $0 } + section.blocks) {
                switch change.kind {
                case .equal, .movedAway: break
                case .deleted:
                    if let place = change.base { removed += WordCount.of(blockText(place, inBase: true)) }
                case .inserted:
                    if let place = change.target { added += WordCount.of(blockText(place, inBase: false)) }
                case .modified, .replaced, .movedHere:
                    guard let old = change.baseTokens, let new = change.targetTokens else { continue }
                    for segment in change.segments {
                        if segment.operation == .delete { removed += old.wordCount(in: segment.a) }
                        if segment.operation == .insert { added += new.wordCount(in: segment.b) }
                    }
                }
            }
            let name = section.target.flatMap { target.sections[$0].heading?.text } ?? section.base.flatMap { base.sections[$0].heading?.text }
            return (name ?? "(title and front matter)", added, removed)
        }
    }

    /// "point 3 of Conference calls on ..." for notes about moves.
    func describe(_ place: BlockPlace, inBase: Bool) -> String {
        let document = inBase ? base : target
        let section = document.sections[place.section]
        let block = section.blocks[place.block]
        let name = block.kind == .point ? "point \(block.marker.trimmingCharacters(in: .init(charactersIn: ". ")))" : "\(block.kind.rawValue) \(place.block + 1)"
        return section.heading.map { "\(name) of \($0.text)" } ?? name
    }
}

struct PieceBuilder {
    private var runs = DiffRuns()

    init(capacity: Int = 0) {
        runs.bytes = ByteWriter(capacity: capacity)
    }

    mutating func append(_ style: DiffPiece.Style, _ text: String, note: String? = nil) {
        runs.append(style, text, note: note)
    }

    mutating func append(_ style: DiffPiece.Style, _ utf8: UnsafeBufferPointer<UInt8>, note: String? = nil) {
        runs.append(style, utf8, note: note)
    }

    /// The runs, adjacent runs of one style merged, handed over (not copied).
    mutating func finish() -> DiffRuns {
        var done = DiffRuns()
        swap(&done, &runs)
        return done
    }

    /// Both blocks are points: their markers differ only in the number a list gives them, which
    /// follows from the points around them (a reader of Markdown renumbers them anyway).
    static func isRenumbering(_ old: DiffDocument.Block, _ new: DiffDocument.Block) -> Bool {
        old.kind == .point && new.kind == .point
    }

    /// Lead and marker: printed once when equal, else old then new.
    mutating func layout(_ old: DiffDocument.Block, _ new: DiffDocument.Block) {
        if old.lead == new.lead || Self.isRenumbering(old, new) {
            // Also a point that is now first in its list, or no longer: the line breaks
            // before it are the list's layout, not a change.
            append(.equal, new.lead)
        } else {
            append(.deleted, old.lead)
            append(.inserted, new.lead)
        }
        if old.marker == new.marker || Self.isRenumbering(old, new) {
            // A point whose number alone changed is unchanged text: its new number, once.
            append(.equal, new.marker)
        } else {
            append(.deleted, old.marker)
            append(.inserted, new.marker)
        }
    }

    /// What follows the words (a composite's provenance): once when equal, else old then new.
    mutating func trailer(_ old: DiffDocument.Block, _ new: DiffDocument.Block) {
        if old.trailer == new.trailer {
            append(.equal, new.trailer)
        } else {
            append(.deleted, old.trailer)
            append(.inserted, new.trailer)
        }
    }

    mutating func add(change: BlockChange, in diff: DocumentDiff, baseBlock: DiffDocument.Block?, targetBlock: DiffDocument.Block?) {
        switch change.kind {
        case .equal:
            guard let old = baseBlock, let new = targetBlock else { return }
            layout(old, new)
            append(.equal, new.text)
            trailer(old, new)
        case .deleted:
            if let old = baseBlock { append(.deleted, old.rendered) }
        case .inserted:
            if let new = targetBlock { append(.inserted, new.rendered) }
        case .movedAway:
            if let old = baseBlock { append(.deleted, old.rendered, note: change.target.map { "moved to \(diff.describe($0, inBase: false))" }) }
        case .movedHere:
            if let new = targetBlock { append(.inserted, new.rendered, note: change.base.map { "moved from \(diff.describe($0, inBase: true))" }) }
        case .replaced:
            guard let old = baseBlock, let new = targetBlock else { return }
            layout(old, new)
            append(.deleted, old.text)
            append(.inserted, new.text)
            trailer(old, new)
        case .modified:
            guard let old = baseBlock, let new = targetBlock, let a = change.baseTokens, let b = change.targetTokens else { return }
            layout(old, new)
            a.withUTF8 { aBytes in
                b.withUTF8 { bBytes in
                    for segment in change.segments {
                        switch segment.operation {
                        case .equal: append(.equal, UnsafeBufferPointer(rebasing: aBytes[a.byteRange(of: segment.a)]))
                        case .delete: append(.deleted, UnsafeBufferPointer(rebasing: aBytes[a.byteRange(of: segment.a)]))
                        case .insert: append(.inserted, UnsafeBufferPointer(rebasing: bBytes[b.byteRange(of: segment.b)]))
                        }
                    }
                }
            }
            trailer(old, new)
        }
    }
}

extension PieceBuilder {
    /// The semantic cleanup again, across block boundaries: a short equality (often just the
    /// line breaks between two changed paragraphs) between changes no shorter than it on both
    /// sides joins them, as it would in a diff of the whole text.
    static func absorbShortEqualities(_ input: inout DiffRuns) {
        // Groups are runs of pieces, kept as ranges: texts are joined once, at the end. A change
        // group's deleted text is its deleted and equal pieces in order, its inserted text its
        // inserted and equal pieces: an equality it took in stands on both sides.
        // Twenty bytes: a diff has thousands of groups (see ``CompactRange``).
        struct Group {
            enum Kind: UInt8 { case equal, moved, change }
            var kind: Kind
            private var span: CompactRange
            var deletedWords: Int32 = 0
            var insertedWords: Int32 = 0

            init(kind: Kind, pieces: Range<Int>) {
                self.kind = kind
                span = CompactRange(pieces)
            }

            var pieces: Range<Int> {
                get { span.range }
                set { span.range = newValue }
            }
        }
        let pieces = input.runs
        // A stack of groups. Once a change is complete (an equality or a moved block follows it,
        // or the pieces end), while the top three are a change, a short equality and a change,
        // they become one change, which may then absorb the equality before it.
        var groups: [Group] = []
        // Room for them at once, counted (absorbing only merges groups): an array grown by
        // doubling, or room to spare, takes heap pages the renderer would otherwise reuse.
        var groupCount = 0, inChange = false
        for piece in pieces {
            let isChange = !piece.hasNote && piece.style != .equal
            if !isChange || !inChange { groupCount += 1 }
            inChange = isChange
        }
        groups.reserveCapacity(groupCount)
        func absorb() {
            while groups.count >= 3, groups[groups.count - 3].kind == .change, groups[groups.count - 2].kind == .equal,
                  groups[groups.count - 1].kind == .change {
                let left = groups.count - 3, right = groups.count - 1
                // Equal runs can be most of the document: count them only as far as the test needs.
                let limit = min(max(groups[left].deletedWords, groups[left].insertedWords),
                                max(groups[right].deletedWords, groups[right].insertedWords))
                let words = Int32(input.wordCount(groups[left + 1].pieces.lowerBound, stoppingAfter: Int(limit)))
                guard words <= limit else { return }
                let last = groups.removeLast()
                groups.removeLast()
                groups[left].pieces = groups[left].pieces.lowerBound..<last.pieces.upperBound
                groups[left].deletedWords += words + last.deletedWords
                groups[left].insertedWords += words + last.insertedWords
            }
        }
        for (index, piece) in pieces.enumerated() {
            if piece.hasNote || piece.style == .equal {
                absorb()
                groups.append(Group(kind: piece.hasNote ? .moved : .equal, pieces: index..<(index + 1)))
                continue
            }
            if groups.last?.kind != .change { groups.append(Group(kind: .change, pieces: index..<index)) }
            let last = groups.count - 1
            groups[last].pieces = groups[last].pieces.lowerBound..<(index + 1)
            if piece.style == .deleted {
                groups[last].deletedWords += Int32(input.wordCount(index))
            } else {
                groups[last].insertedWords += Int32(input.wordCount(index))
            }
        }
        absorb()
        // Each side of a change group: its one piece where it has one, else its pieces joined
        // after the bytes already written.
        var runs: [DiffRuns.Run] = []
        runs.reserveCapacity(groups.count + groups.count / 2)
        // Room for the joined sides at once, at their size (see ``ByteWriter/reserve(_:)``).
        var joined = 0
        for group in groups where group.kind == .change && group.pieces.count > 1 {
            var deleted = (count: 0, bytes: 0), inserted = (count: 0, bytes: 0)
            for index in group.pieces {
                let piece = pieces[index]
                if piece.style != .inserted {
                    deleted.count += 1
                    deleted.bytes += piece.range.count
                }
                if piece.style != .deleted {
                    inserted.count += 1
                    inserted.bytes += piece.range.count
                }
            }
            joined += (deleted.count > 1 ? deleted.bytes : 0) + (inserted.count > 1 ? inserted.bytes : 0)
        }
        input.bytes.reserve(joined)
        func emit(_ side: DiffPiece.Style, of group: Range<Int>) {
            var first: Int?, count = 0, start = input.bytes.count
            for index in group where pieces[index].style == side || pieces[index].style == .equal {
                count += 1
                if count == 1 {
                    first = index
                    continue
                }
                if count == 2 {
                    start = input.bytes.count
                    input.bytes.appendCopy(of: pieces[first!].range)
                }
                input.bytes.appendCopy(of: pieces[index].range)
            }
            guard let first else { return }
            runs.append(input.run(side, count == 1 ? pieces[first].range : start..<input.bytes.count))
        }
        for group in groups {
            if group.kind == .change {
                emit(.deleted, of: group.pieces)
                emit(.inserted, of: group.pieces)
            } else {
                runs.append(pieces[group.pieces.lowerBound])
            }
        }
        input.runs = runs
    }
}
