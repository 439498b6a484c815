/// Writes motions as WordprocessingML: the parts of a .docx, packaged as a ZIP (`.docx`) or as
/// one Flat OPC XML file (`pkg:package`, Word's "Word XML Document").
///
/// Each motion gives its title (style Title), a details block (conference, submitted by,
/// status; style MotionDetails), its sections' headings (Heading1), paragraphs, and points and
/// bullets as real Word numbering, each list its own abstractNum so points restart at 1 in every
/// section. Emphasis, strong, links and line breaks are kept. Page numbers are in the footer;
/// title and author in docProps/core.xml; settings.xml says compatibilityMode 15. Styles come
/// from templates/docx/styles.xml. Nothing depends on the clock, so the output is reproducible.
struct DocxWriter: DocumentWriter {
    /// The parts a user may replace, from templates/docx/: styles.xml, fontTable.xml, theme1.xml.
    var styles: String
    var fontTable: String
    var theme: String
    var packaging: Packaging
    /// A composite's blocks each with a margin comment naming the source blocks it came from.
    var provenanceComments = false

    /// How the parts are put into one file.
    enum Packaging: Sendable {
        /// A .docx: a ZIP archive.
        case zip
        /// One Flat OPC XML file (`pkg:package`).
        case flatOPC
    }

    var format: DocumentFormat {
        switch packaging {
        case .zip: .docx
        case .flatOPC: .xml
        }
    }

    init(styles: String, fontTable: String, theme: String, packaging: Packaging = .zip) {
        self.styles = styles
        self.fontTable = fontTable
        self.theme = theme
        self.packaging = packaging
    }

    /// With the Word parts a workspace may replace, each checked to be well-formed XML (read
    /// with libxml2, no network, no external entities) before it goes into a document.
    init(template resources: ResourceLibrary, packaging: Packaging) throws(ResourceError) {
        func part(_ name: String) throws(ResourceError) -> String {
            guard let (text, origin) = try resources.text("templates/docx/\(name)") else {
                throw ResourceError(path: "templates/docx/\(name)", message: "missing; restore it from the tool's own copy (motion init does)")
            }
            if let problem = XMLCheck.problem(in: text) {
                throw ResourceError(path: origin.description, message: "is not well-formed XML: \(problem)")
            }
            return text
        }
        self.init(styles: try part("styles.xml"), fontTable: try part("fontTable.xml"), theme: try part("theme1.xml"), packaging: packaging)
    }

    func write(_ document: ExportDocument) throws -> [UInt8] {
        let parts: [(name: String, data: [UInt8])]
        switch document {
        case .motions(let motions, let schemes):
            // One numbering for the whole document: the first motion's profile's.
            parts = try self.parts(for: motions, lines: schemes?.first)
        case .comparison(let base, let target, let author, let amendment):
            parts = try comparisonParts(base: base, target: target, author: author, amendment: amendment)
        case .paper(let paper):
            var builder = DocumentBuilder()
            try paper.add(to: &builder)
            parts = try package(builder, title: paper.title, author: paper.branch ?? "")
        case .layered(let base, let first, let second, let authors, let amendment):
            var builder = DocumentBuilder()
            builder.subheadingStyle = styles.contains("w:styleId=\"Heading2\"") ? "Heading2" : "Heading1"
            builder.addLayeredComparison(ChangeLayers(base: base, first: first, second: second), authors: authors, amendment: amendment)
            parts = try package(builder, title: amendment.title, author: authors[1].name)
        }
        switch packaging {
        case .zip: return Self.docx(parts)
        case .flatOPC: return try Self.flatOPC(parts)
        }
    }

    /// The package's parts, by name, in a fixed order. With `lines`, each motion's body is
    /// written line by line as the amendment engine numbers it (``LineNumbering``), each line a
    /// paragraph starting with its number.
    func parts(for motions: [Motion], lines: LineScheme? = nil) throws(ExportError) -> [(name: String, data: [UInt8])] {
        var document = DocumentBuilder()
        document.provenanceComments = provenanceComments
        for (index, motion) in motions.enumerated() {
            if let lines {
                document.addNumbered(motion, lines: lines, pageBreakBefore: index > 0)
            } else {
                document.add(motion, pageBreakBefore: index > 0)
            }
            document.compositeSources(motion)
        }
        let title = motions.count == 1 ? motions[0].titleText : "Motions"
        return try package(document, title: title, author: motions.compactMap(\.metadata.submittedBy).first ?? "")
    }

    func package(_ document: DocumentBuilder, title: String, author: String) throws(ExportError) -> [(name: String, data: [UInt8])] {
        var document = document
        let body = try document.finish()
        let comments = document.comments.isEmpty ? [] : [("word/comments.xml", try document.commentsPart())]
        return [
            ("[Content_Types].xml", try contentTypes(comments: !comments.isEmpty)),
            ("_rels/.rels", try packageRelationships()),
            ("docProps/core.xml", try coreProperties(title: title, author: author)),
            ("docProps/app.xml", try appProperties()),
            ("word/document.xml", body),
            ("word/_rels/document.xml.rels", try documentRelationships(links: document.links, comments: !comments.isEmpty)),
            ("word/styles.xml", Array(styles.utf8)),
            ("word/fontTable.xml", Array(fontTable.utf8)),
            ("word/theme/theme1.xml", Array(theme.utf8)),
            ("word/numbering.xml", try document.numbering()),
            ("word/settings.xml", try settings()),
            ("word/footer1.xml", try footer()),
        ] + comments
    }

    /// The parts of a document showing `target` as tracked changes against `base`.
    func comparisonParts(base: Motion, target: Motion, author: ChangeAuthor,
                         amendment: AmendmentHeading? = nil) throws(ExportError) -> [(name: String, data: [UInt8])] {
        var document = DocumentBuilder()
        // A workspace's own styles.xml from before Heading2 existed: its sections stay Heading1.
        document.subheadingStyle = styles.contains("w:styleId=\"Heading2\"") ? "Heading2" : "Heading1"
        document.addComparison(base: base, target: target, author: author, amendment: amendment)
        return try package(document, title: amendment?.title ?? target.titleText, author: author.name)
    }

    /// A .docx file: the parts in a ZIP archive.
    static func docx(_ parts: [(name: String, data: [UInt8])]) -> [UInt8] {
        ZipArchive.archive(parts.map { ZipArchive.Entry(name: $0.name, data: $0.data) })
    }

    /// One Flat OPC file (`pkg:package`): every part inline, XML parts as `pkg:xmlData`.
    static func flatOPC(_ parts: [(name: String, data: [UInt8])]) throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("pkg:package", [("xmlns:pkg", "http://schemas.microsoft.com/office/2006/xmlPackage")])
        for (name, data) in parts where name != "[Content_Types].xml" {
            let contentType = name.hasSuffix(".rels") ? "application/vnd.openxmlformats-package.relationships+xml" : Self.contentTypes[name] ?? "application/xml"
            xml.start("pkg:part", [("pkg:name", "/" + name), ("pkg:contentType", contentType)])
            xml.start("pkg:xmlData")
            xml.raw(XMLWriter.withoutDeclaration(data))
            xml.end()
            xml.end()
        }
        xml.end()
        return try xml.finish()
    }

    // MARK: Package parts

    static let contentTypes: [String: String] = [
        "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "word/numbering.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        "word/settings.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "word/footer1.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "word/fontTable.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
        "word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        "docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        "word/comments.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    ]

    /// Every part's type; comments.xml's only when the document has comments.
    private func contentTypes(comments: Bool) throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        xml.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        xml.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        for (part, type) in Self.contentTypes.sorted(by: { $0.key < $1.key }) where comments || part != "word/comments.xml" {
            xml.empty("Override", [("PartName", "/" + part), ("ContentType", type)])
        }
        xml.end()
        return try xml.finish()
    }

    private func packageRelationships() throws(ExportError) -> [UInt8] {
        try relationships([
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml", false),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", false),
            ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml", false),
        ])
    }

    /// The fixed parts rId1-rId6, the hyperlinks from rId7, and comments under an id of its
    /// own (so that a document's hyperlink ids stay as they were without comments).
    private func documentRelationships(links: [String], comments: Bool) throws(ExportError) -> [UInt8] {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var list = [("rId1", base + "styles", "styles.xml", false), ("rId2", base + "numbering", "numbering.xml", false),
                    ("rId3", base + "settings", "settings.xml", false), ("rId4", base + "footer", "footer1.xml", false),
                    ("rId5", base + "fontTable", "fontTable.xml", false), ("rId6", base + "theme", "theme/theme1.xml", false)]
        for (index, link) in links.enumerated() { list.append(("rId\(index + DocumentBuilder.firstLinkID)", base + "hyperlink", link, true)) }
        if comments { list.append(("rIdComments", base + "comments", "comments.xml", false)) }
        return try relationships(list)
    }

    private func relationships(_ list: [(String, String, String, Bool)]) throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        for (id, type, target, external) in list {
            xml.empty("Relationship", [("Id", id), ("Type", type), ("Target", target)] + (external ? [("TargetMode", "External")] : []))
        }
        xml.end()
        return try xml.finish()
    }

    private func coreProperties(title: String, author: String) throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ])
        xml.element("dc:title", text: title)
        xml.element("dc:creator", text: author)
        xml.end()
        return try xml.finish()
    }

    private func appProperties() throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")])
        xml.element("Application", text: "motion")
        xml.end()
        return try xml.finish()
    }

    private func settings() throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("w:settings", [("xmlns:w", DocumentBuilder.w)])
        xml.start("w:compat")
        xml.empty("w:compatSetting", [("w:name", "compatibilityMode"), ("w:uri", "http://schemas.microsoft.com/office/word"), ("w:val", "15")])
        xml.end()
        xml.end()
        return try xml.finish()
    }

    private func footer() throws(ExportError) -> [UInt8] {
        let xml = XMLWriter()
        xml.start("w:ftr", [("xmlns:w", DocumentBuilder.w)])
        xml.start("w:p")
        xml.start("w:pPr")
        xml.empty("w:pStyle", [("w:val", "Footer")])
        xml.end()
        xml.start("w:fldSimple", [("w:instr", " PAGE ")])
        xml.start("w:r")
        xml.element("w:t", text: "1")
        xml.end()
        xml.end()
        xml.end()
        xml.end()
        return try xml.finish()
    }
}

/// The body of word/document.xml, and the numbering its lists need.
struct DocumentBuilder {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Relationships rId1-rId6 are the fixed parts; hyperlinks follow.
    static let firstLinkID = 7
    /// Where a list's text stands and how far its marker hangs, in twentieths of a point: the
    /// indent of every list in numbering.xml.
    /// A4, with 2 cm margins all round, in twentieths of a point.
    static let pageWidth = 11906
    static let pageMargin = 1134
    static let listIndent = 720
    static let listHanging = 360
    /// The same in tracked changes, where a renumbered point shows two numbers ("~~5.~~3.")
    /// and the marker needs room for "10.12.": the marker starts where a list's does.
    static let markerIndent = 1080
    static let markerHanging = 720

    let xml = XMLWriter()
    /// Hyperlink targets, in order: relationship rId5, rId6, ...
    private(set) var links: [String] = []
    /// One numbering instance per list: its format.
    private var lists: [(kind: Block.Kind, nested: Bool)] = []
    /// Margin comments with each composite block's provenance (see ProvenanceComments.swift),
    /// and their texts, by id.
    var provenanceComments = false
    var comments: [String] = []
    /// For tracked changes: who made them, and the one id counter of the whole document.
    var revisionAuthor: ChangeAuthor?
    /// Who removed what ``revisionAuthor`` added (an amendment to an amendment).
    var laterRevisionAuthor: ChangeAuthor?
    private var revisionID = 0
    /// The style of headings under a heading that is not the document's title.
    var subheadingStyle = "Heading2"

    /// What a paragraph's own mark records: nothing, or that the paragraph was added or removed
    /// (or added by one author and removed by another: ``laterRevisionAuthor``).
    enum ParagraphMark { case unchanged, inserted, deleted, insertedThenDeleted }

    init() {
        xml.start("w:document", [("xmlns:w", Self.w), ("xmlns:r", Self.r)])
        xml.start("w:body")
    }

    /// A motion. With `nestingBullets` (a paper's agenda, whose amendments are a list inside
    /// each motion's item, which the motion format reads as bullets after the point), bullets
    /// right after a point stand indented under it and the points' numbering runs on past them.
    mutating func add(_ motion: Motion, pageBreakBefore: Bool, details: Bool = true, nestingBullets: Bool = false) {
        titleAndDetails(motion, pageBreakBefore: pageBreakBefore, details: details)
        blocks(motion.preamble, nestingBullets: nestingBullets)
        for section in motion.sections {
            paragraph(style: "Heading1") { builder in builder.runs(section.heading) }
            blocks(section.blocks, nestingBullets: nestingBullets)
        }
    }

    /// The body as numbered lines, as printed agendas show them: the number right-aligned in
    /// the margin, then the line's words in the document's own font, each computed line a
    /// paragraph of its own so a line breaks exactly where amendments count it; points hang
    /// under their number, headings are bold. The font size is the largest (up to the style's
    /// 11 pt) at which the widest line fits the page (``FontMetrics``), so no line wraps again.
    mutating func addNumbered(_ motion: Motion, lines scheme: LineScheme, pageBreakBefore: Bool) {
        titleAndDetails(motion, pageBreakBefore: pageBreakBefore)
        let lines = NumberedLine.lines(of: motion, scheme: scheme)
        let size = NumberedLine.fontSize(for: lines)
        for (index, line) in lines.enumerated() {
            let last = index + 1 == lines.count || lines[index + 1].source.section != line.source.section
                || lines[index + 1].source.block != line.source.block
            let textAt = line.hangs ? NumberedLine.pointTextAt : NumberedLine.textAt
            xml.start("w:p")
            // Normal's font, never a style's: a workspace's styles.xml from before may still set
            // the old fixed-pitch MotionLine.
            xml.start("w:pPr")
            if line.source.block == nil { xml.empty("w:keepNext") }
            xml.start("w:tabs")
            xml.empty("w:tab", [("w:val", "right"), ("w:pos", String(NumberedLine.numberEndsAt))])
            xml.empty("w:tab", [("w:val", "left"), ("w:pos", String(NumberedLine.textAt))])
            if line.hangs { xml.empty("w:tab", [("w:val", "left"), ("w:pos", String(NumberedLine.pointTextAt))]) }
            xml.end()
            xml.empty("w:spacing", [("w:after", last ? "120" : "0"), ("w:line", "264"), ("w:lineRule", "auto")])
            xml.empty("w:ind", [("w:left", String(textAt)), ("w:hanging", String(textAt))])
            xml.end()
            lineRun("\t\(line.source.number)\t", size: size - 2, grey: true)
            if line.hangs { lineRun("\(line.marker ?? "")\t", size: size) }
            lineRun(line.words, size: size, bold: line.bold)
            xml.end()
        }
    }

    /// One run of a numbered line: tabs as `w:tab`, the size in half-points.
    private mutating func lineRun(_ text: String, size: Int, bold: Bool = false, grey: Bool = false) {
        xml.start("w:r")
        xml.start("w:rPr")
        if bold { xml.empty("w:b") }
        if grey { xml.empty("w:color", [("w:val", "707070")]) }
        xml.empty("w:sz", [("w:val", String(size))])
        xml.empty("w:szCs", [("w:val", String(size))])
        xml.end()
        for (index, piece) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { xml.empty("w:tab") }
            if !piece.isEmpty { xml.element("w:t", [("xml:space", "preserve")], text: String(piece)) }
        }
        xml.end()
    }

    private mutating func titleAndDetails(_ motion: Motion, pageBreakBefore: Bool, details: Bool = true) {
        paragraph(style: "Title", pageBreakBefore: pageBreakBefore) { builder in builder.runs(motion.title) }
        if details { self.details(motion.metadata) }
    }

    /// Conference, submitted by and status, one MotionDetails paragraph each.
    mutating func details(_ m: Motion.Metadata) {
        details([("Conference", m.conference), ("Submitted by", m.submittedBy), ("Status", m.status.words)].compactMap { label, value in
            value.map { (label, $0) }
        })
    }

    /// "Label: value", one MotionDetails paragraph each.
    mutating func details(_ list: [(label: String, value: String)]) {
        for (label, value) in list {
            paragraph(style: "MotionDetails") { builder in
                builder.run(label + ": ", bold: true)
                builder.run(value)
            }
        }
    }

    /// Blocks; each run of points (or bullets) is one list with its own numbering.
    private mutating func blocks(_ blocks: [Block], nestingBullets: Bool = false) {
        var list: Int?
        var previous: Block.Kind?
        // The points' list while bullets nested under one of them are written.
        var points: Int?
        for block in blocks {
            if block.kind == .paragraph {
                list = nil
                points = nil
                paragraph(style: nil) { builder in builder.commented(block) { $0.runs(block.content) } }
                previous = block.kind
                continue
            }
            if nestingBullets, block.kind == .bullet, previous == .point {
                points = list
                list = newList(.bullet, nested: true)
            } else if nestingBullets, block.kind == .point, previous == .bullet, let points {
                list = points
            } else if list == nil || previous != block.kind {
                list = newList(block.kind)
                points = nil
            }
            let numId = list!
            paragraph(style: "ListParagraph", numbering: numId) { builder in builder.commented(block) { $0.runs(block.content) } }
            previous = block.kind
        }
    }

    /// A composite's sources, as a table under a heading (nothing for any other motion).
    mutating func compositeSources(_ motion: Motion) {
        let sources = CompositeSources.rows(of: motion)
        guard !sources.isEmpty else { return }
        paragraph(style: "Heading1") { $0.run("Sources of this composite") }
        table(header: ["Motion", "In the composite"], rows: sources.map { [$0.source, $0.places] })
    }

    /// A table with a header row that repeats on each page, ruled with its own borders (a
    /// template's styles need not have a table style), then an empty paragraph, as Word ends one.
    mutating func table(header: [String], rows: [[String]]) {
        let width = 9_000 / max(1, header.count)
        xml.start("w:tbl")
        xml.start("w:tblPr")
        xml.empty("w:tblW", [("w:w", "5000"), ("w:type", "pct")])
        xml.start("w:tblBorders")
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml.empty("w:\(edge)", [("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "auto")])
        }
        xml.end()
        xml.end()
        xml.start("w:tblGrid")
        for _ in header { xml.empty("w:gridCol", [("w:w", String(width))]) }
        xml.end()
        for (index, row) in ([header] + rows).enumerated() {
            xml.start("w:tr")
            if index == 0 {
                xml.start("w:trPr")
                xml.empty("w:tblHeader")
                xml.end()
            }
            for text in row {
                xml.start("w:tc")
                xml.start("w:tcPr")
                xml.empty("w:tcW", [("w:w", String(width)), ("w:type", "dxa")])
                xml.end()
                paragraph(style: nil) { $0.run(text, bold: index == 0) }
                xml.end()
            }
            xml.end()
        }
        xml.end()
        paragraph(style: nil) { _ in }
    }

    /// A new list (its own numbering, so it starts at 1); its numId.
    mutating func newList(_ kind: Block.Kind, nested: Bool = false) -> Int {
        lists.append((kind, nested))
        return lists.count
    }

    /// A paragraph. With `hangingMarker`, its first run is a list marker and a tab, the text
    /// hanging at the indent lists have in Word's numbering.
    mutating func paragraph(style: String?, numbering: Int? = nil, pageBreakBefore: Bool = false, hangingMarker: Bool = false,
                            mark: ParagraphMark = .unchanged, _ content: (inout DocumentBuilder) -> Void) {
        xml.start("w:p")
        if style != nil || numbering != nil || pageBreakBefore || hangingMarker || mark != .unchanged {
            xml.start("w:pPr")
            if let style { xml.empty("w:pStyle", [("w:val", style)]) }
            if pageBreakBefore { xml.empty("w:pageBreakBefore") }
            if let numbering {
                xml.start("w:numPr")
                xml.empty("w:ilvl", [("w:val", "0")])
                xml.empty("w:numId", [("w:val", String(numbering))])
                xml.end()
            }
            if hangingMarker {
                xml.start("w:tabs")
                xml.empty("w:tab", [("w:val", "left"), ("w:pos", String(Self.markerIndent))])
                xml.end()
                xml.empty("w:ind", [("w:left", String(Self.markerIndent)), ("w:hanging", String(Self.markerHanging))])
            }
            if mark != .unchanged {
                // The paragraph mark itself was added or removed: a whole new or deleted point.
                xml.start("w:rPr")
                switch mark {
                case .inserted: xml.empty("w:ins", revisionAttributes())
                case .deleted: xml.empty("w:del", revisionAttributes())
                case .insertedThenDeleted:
                    xml.empty("w:ins", revisionAttributes())
                    xml.empty("w:del", revisionAttributes(laterRevisionAuthor))
                case .unchanged: break
                }
                xml.end()
            }
            xml.end()
        }
        content(&self)
        xml.end()
    }

    private mutating func revisionAttributes(_ by: ChangeAuthor? = nil) -> [(String, String)] {
        revisionID += 1
        let author = by ?? revisionAuthor ?? ChangeAuthor(name: "motion", date: "")
        return [("w:id", String(revisionID)), ("w:author", author.name)] + (author.date.isEmpty ? [] : [("w:date", author.date)])
    }

    /// Text added (`w:ins`) or removed (`w:del` holding `w:delText`).
    mutating func tracked(_ mark: ParagraphMark, _ text: String) {
        guard !text.isEmpty else { return }
        trackedRun(mark, text, tab: false)
    }

    /// One run added or removed, ending in a tab when `tab`.
    mutating func trackedRun(_ mark: ParagraphMark, _ text: String, tab: Bool) {
        guard mark != .unchanged else { return run(text, tab: tab) }
        if mark == .insertedThenDeleted {
            // Word's form for words one author added and another removed: a deletion inside the insertion.
            xml.start("w:ins", revisionAttributes())
            xml.start("w:del", revisionAttributes(laterRevisionAuthor))
            xml.start("w:r")
            if !text.isEmpty { xml.element("w:delText", [("xml:space", "preserve")], text: text) }
            if tab { xml.empty("w:tab") }
            xml.end()
            xml.end()
            xml.end()
            return
        }
        xml.start(mark == .inserted ? "w:ins" : "w:del", revisionAttributes())
        xml.start("w:r")
        if !text.isEmpty { xml.element(mark == .inserted ? "w:t" : "w:delText", [("xml:space", "preserve")], text: text) }
        if tab { xml.empty("w:tab") }
        xml.end()
        xml.end()
    }

    mutating func runs(_ content: [Inline], bold: Bool = false, italic: Bool = false, code: Bool = false) {
        for inline in content {
            switch inline {
            case .text(let text): run(text, bold: bold, italic: italic, code: code)
            case .code(let text): run(text, bold: bold, italic: italic, code: true)
            case .emphasis(let inner): runs(inner, bold: bold, italic: true, code: code)
            case .strong(let inner): runs(inner, bold: true, italic: italic, code: code)
            case .lineBreak:
                xml.start("w:r")
                xml.empty("w:br")
                xml.end()
            case .link(let destination, _, let inner):
                links.append(destination)
                xml.start("w:hyperlink", [("r:id", "rId\(links.count - 1 + Self.firstLinkID)")])
                linkRuns(inner)
                xml.end()
            }
        }
    }

    private mutating func linkRuns(_ content: [Inline]) {
        for inline in content {
            xml.start("w:r")
            xml.start("w:rPr")
            xml.empty("w:rStyle", [("w:val", "Hyperlink")])
            xml.end()
            xml.element("w:t", [("xml:space", "preserve")], text: inline.plainText)
            xml.end()
        }
    }

    mutating func run(_ text: String, bold: Bool = false, italic: Bool = false, code: Bool = false, tab: Bool = false) {
        xml.start("w:r")
        if bold || italic || code {
            xml.start("w:rPr")
            if code { xml.empty("w:rFonts", [("w:ascii", "Courier New"), ("w:hAnsi", "Courier New")]) }
            if bold { xml.empty("w:b") }
            if italic { xml.empty("w:i") }
            xml.end()
        }
        if !text.isEmpty || !tab { xml.element("w:t", [("xml:space", "preserve")], text: text) }
        if tab { xml.empty("w:tab") }
        xml.end()
    }

    mutating func finish() throws(ExportError) -> [UInt8] {
        xml.start("w:sectPr")
        xml.empty("w:footerReference", [("w:type", "default"), ("r:id", "rId4")])
        let margin = String(Self.pageMargin)
        xml.empty("w:pgSz", [("w:w", String(Self.pageWidth)), ("w:h", "16838")])
        xml.empty("w:pgMar", [("w:top", margin), ("w:right", margin), ("w:bottom", margin), ("w:left", margin),
                               ("w:header", "567"), ("w:footer", "567"), ("w:gutter", "0")])
        xml.end()
        xml.end()
        xml.end()
        return try xml.finish()
    }

    /// word/numbering.xml: an abstractNum and a num for each list, so each restarts at 1.
    func numbering() throws(ExportError) -> [UInt8] {
        let numbering = XMLWriter()
        numbering.start("w:numbering", [("xmlns:w", Self.w)])
        for (index, (kind, nested)) in lists.enumerated() {
            numbering.start("w:abstractNum", [("w:abstractNumId", String(index + 1))])
            numbering.empty("w:multiLevelType", [("w:val", "singleLevel")])
            numbering.start("w:lvl", [("w:ilvl", "0")])
            numbering.empty("w:start", [("w:val", "1")])
            numbering.empty("w:numFmt", [("w:val", kind == .point ? "decimal" : "bullet")])
            numbering.empty("w:lvlText", [("w:val", kind == .point ? "%1." : "\u{2022}")])
            numbering.empty("w:lvlJc", [("w:val", "left")])
            numbering.start("w:pPr")
            let indent = nested ? 2 * Self.listIndent : Self.listIndent
            numbering.empty("w:ind", [("w:left", String(indent)), ("w:hanging", String(Self.listHanging))])
            numbering.end()
            numbering.end()
            numbering.end()
        }
        for index in lists.indices {
            numbering.start("w:num", [("w:numId", String(index + 1))])
            numbering.empty("w:abstractNumId", [("w:val", String(index + 1))])
            numbering.end()
        }
        numbering.end()
        return try numbering.finish()
    }
}
