import MotionDiff
/// Writes exports as Markdown through the one Markdown layout (``MarkdownLayout``): motions in
/// canonical form, numbered lines as `motion show --line-numbers` prints them, comparisons as
/// CriticMarkup, papers with each motion's headings one level down.
struct MarkdownDocumentWriter: DocumentWriter {
    var format: DocumentFormat { .md }

    func write(_ document: ExportDocument) throws -> [UInt8] {
        Array(text(document).utf8)
    }

    func text(_ document: ExportDocument) -> String {
        switch document {
        case .motions(let motions, nil):
            return motions.map { MarkdownWriter.write($0) + Self.sourcesTable($0) }.joined(separator: "\n")
        case .motions(let motions, let schemes?):
            return zip(motions, schemes).map { motion, scheme in
                MarkdownLayout.titleMarker + "\(motion.titleText)\n\n```\n" + LineNumbering.render(LineNumbering.lines(of: motion, scheme: scheme)) + "```\n"
            }.joined(separator: "\n")
        case .comparison(let base, let target, _, let amendment):
            let diff = DocumentDiff.compare(DiffInput.document(for: base), DiffInput.document(for: target))
            let changes = InlineDiffRenderer(notation: .critic, context: nil).render(diff.pieces)
            guard let amendment else { return changes }
            // The amendment's name and details first, then its motion with the changes marked.
            return Self.heading(amendment) + changes
        case .paper(let paper):
            return paper.markdown()
        case .layered(let base, let first, let second, let authors, let amendment):
            return Self.heading(amendment) + Self.critic(ChangeLayers(base: base, first: first, second: second), later: authors[1].name)
        }
    }

    /// An amendment's name and details, as a heading and a paragraph.
    private static func heading(_ amendment: AmendmentHeading) -> String {
        let details = amendment.details.map { "**\(InlineEscaper.escape($0.label + ":", atLineStart: false))** \(InlineEscaper.escape($0.value, atLineStart: false))" }
        return MarkdownLayout.titleMarker + InlineEscaper.escape(amendment.title, atLineStart: false) + "\n\n" + details.joined(separator: "\\\n") + "\n\n"
    }

    /// Two layers of change in CriticMarkup: the amendment's plain, the amendment to it's each
    /// followed by a comment naming its author.
    private static func critic(_ layers: ChangeLayers, later: String) -> String {
        func piece(_ piece: ChangeLayers.Piece) -> String {
            switch piece.mark {
            case .plain: piece.text
            case .inserted(let layer): "{++\(piece.text)++}" + (layer == 1 ? "{>>\(later)<<}" : "")
            case .deleted(let layer): "{--\(piece.text)--}" + (layer == 1 ? "{>>\(later)<<}" : "")
            case .insertedThenDeleted: "{--\(piece.text)--}{>>added by the amendment, removed by \(later)<<}"
            }
        }
        return layers.paragraphs.map { paragraph in
            let lead = switch paragraph.kind {
            case .title: "## "
            case .heading: "### "
            case .point, .bullet: paragraph.marker.map(piece).joined() + " "
            case .paragraph, .field: ""
            }
            return lead + paragraph.pieces.map(piece).joined()
        }.joined(separator: "\n\n") + "\n"
    }

    /// A composite's sources, as a table after it (nothing for any other motion). An export is
    /// for reading, never read back: the table is no section of the motion.
    static func sourcesTable(_ motion: Motion) -> String {
        let rows = CompositeSources.rows(of: motion)
        guard !rows.isEmpty else { return "" }
        func cell(_ text: String) -> String { InlineEscaper.escape(text, atLineStart: false).replacingOccurrences(of: "|", with: "\\|") }
        return "\n**Sources of this composite**\n\n| Motion | In the composite |\n|---|---|\n"
            + rows.map { "| \(cell($0.source)) | \(cell($0.places)) |\n" }.joined()
    }
}
