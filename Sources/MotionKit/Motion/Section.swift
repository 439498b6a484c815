/// A section of a motion, opened by a level-2 heading such as "Conference notes".
public struct Section: Sendable {
    /// The heading's text, kept verbatim.
    var heading: [Inline]
    public var blocks: [Block]
    /// The 1-based source line of the heading; 0 when built in memory. Not part of identity.
    public var line: Int

    public init(heading: [Inline], blocks: [Block] = [], line: Int = 0) {
        self.heading = heading
        self.blocks = blocks
        self.line = line
    }

    public init(_ heading: String, blocks: [Block] = [], line: Int = 0) {
        self.init(heading: [.text(heading)], blocks: blocks, line: line)
    }

    var headingText: String { heading.plainText }

    /// What the section does, classified from its heading.
    public var kind: SectionKind { SectionKind(heading: headingText) }

    /// The number (1-based) of each point in this section, by block index; nil for other blocks.
    func pointNumber(ofBlockAt index: Int) -> Int? {
        guard blocks[index].kind == .point else { return nil }
        var number = 0
        for block in blocks[...index] where block.kind == .point { number += 1 }
        return number
    }
}

extension Section: Hashable {
    public static func == (a: Section, b: Section) -> Bool { a.heading == b.heading && a.blocks == b.blocks }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(heading)
        hasher.combine(blocks)
    }
}
