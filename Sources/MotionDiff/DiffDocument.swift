/// A document as the diff engine sees it: sections of blocks, each block a piece of text with
/// the layout around it. Motions and plain prose are both turned into this shape, so one engine
/// aligns structure and diffs words for both.
///
/// Rendering is exact: `lead + marker + text + trailer` of every block in order, then
/// `trailing`, gives back the document's text.
public struct DiffDocument: Sendable {
    /// What a block is. The raw values are what JSON output and messages show.
    public enum BlockKind: String, Sendable, Hashable, CaseIterable {
        /// A front-matter line.
        case field
        case title
        /// A section's heading.
        case heading
        case paragraph
        /// An item of a numbered list.
        case point
        case bullet
    }

    public struct Block: Sendable, Hashable {
        public var kind: BlockKind
        /// Layout before the block: the line break(s) that separate it from the one before.
        public var lead: String
        /// A marker that is layout, not words: "1. ", "- ", "## ".
        public var marker: String
        /// The words.
        public var text: String
        /// Layout after the words, such as a composite's provenance comment: never diffed as words.
        public var trailer: String

        public init(kind: BlockKind, lead: String = "", marker: String = "", text: String, trailer: String = "") {
            self.kind = kind
            self.lead = lead
            self.marker = marker
            self.text = text
            self.trailer = trailer
        }

        public var rendered: String { lead + marker + text + trailer }
    }

    public struct Section: Sendable {
        /// The heading block ("## Conference notes"), nil for the part before the first heading.
        public var heading: Block?
        /// Sections pair up by heading text, then by this kind ("notes", "believes", "resolves").
        public var kind: String?
        public var blocks: [Block]

        public init(heading: Block? = nil, kind: String? = nil, blocks: [Block]) {
            self.heading = heading
            self.kind = kind
            self.blocks = blocks
        }
    }

    public var sections: [Section]
    /// Text after the last block (a final line break).
    public var trailing: String

    public init(sections: [Section], trailing: String = "") {
        self.sections = sections
        self.trailing = trailing
    }

    public func render() -> String {
        var out = ""
        for section in sections {
            if let heading = section.heading { out += heading.rendered }
            for block in section.blocks { out += block.rendered }
        }
        return out + trailing
    }

    /// Plain prose: paragraphs separated by blank lines, in one section. Each paragraph's lead is
    /// the white space between it and the one before; the text after the last is `trailing`.
    public static func prose(_ text: String) -> DiffDocument {
        var text = text
        text.makeContiguousUTF8()
        var blocks: [Block] = []
        var trailingStart = 0
        text.utf8.withContiguousStorageIfAvailable { bytes in
            // Work on bytes: a line is blank when it holds only ASCII spaces, tabs or CR.
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var cursor = 0
            var paragraph: Range<Int>?
            var lineStart = 0
            let count = bytes.count
            while lineStart < count {
                // Skip the line's spaces, tabs and CRs: at its end, the line was blank.
                var index = lineStart
                while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
                let blank = index == count || bytes[index] == 0x0A
                let lineEnd = blank ? index : ByteHash.firstIndex(of: 0x0A, in: bytes, from: index)
                if blank {
                    if let range = paragraph {
                        blocks.append(Block(kind: .paragraph, lead: string(cursor..<range.lowerBound), text: string(range)))
                        cursor = range.upperBound
                        paragraph = nil
                    }
                } else {
                    paragraph = (paragraph?.lowerBound ?? lineStart)..<lineEnd
                }
                lineStart = lineEnd + 1
            }
            if let range = paragraph {
                blocks.append(Block(kind: .paragraph, lead: string(cursor..<range.lowerBound), text: string(range)))
                cursor = range.upperBound
            }
            trailingStart = cursor
        }
        let trailing = String(decoding: text.utf8.dropFirst(trailingStart), as: UTF8.self)
        return DiffDocument(sections: [Section(blocks: blocks)], trailing: trailing)
    }
}

extension DiffDocument {
    /// The length of the document's text in UTF-8 (every block's parts and the trailing text):
    /// what buffers for its diff are sized by.
    package var utf8Count: Int {
        sections.reduce(trailing.utf8.count) { total, section in
            section.blocks.reduce(total + (section.heading?.utf8Count ?? 0)) { $0 + $1.utf8Count }
        }
    }
}

extension DiffDocument.Block {
    /// The length of the block's parts in UTF-8.
    package var utf8Count: Int { lead.utf8.count + marker.utf8.count + text.utf8.count + trailer.utf8.count }
}
