/// Motions exported as one file: canonical Markdown, a .docx, or Flat OPC XML.
public enum MotionExport {
    public enum Format: String, CaseIterable, Sendable {
        case docx, xml, md

        public var fileExtension: String { rawValue }
    }

    /// The bytes of the export. Styles for DOCX come from templates/docx/styles.xml (the
    /// workspace's, ./templates, or the built-in copy).
    public static func render(_ motions: [Motion], as format: Format, resources: ResourceLibrary) throws(ResourceError) -> [UInt8] {
        switch format {
        case .md:
            return Array(motions.map(MarkdownWriter.write).joined(separator: "\n").utf8)
        case .docx, .xml:
            guard let (styles, _) = try resources.text("templates/docx/styles.xml") else {
                throw ResourceError(path: "templates/docx/styles.xml", message: "no Word styles found")
            }
            let writer = DocxWriter(styles: styles)
            return format == .docx ? writer.docx(for: motions) : writer.flatOPC(for: motions)
        }
    }
}
