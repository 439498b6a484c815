/// Tuning of the structure-aware diff.
public struct DiffOptions: Sendable {
    /// Curly and straight quotes, dashes and hyphens, no-break and plain spaces compare equal.
    public var ignoreTypography = false
    public var costCap = Myers.defaultCostCap
    /// Blocks at least this similar (Dice over their words) are compared word by word.
    public var pairThreshold = 0.5
    /// A deleted block and an inserted one at least this similar are one block that moved.
    public var moveThreshold = 0.8
    /// A block whose words changed by more than this reads as one replacement.
    public var replaceThreshold = 0.6

    public init(ignoreTypography: Bool = false) {
        self.ignoreTypography = ignoreTypography
    }
}

/// Where a block is: its section and its place in that section.
public struct BlockPlace: Hashable, Sendable, Codable {
    public var section: Int
    public var block: Int

    public init(section: Int, block: Int) {
        self.section = section
        self.block = block
    }
}

/// How one block of the base relates to one of the target.
public struct BlockChange: Sendable {
    public enum Kind: String, Sendable, Codable {
        /// The same words (layout may differ: see the leads and markers).
        case equal
        /// Changed word by word: see `segments`.
        case modified
        /// Changed so much that it reads as one replacement.
        case replaced
        case deleted
        case inserted
        /// The base side of a block that moved: shown where it was.
        case movedAway
        /// The target side of a block that moved, with its word changes against the base.
        case movedHere
    }

    public var kind: Kind
    public var base: BlockPlace?
    public var target: BlockPlace?
    /// Word-level runs over `baseTokens` and `targetTokens` (after cleanup).
    public var segments: [DiffSegment] = []
    public var baseTokens: TokenizedText?
    public var targetTokens: TokenizedText?
}

/// How one section of the base relates to one of the target.
public struct SectionChange: Sendable {
    public var base: Int?
    public var target: Int?
    /// The heading's change, when the section has a heading on either side.
    public var heading: BlockChange?
    public var blocks: [BlockChange]
}

/// The result of comparing two documents: sections and blocks aligned, words diffed inside
/// aligned blocks. Every change records the base places it touches.
public struct DocumentDiff: Sendable {
    public let base: DiffDocument
    public let target: DiffDocument
    public var sections: [SectionChange]

    public var hasChanges: Bool {
        base.trailing != target.trailing || sections.contains { section in
            (section.heading.map { $0.kind != .equal || headingLayoutChanged(section) } ?? false)
                || section.blocks.contains { $0.kind != .equal || layoutChanged($0) }
        }
    }

    public func block(_ place: BlockPlace, inBase: Bool) -> DiffDocument.Block {
        (inBase ? base : target).sections[place.section].blocks[place.block]
    }

    func headingLayoutChanged(_ section: SectionChange) -> Bool {
        guard let b = section.base, let t = section.target, let bh = base.sections[b].heading, let th = target.sections[t].heading else { return false }
        return bh.lead != th.lead || bh.marker != th.marker
    }

    /// An equal block whose layout differs (a renumbered point, a list item that became a
    /// paragraph, a composite's block whose provenance changed).
    public func layoutChanged(_ change: BlockChange) -> Bool {
        guard let b = change.base, let t = change.target else { return false }
        let old = block(b, inBase: true), new = block(t, inBase: false)
        return old.lead != new.lead || old.marker != new.marker || old.trailer != new.trailer
    }
}

extension DocumentDiff {
    /// Compares two documents: sections by heading and kind, blocks by similarity, words inside.
    public static func compare(_ base: DiffDocument, _ target: DiffDocument, options: DiffOptions = DiffOptions()) -> DocumentDiff {
        var aligner = Aligner(base: base, target: target, options: options)
        return DocumentDiff(base: base, target: target, sections: aligner.run())
    }
}
