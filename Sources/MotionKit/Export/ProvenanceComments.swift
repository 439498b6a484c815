/// A composite's provenance as Word margin comments, on request: each block of the composite
/// commented with the source blocks it came from ("From lxp-camden notes.2, lxp-leeds notes.1"),
/// and a near-duplicate with the choice it is one of. Comments carry no date, so the document
/// stays reproducible.
extension DocumentBuilder {
    /// `content`, commented with `block`'s provenance when comments are asked for.
    mutating func commented(_ block: Block, _ content: (inout DocumentBuilder) -> Void) {
        guard provenanceComments, let provenance = block.provenance else { return content(&self) }
        let id = String(comments.count)
        comments.append(Self.commentText(provenance))
        xml.empty("w:commentRangeStart", [("w:id", id)])
        content(&self)
        xml.empty("w:commentRangeEnd", [("w:id", id)])
        xml.start("w:r")
        xml.empty("w:commentReference", [("w:id", id)])
        xml.end()
    }

    static func commentText(_ provenance: Provenance) -> String {
        "From " + provenance.sources.map { "\($0.motionID) \($0.place)" }.joined(separator: ", ")
            + (provenance.choice.map { "; choice \($0): the committee keeps one of these" } ?? "")
    }

    /// word/comments.xml.
    func commentsPart() throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("w:comments", [("xmlns:w", Self.w)])
        for (id, text) in comments.enumerated() {
            xml.start("w:comment", [("w:id", String(id)), ("w:author", "motion"), ("w:initials", "m")])
            xml.start("w:p")
            xml.start("w:r")
            xml.element("w:t", [("xml:space", "preserve")], text: text)
            xml.end()
            xml.end()
            xml.end()
        }
        xml.end()
        return try xml.finish()
    }
}
