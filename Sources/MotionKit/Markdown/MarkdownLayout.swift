import MotionDiff

/// The canonical Markdown of a motion as a list of laid-out pieces: what ``MarkdownWriter``
/// writes and what the diff engine compares, so the two can never disagree about a byte.
///
/// Each piece is `lead + marker + text`: the line break(s) before it, a marker that is layout
/// ("1. ", "- ", "## "), and its Markdown. The file is every piece in order, then a final "\n".
enum MarkdownLayout {
    struct Piece {
        var kind: DiffDocument.BlockKind
        var lead: String
        var marker: String = ""
        var text: String
        /// After the text: a composite block's provenance comment (layout, never words).
        var trailer: String = ""
    }

    struct Section {
        var heading: Piece?
        var kind: SectionKind?
        var pieces: [Piece]
    }

    /// The first section holds the front matter lines, the title and the preamble.
    static func sections(of motion: Motion) -> [Section] {
        var first: [Piece] = []
        let frontMatter = MarkdownWriter.frontMatter(motion).dropLast()  // without its final newline
        for (index, line) in frontMatter.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            first.append(Piece(kind: .field, lead: index == 0 ? "" : "\n", text: String(line)))
        }
        let title = MarkdownWriter.heading(motion.title)
        first.append(Piece(kind: .title, lead: "\n\n", marker: title.isEmpty ? "#" : titleMarker, text: title))
        if let wording = motion.wording {
            // An amendment's wording, verbatim, paragraph by paragraph.
            for paragraph in wording.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                first.append(Piece(kind: .paragraph, lead: "\n\n", text: paragraph))
            }
            return [Section(heading: nil, kind: nil, pieces: first)]
        }
        first += pieces(motion.preamble)
        var sections = [Section(heading: nil, kind: nil, pieces: first)]
        for section in motion.sections {
            let text = MarkdownWriter.heading(section.heading)
            // An empty heading is a bare "##": no space left at the end of the line.
            let heading = Piece(kind: .heading, lead: "\n\n", marker: text.isEmpty ? "##" : headingMarker, text: text)
            sections.append(Section(heading: heading, kind: section.kind, pieces: pieces(section.blocks)))
        }
        return sections
    }

    /// Blocks with their breaks and markers: items of one list on consecutive lines, points
    /// numbered in order within their section.
    static func pieces(_ blocks: [Block]) -> [Piece] {
        var out: [Piece] = []
        var previous: Block.Kind?
        var number = 0
        for block in blocks {
            let sameList = previous == block.kind && block.kind != .paragraph
            if block.kind == .point { number += 1 }
            let marker = marker(for: block.kind, number: number)
            out.append(Piece(kind: block.kind.diffKind, lead: sameList ? "\n" : "\n\n", marker: marker,
                             text: InlineEscaper.render(block.content, continuationIndent: marker.count),
                             trailer: block.provenance.map { " " + $0.trailer } ?? ""))
            previous = block.kind
        }
        return out
    }

    // MARK: Markers, decided here only

    static let titleMarker = "# "
    static let headingMarker = "## "

    /// The marker of a heading `level` levels deep ("### " for 3): papers put a motion's own
    /// headings one level down.
    static func headingMarker(level: Int) -> String { String(repeating: "#", count: level) + " " }

    /// A block's marker: "" for a paragraph, "N. " for point N, "- " for a bullet.
    static func marker(for kind: Block.Kind, number: Int) -> String {
        switch kind {
        case .paragraph: ""
        case .point: "\(number). "
        case .bullet: "- "
        }
    }

    /// A block's Markdown source with its marker; lines after a hard break indented to stay
    /// inside a list item. Points are all written "1. ": a reader numbers them in order.
    static func block(_ source: String, kind: Block.Kind) -> String {
        let marker = marker(for: kind, number: 1)
        return marker + indentContinuation(source, by: marker.count)
    }

    static func indentContinuation(_ text: String, by width: Int) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: width)
        return lines.enumerated().map { index, line in
            index == 0 ? String(line) : indent + line.drop { $0 == " " }
        }.joined(separator: "\n")
    }

    /// A body of Markdown source to be read back (an amended motion, a new section): the title,
    /// then headings and blocks, each set apart by a blank line.
    struct SourceBody {
        private(set) var text: String

        init(title: String) { text = titleMarker + title + "\n" }

        mutating func heading(_ heading: String) { text += "\n" + headingMarker + heading + "\n" }
        mutating func block(_ source: String, kind: Block.Kind) { text += "\n" + MarkdownLayout.block(source, kind: kind) + "\n" }
        /// Markdown that is already laid out: a replacement of several paragraphs, a new section.
        mutating func markdown(_ markdown: String) { text += "\n" + markdown + "\n" }
    }

    static func render(_ sections: [Section]) -> String {
        var out = ""
        for section in sections {
            if let heading = section.heading { out += heading.lead + heading.marker + heading.text }
            for piece in section.pieces { out += piece.lead + piece.marker + piece.text + piece.trailer }
        }
        return out + "\n"
    }
}
