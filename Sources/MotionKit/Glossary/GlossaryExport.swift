/// The glossary for people and for terminology tools: a Markdown table, CSV (RFC 4180) and
/// TBX-Basic (ISO 30042:2019 TermBase eXchange, DCA style).
public enum GlossaryExport {
    public enum Format: String, CaseIterable, Sendable {
        case md, csv, tbx
    }

    public static func render(_ glossary: Glossary, as format: Format) throws(ExportError) -> String {
        switch format {
        case .md: return markdown(glossary)
        case .csv: return csv(glossary)
        case .tbx: return try tbx(glossary)
        }
    }

    // MARK: Markdown

    static func markdown(_ glossary: Glossary) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: " ")
        }
        let title = glossary.files.map(\.title).joined(separator: "; ")
        var out = "# \(title.isEmpty ? "Glossary" : title)\n\n"
        out += "| Preferred term | Definition | Use instead of | Avoid | Abbreviations | Notes |\n"
        out += "|---|---|---|---|---|---|\n"
        for entry in glossary.entries {
            let avoid = entry.avoid.map { "\($0.term) (\($0.reason))" }.joined(separator: "; ")
            out += "| \(cell(entry.term)) | \(cell(entry.definition)) | \(cell(entry.variants.joined(separator: ", "))) | "
                + "\(cell(avoid)) | \(cell(entry.abbreviations.joined(separator: ", "))) | \(cell(entry.notes)) |\n"
        }
        return out
    }

    // MARK: CSV

    /// One row per entry; lists joined with "; ". Quoted fields where RFC 4180 needs them, CRLF
    /// line ends.
    static func csv(_ glossary: Glossary) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var rows = [["term", "definition", "variants", "abbreviations", "avoid", "related", "notes", "source", "glossary"]]
        for entry in glossary.entries {
            rows.append([entry.term, entry.definition, entry.variants.joined(separator: "; "), entry.abbreviations.joined(separator: "; "),
                         entry.avoid.map { "\($0.term): \($0.reason)" }.joined(separator: "; "), entry.related.joined(separator: "; "),
                         entry.notes, entry.source, entry.glossary])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: TBX-Basic

    /// One `conceptEntry` per entry: the preferred term (preferredTerm-admn-sts), variants and
    /// terms to avoid (deprecatedTerm-admn-sts, the reason as a note), abbreviations
    /// (termType abbreviation, admittedTerm-admn-sts); the definition as `descrip`, related
    /// entries as cross-references, notes and source as notes. Written with libxml2's
    /// xmlTextWriter, so the output is well-formed whatever the text holds.
    static func tbx(_ glossary: Glossary) throws(ExportError) -> String {
        let xml = XMLWriter(indent: true, standalone: false)
        let ids = Dictionary(glossary.entries.enumerated().map { (GlossaryEntry.key($1.term), "c\($0 + 1)") }, uniquingKeysWith: { a, _ in a })
        func termSec(_ term: String, status: String, type: String? = nil, note: String? = nil) {
            xml.start("termSec")
            xml.element("term", text: term)
            if let type { xml.element("termNote", [("type", "termType")], text: type) }
            xml.element("termNote", [("type", "administrativeStatus")], text: status)
            if let note { xml.element("note", text: note) }
            xml.end()
        }

        xml.start("tbx", [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"), ("xmlns", "urn:iso:std:iso:30042:ed-2")])
        xml.start("tbxHeader")
        xml.start("fileDesc")
        xml.start("titleStmt")
        xml.element("title", text: glossary.files.map(\.title).joined(separator: "; "))
        xml.end()
        xml.start("sourceDesc")
        for file in glossary.files { xml.element("p", text: "\(file.name): \(file.origin)") }
        xml.end()
        xml.end()
        xml.end()
        xml.start("text")
        xml.start("body")
        for (index, entry) in glossary.entries.enumerated() {
            xml.start("conceptEntry", [("id", "c\(index + 1)")])
            xml.start("langSec", [("xml:lang", "en")])
            if !entry.definition.isEmpty { xml.element("descrip", [("type", "definition")], text: entry.definition) }
            for related in entry.related {
                if let target = ids[GlossaryEntry.key(related)] {
                    xml.element("ref", [("type", "crossReference"), ("target", target)], text: related)
                }
            }
            if !entry.notes.isEmpty { xml.element("note", text: entry.notes) }
            if !entry.source.isEmpty { xml.element("note", text: "Source: " + entry.source) }
            termSec(entry.term, status: "preferredTerm-admn-sts", type: "fullForm")
            for variant in entry.variants { termSec(variant, status: "deprecatedTerm-admn-sts", note: "Use '\(entry.term)' instead.") }
            for abbreviation in entry.abbreviations { termSec(abbreviation, status: "admittedTerm-admn-sts", type: "abbreviation") }
            for avoided in entry.avoid { termSec(avoided.term, status: "deprecatedTerm-admn-sts", note: "Avoid: " + avoided.reason) }
            xml.end()
            xml.end()
        }
        return String(decoding: try xml.finish(), as: UTF8.self)
    }
}
