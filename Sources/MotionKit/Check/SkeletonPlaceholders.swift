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

    /// Read by lines, not as a motion: a skeleton's sample text is one line per block, and `check`
    /// should not pay for parsing every skeleton.
    private mutating func add(skeleton text: String) {
        var inFrontMatter = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(line).trimmingWhitespace
            if trimmed == "---" {
                inFrontMatter = index == 0
                continue
            }
            if inFrontMatter {
                guard let colon = trimmed.firstIndex(of: ":") else { continue }
                let key = String(trimmed[..<colon])
                let value = String(trimmed[trimmed.index(after: colon)...]).trimmingWhitespace
                if Self.placeholderFields.contains(key), !value.isEmpty { fields.insert(value) }
            } else if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                blocks.insert(Self.words(of: trimmed))
            }
        }
    }

    /// A block's text without its list marker, as the reader keeps it.
    static func words(of line: String) -> String {
        var text = Substring(line)
        if let marker = text.firstIndex(where: { !$0.isNumber }), marker > text.startIndex,
           text[marker] == "." || text[marker] == ")" {
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
