import CLibXML2

/// A thin, safe wrapper over libxml2's xmlTextWriter: elements, attributes and text, every
/// string filtered to the XML 1.0 character set, so any motion text gives well-formed XML.
final class XMLWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?
    /// The first call libxml2 refused (it returns -1, out of memory or a broken state); the
    /// document is refused at ``finish()`` rather than written half.
    private var failure: String?

    /// Notes libxml2's answer to a call.
    private func check(_ result: Int32, _ call: @autoclosure () -> String) {
        if result < 0, failure == nil { failure = call() }
    }

    /// - Parameters:
    ///   - indent: two spaces per level, for files people read (TBX); WordprocessingML parts
    ///     are written without, as Word writes them.
    ///   - standalone: `standalone="yes"` in the declaration, as OOXML parts carry it.
    init(indent: Bool = false, standalone: Bool = true) {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        if writer == nil { failure = "creating the writer" }
        if indent {
            check(xmlTextWriterSetIndent(writer, 1), "setting the indent")
            check(xmlTextWriterSetIndentString(writer, "  "), "setting the indent")
        }
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", standalone ? "yes" : nil), "starting the document")
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    /// `<name attr="value" ...>`; close with ``end()``.
    func start(_ name: String, _ attributes: [(String, String)] = []) {
        check(xmlTextWriterStartElement(writer, name), "starting <\(name)>")
        for (key, value) in attributes { check(xmlTextWriterWriteAttribute(writer, key, XMLText.clean(value)), "writing \(key) of <\(name)>") }
    }

    func end() {
        check(xmlTextWriterEndElement(writer), "ending an element")
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
        check(xmlTextWriterWriteString(writer, XMLText.clean(text)), "writing text")
    }

    /// Markup written as it is: an already well-formed part inside a Flat OPC package.
    func raw(_ bytes: [UInt8]) {
        var terminated = bytes
        terminated.append(0)
        let result = terminated.withUnsafeBufferPointer { xmlTextWriterWriteRaw(writer, $0.baseAddress) }
        check(result, "copying a part into the package")
    }

    /// A part's bytes without its `<?xml ...?>` declaration.
    static func withoutDeclaration(_ data: [UInt8]) -> [UInt8] {
        guard data.starts(with: Array("<?xml".utf8)), let end = data.firstIndex(of: UInt8(ascii: ">")) else { return data }
        var rest = data[(end + 1)...]
        while let first = rest.first, first == 0x0A || first == 0x0D { rest = rest.dropFirst() }
        return Array(rest)
    }

    /// The document, finished; an error when libxml2 refused any call.
    func finish() throws(ExportError) -> [UInt8] {
        check(xmlTextWriterEndDocument(writer), "ending the document")
        // Freeing the writer flushes it into the buffer.
        xmlFreeTextWriter(writer)
        writer = nil
        if let failure { throw ExportError("the XML writer (libxml2) failed while \(failure); nothing was written") }
        guard let content = xmlBufferContent(buffer) else { throw ExportError("the XML writer (libxml2) gave no document; nothing was written") }
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

/// A document that could not be written.
public struct ExportError: MotionKitError, Hashable {
    public var message: String
    public var category: ErrorCategory { .io }
    public var description: String { message }

    init(_ message: String) { self.message = message }
}
