import MotionDiff
import Synchronization

/// The sample text of the skeletons in templates/motions/ ("Title of the motion", "State the
/// facts conference should note, ..."), so that `check` can say when a motion still holds it.
/// Taken from the skeletons themselves, the workspace's own included, not from a list here.
struct SkeletonPlaceholders: Sendable {
    /// Front-matter values a delegate is meant to replace (title, conference, submitted-by, amends).
    var fields: [String] = []
    /// Paragraphs and points of the skeletons' bodies, as their words read (list markers dropped).
    /// (Arrays, not sets: a few dozen short texts, looked up a few dozen times, cost less to
    /// compare than to hash.)
    var blocks: [String] = []

    init(resources: ResourceLibrary) {
        for name in resources.names(in: "templates/motions", ext: ".md") {
            guard let text = try? resources.text("templates/motions/\(name).md")?.text else { continue }
            add(skeleton: text)
        }
    }

    /// Read by lines, not as a motion, and over bytes: a skeleton's sample text is one line per
    /// block, and `check` should not pay for parsing every skeleton.
    private mutating func add(skeleton text: String) {
        var text = text
        text.withUTF8 { bytes in
            var inFrontMatter = false
            var lineStart = 0
            var isFirstLine = true
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1; isFirstLine = false }
                var low = lineStart, high = lineEnd
                while low < high, Self.isSpace(bytes[low]) { low += 1 }
                while high > low, Self.isSpace(bytes[high - 1]) { high -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[low..<high])
                if line.count == 3, line[0] == UInt8(ascii: "-"), line[1] == UInt8(ascii: "-"), line[2] == UInt8(ascii: "-") {
                    inFrontMatter = isFirstLine
                } else if inFrontMatter {
                    guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
                          Self.isPlaceholderField(String(decoding: line[..<colon], as: UTF8.self)) else { continue }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: line[(colon + 1)...]), as: UTF8.self).trimmingWhitespace
                    if !value.isEmpty, !fields.contains(value) { fields.append(value) }
                } else if let first = line.first, first != UInt8(ascii: "#") {
                    let words = Self.words(of: String(decoding: line, as: UTF8.self))
                    if !blocks.contains(words) { blocks.append(words) }
                }
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    private static func isPlaceholderField(_ key: String) -> Bool {
        switch key {
        case "title", "conference", "submitted-by", "amends": return true
        default: return false
        }
    }

    /// A block's text without its list marker, as the reader keeps it.
    static func words(of line: String) -> String {
        asciiWords(of: line) ?? unicodeWords(of: line)
    }

    /// The same for a line all in ASCII (each byte a character), on its bytes; nil for any other.
    static func asciiWords(of line: String) -> String? {
        var line = line
        return line.withUTF8 { bytes -> String? in
            guard ByteHash.isASCII(bytes) else { return nil }
            var start = 0
            while start < bytes.count, bytes[start] >= 0x30, bytes[start] <= 0x39 { start += 1 }
            if start > 0, start < bytes.count, bytes[start] == UInt8(ascii: ".") || bytes[start] == UInt8(ascii: ")") {
                start += 1
            } else if bytes.count >= 2, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "*"), bytes[1] == 0x20 {
                start = 2
            } else {
                start = 0
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self).trimmingWhitespace
        }
    }

    /// The same for any line, in characters.
    static func unicodeWords(of line: String) -> String {
        var text = Substring(line)
        if let marker = text.firstIndex(where: { !$0.isNumber }), marker > text.startIndex, text[marker] == "." || text[marker] == ")" {
            text = text[text.index(after: marker)...]
        } else if text.hasPrefix("- ") || text.hasPrefix("* ") {
            text = text.dropFirst(2)
        }
        return String(text).trimmingWhitespace
    }
}

/// Skeletons are read once per process, however many motions are checked.
final class SkeletonCache: Sendable {
    private let placeholders = Mutex<SkeletonPlaceholders?>(nil)

    func placeholders(in resources: ResourceLibrary) -> SkeletonPlaceholders {
        if let cached = placeholders.withLock({ $0 }) { return cached }
        let read = SkeletonPlaceholders(resources: resources)
        placeholders.withLock { $0 = read }
        return read
    }
}
