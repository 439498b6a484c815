import CLibXML2

/// A thin, safe wrapper over libxml2's xmlTextWriter: elements, attributes and text, every
/// string filtered to the XML 1.0 character set, so any motion text gives well-formed XML.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?

    /// - Parameters:
    ///   - indent: two spaces per level, for files people read (TBX); WordprocessingML parts
    ///     are written without, as Word writes them.
    ///   - standalone: `standalone="yes"` in the declaration, as OOXML parts carry it.
    init(indent: Bool = false, standalone: Bool = true) {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = xmlTextWriterSetIndentString(writer, "  ")
        }
        _ = xmlTextWriterStartDocument(writer, "1.0", "UTF-8", standalone ? "yes" : nil)
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    /// `<name attr="value" ...>`; close with ``end()``.
    func start(_ name: String, _ attributes: [(String, String)] = []) {
        _ = xmlTextWriterStartElement(writer, name)
        for (key, value) in attributes { _ = xmlTextWriterWriteAttribute(writer, key, XMLText.clean(value)) }
    }

    func end() {
        _ = xmlTextWriterEndElement(writer)
    }

    /// An element with attributes and no content.
    func empty(_ name: String, _ attributes: [(String, String)] = []) {
        start(name, attributes)
        end()
    }

    func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        start(name, attributes)
        self.text(text)
        end()
    }

    func text(_ text: String) {
        _ = xmlTextWriterWriteString(writer, XMLText.clean(text))
    }

    /// Markup written as it is: an already well-formed part inside a Flat OPC package.
    func raw(_ bytes: [UInt8]) {
        var terminated = bytes
        terminated.append(0)
        terminated.withUnsafeBufferPointer { _ = xmlTextWriterWriteRaw(writer, $0.baseAddress) }
    }

    /// A part's bytes without its `<?xml ...?>` declaration.
    static func withoutDeclaration(_ data: [UInt8]) -> [UInt8] {
        guard data.starts(with: Array("<?xml".utf8)), let end = data.firstIndex(of: UInt8(ascii: ">")) else { return data }
        var rest = data[(end + 1)...]
        while let first = rest.first, first == 0x0A || first == 0x0D { rest = rest.dropFirst() }
        return Array(rest)
    }

    /// The document, finished.
    func finish() -> [UInt8] {
        _ = xmlTextWriterEndDocument(writer)
        // Freeing the writer flushes it into the buffer.
        xmlFreeTextWriter(writer)
        writer = nil
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
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
