import Synchronization

/// The sample text of the skeletons in templates/motions/ ("Title of the motion", "State the
/// facts conference should note, ..."), so that `check` can say when a motion still holds it.
/// Taken from the skeletons themselves, the workspace's own included, not from a list here.
struct SkeletonPlaceholders: Sendable {
    /// Front-matter values a delegate is meant to replace (title, conference, submitted-by, amends).
    var fields: Set<String> = []
    /// Paragraphs and points of the skeletons' bodies, as their words read (list markers dropped).
    var blocks: Set<String> = []

    private static let placeholderFields: Set<String> = ["title", "conference", "submitted-by", "amends"]

    init(resources: ResourceLibrary) {
        for name in resources.names(in: "templates/motions", ext: ".md") {
            guard let text = try? resources.text("templates/motions/\(name).md")?.text else { continue }
            add(skeleton: text)
        }
    }

    /// Read by lines, not as a motion, and over bytes: a skeleton's sample text is one line per
    /// block, and `check` should not pay for parsing every skeleton.
    private mutating func add(skeleton text: String) {
        let bytes = Array(text.utf8)
        var inFrontMatter = false
        var lineStart = 0
        var isFirstLine = true
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1; isFirstLine = false }
            var low = lineStart, high = lineEnd
            while low < high, Self.isSpace(bytes[low]) { low += 1 }
            while high > low, Self.isSpace(bytes[high - 1]) { high -= 1 }
            let line = bytes[low..<high]
            if line.elementsEqual("---".utf8) {
                inFrontMatter = isFirstLine
            } else if inFrontMatter {
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
                let key = String(decoding: line[..<colon], as: UTF8.self)
                let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace
                if Self.placeholderFields.contains(key), !value.isEmpty { fields.insert(value) }
            } else if let first = line.first, first != UInt8(ascii: "#") {
                blocks.insert(Self.words(of: String(decoding: line, as: UTF8.self)))
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// A block's text without its list marker, as the reader keeps it.
    static func words(of line: String) -> String {
        var text = Substring(line)
        // Skeletons are ASCII: where the first byte after any ASCII digits is ASCII, it is the
        // first character that is not a number, found without asking Character.
        let bytes = line.utf8
        var afterDigits = bytes.startIndex
        while afterDigits < bytes.endIndex, (0x30...0x39).contains(bytes[afterDigits]) { afterDigits = bytes.index(after: afterDigits) }
        let marker = afterDigits == bytes.endIndex ? nil
            : bytes[afterDigits] < 0x80 ? afterDigits : text.firstIndex(where: { !$0.isNumber })
        if let marker, marker > text.startIndex, text[marker] == "." || text[marker] == ")" {
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
