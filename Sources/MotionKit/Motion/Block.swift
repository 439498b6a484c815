import MotionDiff

/// One block of a motion: a paragraph, a numbered point or a bullet item.
public struct Block: Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case paragraph
        /// An item of an ordered list. Its number is its place among the section's points.
        case point
        case bullet
    }

    public var kind: Kind
    var content: [Inline]
    /// The 1-based line in the source file where the block starts; 0 when built in memory.
    /// Not part of the block's identity: equal text read from two layouts is the same block.
    public var line: Int
    /// In a composite: the source motions' blocks this one was drafted from. Like `line`, not
    /// part of the block's identity: the words are the block, for the diff and for amendments.
    public var provenance: Provenance?

    public init(_ kind: Kind, _ content: [Inline], line: Int = 0, provenance: Provenance? = nil) {
        self.kind = kind
        self.content = content
        self.line = line
        self.provenance = provenance
    }

    var plainText: String { content.plainText }
}

extension Block.Kind {
    /// The same kind as the diff engine names it.
    var diffKind: DiffDocument.BlockKind {
        switch self {
        case .paragraph: .paragraph
        case .point: .point
        case .bullet: .bullet
        }
    }
}

extension Block: Hashable {
    public static func == (a: Block, b: Block) -> Bool { a.kind == b.kind && a.content == b.content }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(content)
    }
}
