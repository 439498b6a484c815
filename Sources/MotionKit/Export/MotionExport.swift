/// Motions exported as one file: canonical Markdown, a .docx, or Flat OPC XML.
public enum MotionExport {
    public enum Format: String, CaseIterable, Sendable {
        case docx, xml, md

        public var fileExtension: String { rawValue }
    }

    /// The same motions, each amendment moved to just after the motion it amends (when that
    /// motion is among them), several amendments in the order given.
    static func amendmentsUnderTheirMotion(_ motions: [Motion]) -> [Motion] {
        let ids = Set(motions.filter { $0.metadata.kind != .amendment }.map(\.id))
        func amended(_ motion: Motion) -> String? {
            guard motion.metadata.kind == .amendment, let amends = motion.metadata.amends else { return nil }
            let id = AmendmentIndex.motionID(amends)
            return ids.contains(id) ? id : nil
        }
        var out: [Motion] = []
        for motion in motions where amended(motion) == nil {
            out.append(motion)
            out += motions.filter { amended($0) == motion.id }
        }
        return out
    }

    /// `target` shown against `base`: Word tracked changes (docx, xml) or CriticMarkup (md).
    public static func renderComparison(base: Motion, target: Motion, author: ChangeAuthor, as format: Format,
                                        resources: ResourceLibrary) throws(ResourceError) -> [UInt8] {
        switch format {
        case .md:
            let diff = DiffInput.compare(MarkdownWriter.write(base), MarkdownWriter.write(target))
            return Array(InlineDiffRenderer(notation: .critic, context: nil).render(diff.pieces).utf8)
        case .docx, .xml:
            let parts = try writer(resources).comparisonParts(base: base, target: target, author: author)
            return format == .docx ? DocxWriter.docx(parts) : DocxWriter.flatOPC(parts)
        }
    }

    /// The Word parts a workspace may replace, each checked to be well-formed XML (read with
    /// libxml2, no network, no external entities) before it goes into a document.
    public static func writer(_ resources: ResourceLibrary) throws(ResourceError) -> DocxWriter {
        func part(_ name: String) throws(ResourceError) -> String {
            guard let (text, origin) = try resources.text("templates/docx/\(name)") else {
                throw ResourceError(path: "templates/docx/\(name)", message: "missing; restore it from the tool's own copy (motion init does)")
            }
            if let problem = XMLCheck.problem(in: text) {
                throw ResourceError(path: origin.description, message: "is not well-formed XML: \(problem)")
            }
            return text
        }
        return DocxWriter(styles: try part("styles.xml"), fontTable: try part("fontTable.xml"), theme: try part("theme1.xml"))
    }

    /// The bytes of the export. Styles for DOCX come from templates/docx/styles.xml (the
    /// workspace's, ./templates, or the built-in copy).
    /// With `lineNumbers`, each motion's body is numbered at its profile's line width: DOCX
    /// line by line, Markdown as `motion show --line-numbers` prints it.
    public static func render(_ motions: [Motion], as format: Format, lineNumbers: Bool = false,
                              resources: ResourceLibrary) throws(ResourceError) -> [UInt8] {
        let motions = amendmentsUnderTheirMotion(motions)
        switch format {
        case .md:
            guard lineNumbers else { return Array(motions.map(MarkdownWriter.write).joined(separator: "\n").utf8) }
            return Array(motions.map { motion in
                "# \(motion.titleText)\n\n```\n" + LineNumbering.render(LineNumbering.lines(of: motion, width: resources.amendmentSettings(for: motion).lineWidth)) + "```\n"
            }.joined(separator: "\n").utf8)
        case .docx, .xml:
            let writer = try writer(resources)
            // One width for the whole document: the first motion's profile's.
            let width = lineNumbers ? motions.first.map { resources.amendmentSettings(for: $0).lineWidth } : nil
            return format == .docx ? writer.docx(for: motions, lineWidth: width) : writer.flatOPC(for: motions, lineWidth: width)
        }
    }
}
