import CLibXML2

/// The glossary for people and for terminology tools: a Markdown table, CSV (RFC 4180) and
/// TBX-Basic (ISO 30042:2019 TermBase eXchange, DCA style).
public enum GlossaryExport {
    public enum Format: String, CaseIterable, Sendable {
        case md, csv, tbx
    }

    public static func render(_ glossary: Glossary, as format: Format) -> String {
        switch format {
        case .md: return markdown(glossary)
        case .csv: return csv(glossary)
        case .tbx: return tbx(glossary)
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
    static func tbx(_ glossary: Glossary) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { return "" }
        xmlTextWriterSetIndent(writer, 1)
        "  ".withCString { _ = xmlTextWriterSetIndentString(writer, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
        let ids = Dictionary(glossary.entries.enumerated().map { (GlossaryEntry.key($1.term), "c\($0 + 1)") }, uniquingKeysWith: { a, _ in a })

        func start(_ name: String, _ attributes: [(String, String)] = []) {
            _ = xmlTextWriterStartElement(writer, name)
            for (key, value) in attributes { _ = xmlTextWriterWriteAttribute(writer, key, XMLText.clean(value)) }
        }
        func end() { _ = xmlTextWriterEndElement(writer) }
        func element(_ name: String, _ attributes: [(String, String)] = [], _ text: String) {
            start(name, attributes)
            _ = xmlTextWriterWriteString(writer, XMLText.clean(text))
            end()
        }
        func termSec(_ term: String, status: String, type: String? = nil, note: String? = nil) {
            start("termSec")
            element("term", [], term)
            if let type { element("termNote", [("type", "termType")], type) }
            element("termNote", [("type", "administrativeStatus")], status)
            if let note { element("note", [], note) }
            end()
        }

        _ = xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        start("tbx", [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"), ("xmlns", "urn:iso:std:iso:30042:ed-2")])
        start("tbxHeader")
        start("fileDesc")
        start("titleStmt")
        element("title", [], glossary.files.map(\.title).joined(separator: "; "))
        end()
        start("sourceDesc")
        for file in glossary.files { element("p", [], "\(file.name): \(file.origin)") }
        end()
        end()
        end()
        start("text")
        start("body")
        for (index, entry) in glossary.entries.enumerated() {
            start("conceptEntry", [("id", "c\(index + 1)")])
            start("langSec", [("xml:lang", "en")])
            if !entry.definition.isEmpty { element("descrip", [("type", "definition")], entry.definition) }
            for related in entry.related {
                if let target = ids[GlossaryEntry.key(related)] {
                    element("ref", [("type", "crossReference"), ("target", target)], related)
                }
            }
            if !entry.notes.isEmpty { element("note", [], entry.notes) }
            if !entry.source.isEmpty { element("note", [], "Source: " + entry.source) }
            termSec(entry.term, status: "preferredTerm-admn-sts", type: "fullForm")
            for variant in entry.variants { termSec(variant, status: "deprecatedTerm-admn-sts", note: "Use '\(entry.term)' instead.") }
            for abbreviation in entry.abbreviations { termSec(abbreviation, status: "admittedTerm-admn-sts", type: "abbreviation") }
            for avoided in entry.avoid { termSec(avoided.term, status: "deprecatedTerm-admn-sts", note: "Avoid: " + avoided.reason) }
            end()
            end()
        }
        _ = xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

/// Text for XML: only characters XML 1.0 allows (tab, line feed, carriage return, U+0020 to
/// U+D7FF, U+E000 to U+FFFD, U+10000 and above); anything else is dropped.
enum XMLText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter(isAllowed))
        return String(out)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
