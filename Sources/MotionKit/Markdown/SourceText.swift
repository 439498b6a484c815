/// Raw bytes checked and decoded into text a reader can trust: valid UTF-8, no NUL, LF line
/// endings, no byte-order mark, and not larger than any motion could reasonably be.
enum SourceText {
    /// A conference motion is a few hundred words; 2 MiB is thousands of pages of them. The limit
    /// keeps a stray log file or binary from being parsed for seconds.
    static let maximumBytes = 2 * 1024 * 1024

    static func tooLarge(size: Int) -> MotionReadError {
        MotionReadError(.tooLarge, line: 1, String(
            format: "the file is %.1f MB, more than the %d MB a motion may be; is this the right file?",
            Double(size) / 1_000_000, maximumBytes / 1_048_576))
    }

    /// How a file's text was laid out before it was normalised, so a command that rewrites the
    /// file (glossary fix) can give it back as the user had it.
    struct Layout: Sendable, Hashable {
        var byteOrderMark = false
        /// "\n", "\r\n" or "\r".
        var lineEnding = "\n"

        /// `text` (with LF line endings) in this layout.
        func restore(_ text: String) -> String {
            let ended = lineEnding == "\n" ? text : text.replacingOccurrences(of: "\n", with: lineEnding)
            return byteOrderMark ? "\u{FEFF}" + ended : ended
        }
    }

    /// The one checked way every command reads a text file: the size limit before reading, then
    /// UTF-8, no NUL, no byte-order mark and LF line endings, as `motion check` reads motions.
    /// Nothing is ever decoded lossily, so nothing writes U+FFFD over a user's bytes.
    static func read(_ path: String) throws(MotionReadError) -> (text: String, layout: Layout) {
        let bytes: [UInt8]
        do {
            if let size = FileIO.fileSize(path), size > maximumBytes { throw tooLarge(size: size).located(at: path) }
            // Bounded even when the size cannot be known beforehand (a pipe, /dev/zero).
            bytes = try FileIO.readBytes(path, limit: maximumBytes + 1)
        } catch let error as MotionReadError {
            throw error
        } catch let error as FileError {
            throw MotionReadError(error.isMissing ? .notFound : .unreadable, path: path, error.message)
        } catch {
            throw MotionReadError(.unreadable, path: path, "\(error)")
        }
        do {
            return (try decode(bytes), layout(of: bytes))
        } catch {
            throw error.located(at: path)
        }
    }

    /// The layout of raw bytes: a byte-order mark, and the first line ending found.
    static func layout(of bytes: [UInt8]) -> Layout {
        var layout = Layout(byteOrderMark: bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        if let index = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }), bytes[index] == 0x0D {
            layout.lineEnding = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? "\r\n" : "\r"
        }
        return layout
    }

    static func decode(_ bytes: [UInt8]) throws(MotionReadError) -> String {
        guard bytes.count <= maximumBytes else { throw tooLarge(size: bytes.count) }
        if let nul = ByteSearch.firstIndex(of: 0, in: bytes) {
            let (line, column) = position(of: nul, in: bytes)
            throw MotionReadError(.nulByte, line: line, column: column,
                                  "the file contains a NUL byte, so it is not a text file; save it as plain UTF-8 text")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(in: bytes)
            let (line, column) = position(of: bad, in: bytes)
            throw MotionReadError(.notUTF8, line: line, column: column,
                                  "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save the file as UTF-8 text")
        }
        return ByteSearch.contains(13, in: text) ? normalizeLineEndings(text) : text
    }

    /// Text that did not come from a file (a store, a web form, a test) read the way `decode`
    /// reads a file's bytes: no byte-order mark, no NUL, line feeds only.
    static func prepare(_ text: String) throws(MotionReadError) -> String {
        // On the bytes in place: UTF8View's iterator, through a closure, took 20 instructions a byte.
        var contiguous = text
        guard contiguous.withUTF8({ bytes in bytes.contains { $0 == 13 || $0 == 0 || $0 == 0xEF } }) else { return text }
        let utf8 = text.utf8
        if utf8.contains(0) { return try decode(Array(utf8)) }
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.utf8.contains(13) ? normalizeLineEndings(text) : text
    }

    private static func normalizeLineEndings(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Lists and quotes nested inside each other on one line, at most: a motion needs two or
    /// three. libcmark-gfm's time grows with depth times the text inside (a 20,000-deep list
    /// followed by 100,000 '&' took minutes), so deeper text is refused before it is parsed.
    static let maximumNesting = 16

    /// Refuses a line that opens more than ``maximumNesting`` lists or quotes: "- - - ...",
    /// "> > > ...", "1. 1. 1. ...". One pass over the bytes.
    static func checkNesting(_ text: String, firstLine: Int) throws(MotionReadError) {
        var text = text
        if let error = text.withUTF8({ checkNesting($0, firstLine: firstLine) }) { throw error }
    }

    private static func checkNesting(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> MotionReadError? {
        var line = firstLine
        var depth = 0
        var atContainerStart = true
        var digits = 0
        // A list marker ("-", "*", "+", "1.", "1)") counts when a space or tab follows it, so a
        // rule of dashes ("--------") is not a deep list; ">" counts at once.
        var pendingMarker = false
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                depth = 0
                atContainerStart = true
                digits = 0
                pendingMarker = false
                continue
            }
            guard atContainerStart else { continue }
            let isSpace = byte == 0x20 || byte == 0x09
            if pendingMarker {
                pendingMarker = false
                guard isSpace else { atContainerStart = false; continue }
                depth += 1
            } else if isSpace {
                if digits > 0 { atContainerStart = false }  // "12 " is text, not a marker
                continue
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 {
                digits += 1
                continue
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")) && digits > 0 {
                digits = 0
                pendingMarker = true
                continue
            } else if digits == 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                pendingMarker = true
                continue
            } else if digits == 0, byte == UInt8(ascii: ">") {
                depth += 1
            } else {
                atContainerStart = false
                continue
            }
            if depth > maximumNesting {
                return MotionReadError(.tooDeep, line: line, "lists or quotes are nested more than \(maximumNesting) deep on this line; a motion needs two or three. Is this the right file?")
            }
        }
        return nil
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The offset of the first byte that breaks UTF-8.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return max(0, bytes.count - 1)
            case .error: return offset
            }
        }
    }
}

import Foundation
