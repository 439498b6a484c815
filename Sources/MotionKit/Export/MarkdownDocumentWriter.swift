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
            return motions.map(MarkdownWriter.write).joined(separator: "\n")
        case .motions(let motions, let schemes?):
            return zip(motions, schemes).map { motion, scheme in
                MarkdownLayout.titleMarker + "\(motion.titleText)\n\n```\n" + LineNumbering.render(LineNumbering.lines(of: motion, scheme: scheme)) + "```\n"
            }.joined(separator: "\n")
        case .comparison(let base, let target, _):
            let diff = DocumentDiff.compare(DiffInput.document(for: base), DiffInput.document(for: target))
            return InlineDiffRenderer(notation: .critic, context: nil).render(diff.pieces)
        case .paper(let paper):
            return paper.markdown()
        }
    }
}
