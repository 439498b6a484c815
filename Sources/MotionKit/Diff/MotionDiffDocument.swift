import MotionDiff

/// Turns motions (and other files) into the documents the diff engine compares.
public enum DiffInput {
    /// A motion as its canonical Markdown, block by block: rendering the document gives exactly
    /// `MarkdownWriter.write(motion)`, so a diff with all context reconstructs both sides.
    public static func document(for motion: Motion) -> DiffDocument {
        var first: [DiffDocument.Block] = []
        let frontMatter = MarkdownWriter.frontMatter(motion).dropLast()  // without the final newline
        for (index, line) in frontMatter.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            first.append(.init(kind: "field", lead: index == 0 ? "" : "\n", text: String(line)))
        }
        first.append(.init(kind: "title", lead: "\n\n", marker: "# ", text: MarkdownWriter.heading(motion.title)))
        first += blocks(motion.preamble)
        var sections = [DiffDocument.Section(blocks: first)]
        for section in motion.sections {
            let heading = DiffDocument.Block(kind: "heading", lead: "\n\n", marker: "## ", text: MarkdownWriter.heading(section.heading))
            sections.append(.init(heading: heading, kind: section.kind == .other ? nil : section.kind.rawValue, blocks: blocks(section.blocks)))
        }
        return DiffDocument(sections: sections, trailing: "\n")
    }

    private static func blocks(_ blocks: [Block]) -> [DiffDocument.Block] {
        var out: [DiffDocument.Block] = []
        var previous: Block.Kind?
        var number = 0
        for block in blocks {
            let sameList = previous == block.kind && block.kind != .paragraph
            let marker: String
            switch block.kind {
            case .paragraph: marker = ""
            case .point:
                number += 1
                marker = "\(number). "
            case .bullet: marker = "- "
            }
            out.append(.init(kind: block.kind.rawValue, lead: sameList ? "\n" : "\n\n", marker: marker,
                             text: InlineEscaper.render(block.content, continuationIndent: marker.count)))
            previous = block.kind
        }
        return out
    }

    /// One side of a comparison: a motion when the text reads as one (it has front matter),
    /// else plain prose.
    public static func document(text: String, fileName: String? = nil) -> (document: DiffDocument, isMotion: Bool) {
        if text.hasPrefix("---"), let motion = try? MotionReader.read(text, fileName: fileName).motion {
            return (document(for: motion), true)
        }
        return (DiffDocument.prose(text), false)
    }

    /// Compares two texts: as motions when both are, otherwise as prose.
    public static func compare(_ old: String, _ new: String, options: DiffOptions = DiffOptions()) -> DocumentDiff {
        let a = document(text: old), b = document(text: new)
        if a.isMotion, b.isMotion { return DocumentDiff.compare(a.document, b.document, options: options) }
        return DocumentDiff.compare(.prose(old), .prose(new), options: options)
    }
}
