/// A document as the diff engine sees it: sections of blocks, each block a piece of text with
/// the layout around it. Motions and plain prose are both turned into this shape, so one engine
/// aligns structure and diffs words for both.
///
/// Rendering is exact: `lead + marker + text` of every block in order, then `trailing`, gives
/// back the document's text.
public struct DiffDocument: Sendable {
    public struct Block: Sendable, Hashable {
        /// What the block is: "paragraph", "point", "bullet", "heading", "title", "field", ...
        public var kind: String
        /// Layout before the block: the line break(s) that separate it from the one before.
        public var lead: String
        /// A marker that is layout, not words: "1. ", "- ", "## ".
        public var marker: String
        /// The words.
        public var text: String

        public init(kind: String, lead: String = "", marker: String = "", text: String) {
            self.kind = kind
            self.lead = lead
            self.marker = marker
            self.text = text
        }

        public var rendered: String { lead + marker + text }
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
        var blocks: [Block] = []
        var cursor = text.startIndex
        var paragraph: Range<String.Index>?
        var lineStart = text.startIndex
        func close() {
            guard let range = paragraph else { return }
            blocks.append(Block(kind: "paragraph", lead: String(text[cursor..<range.lowerBound]), text: String(text[range])))
            cursor = range.upperBound
            paragraph = nil
        }
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if line.allSatisfy({ $0.isWhitespace }) {
                close()
            } else {
                paragraph = (paragraph?.lowerBound ?? lineStart)..<lineEnd
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        close()
        return DiffDocument(sections: [Section(blocks: blocks)], trailing: String(text[cursor...]))
    }
}
