/// Motions exported as one file: canonical Markdown, a .docx, or Flat OPC XML.
public enum MotionExport {
    public enum Format: String, CaseIterable, Sendable {
        case docx, xml, md

        public var fileExtension: String { rawValue }
    }

    /// `target` shown against `base`: Word tracked changes (docx, xml) or CriticMarkup (md).
    public static func renderComparison(base: Motion, target: Motion, author: ChangeAuthor, as format: Format,
                                        resources: ResourceLibrary) throws(ResourceError) -> [UInt8] {
        switch format {
        case .md:
            let diff = DiffInput.compare(MarkdownWriter.write(base), MarkdownWriter.write(target))
            return Array(InlineDiffRenderer(notation: .critic, context: nil).render(diff.pieces).utf8)
        case .docx, .xml:
            let parts = DocxWriter(styles: try styles(resources)).comparisonParts(base: base, target: target, author: author)
            return format == .docx ? DocxWriter.docx(parts) : DocxWriter.flatOPC(parts)
        }
    }

    static func styles(_ resources: ResourceLibrary) throws(ResourceError) -> String {
        guard let (styles, _) = try resources.text("templates/docx/styles.xml") else {
            throw ResourceError(path: "templates/docx/styles.xml", message: "no Word styles found")
        }
        return styles
    }

    /// The bytes of the export. Styles for DOCX come from templates/docx/styles.xml (the
    /// workspace's, ./templates, or the built-in copy).
    public static func render(_ motions: [Motion], as format: Format, resources: ResourceLibrary) throws(ResourceError) -> [UInt8] {
        switch format {
        case .md:
            return Array(motions.map(MarkdownWriter.write).joined(separator: "\n").utf8)
        case .docx, .xml:
            let writer = DocxWriter(styles: try styles(resources))
            return format == .docx ? writer.docx(for: motions) : writer.flatOPC(for: motions)
        }
    }
}
