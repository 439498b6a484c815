/// One change, placed in the base: what the amendment engine and the JSON output work from.
public struct Change: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// Word-level edits inside a block that otherwise stands.
        case replaceWords, deleteWords, insertWords
        /// Whole blocks (a heading is block -1 of its section).
        case replaceBlock, deleteBlock, insertBlock, moveBlock
    }

    public init(kind: Kind, base: BlockPlace?, baseTokens: Range<Int>? = nil, target: BlockPlace?, destination: BlockPlace? = nil,
                oldText: String, newText: String) {
        self.kind = kind
        self.base = base
        self.baseTokens = baseTokens
        self.target = target
        self.destination = destination
        self.oldText = oldText
        self.newText = newText
    }

    public var kind: Kind
    /// The base block touched; for an inserted block, the base block it goes before (its index
    /// may equal the section's block count: at the end). Nil when the section is new.
    public var base: BlockPlace?
    /// For word edits: the base block's tokens touched (empty where words are inserted).
    public var baseTokens: Range<Int>?
    /// Where the result stands in the target.
    public var target: BlockPlace?
    /// For a moved block: the base block it now goes before (as for an inserted block).
    public var destination: BlockPlace?
    public var oldText: String
    public var newText: String
}

extension DocumentDiff {
    /// Every change in reading order.
    public var changes: [Change] {
        var out: [Change] = []
        for section in sections {
            if let heading = section.heading { out += changes(for: heading, nextBase: section.base.map { BlockPlace(section: $0, block: -1) }) }
            var nextBase = 0
            for change in section.blocks {
                // A block that moved here has its base place elsewhere: it says nothing about
                // where this section's base blocks stand.
                let here = change.kind == .movedHere ? nil : change.base
                if let place = here { nextBase = place.block + 1 }
                let before = section.base.map { BlockPlace(section: $0, block: here?.block ?? nextBase) }
                out += changes(for: change, nextBase: before)
            }
        }
        return out
    }

    private func changes(for change: BlockChange, nextBase: BlockPlace?) -> [Change] {
        let old = change.base.map { blockText($0, inBase: true) } ?? ""
        let new = change.target.map { blockText($0, inBase: false) } ?? ""
        switch change.kind {
        case .equal:
            return []
        case .deleted:
            return [Change(kind: .deleteBlock, base: change.base, target: nil, oldText: old, newText: "")]
        case .inserted:
            return [Change(kind: .insertBlock, base: nextBase, target: change.target, oldText: "", newText: new)]
        case .replaced:
            return [Change(kind: .replaceBlock, base: change.base, target: change.target, oldText: old, newText: new)]
        case .movedAway:
            return []
        case .movedHere:
            return [Change(kind: .moveBlock, base: change.base, target: change.target, destination: nextBase, oldText: old, newText: new)]
        case .modified:
            guard let a = change.baseTokens, let b = change.targetTokens else { return [] }
            var out: [Change] = []
            var index = 0
            let segments = change.segments
            while index < segments.count {
                let segment = segments[index]
                if segment.operation == .equal {
                    index += 1
                    continue
                }
                // A deletion followed by an insertion is one replacement.
                if segment.operation == .delete, index + 1 < segments.count, segments[index + 1].operation == .insert {
                    let insert = segments[index + 1]
                    out.append(Change(kind: .replaceWords, base: change.base, baseTokens: segment.a, target: change.target,
                                      oldText: String(a.text(of: segment.a)), newText: String(b.text(of: insert.b))))
                    index += 2
                    continue
                }
                out.append(Change(kind: segment.operation == .delete ? .deleteWords : .insertWords, base: change.base,
                                  baseTokens: segment.a, target: change.target,
                                  oldText: String(a.text(of: segment.a)), newText: String(b.text(of: segment.b))))
                index += 1
            }
            return out
        }
    }

    /// The words of a block (a heading when `place.block` is -1).
    public func blockText(_ place: BlockPlace, inBase: Bool) -> String {
        let document = inBase ? base : target
        let section = document.sections[place.section]
        return place.block < 0 ? section.heading?.text ?? "" : section.blocks[place.block].text
    }
}
