/// Small textual edits to a motion file's front matter that leave every other byte alone, for
/// changes made behind a delegate's back (a status set from the command line) while the file
/// may hold unsaved edits.
enum FrontMatterEditor {
    /// Replaces the `key:` line of the front matter, or adds one before its closing `---`,
    /// keeping the file's line endings and byte-order mark. Nil when the text has no front matter.
    static func settingField(_ key: String, to value: String, in text: String) -> String? {
        settingField(key, lines: ["\(key): \(value)"], in: text)
    }

    /// Replaces the field `key` (its line and the indented or `- ` lines under it) with `new`
    /// (no lines: removes it), or adds `new` before the closing `---`.
    static func settingField(_ key: String, lines new: [String], in text: String) -> String? {
        var body = Substring(text)
        let bom = body.hasPrefix("\u{FEFF}")
        if bom { body = body.dropFirst() }
        let newline = body.contains("\r\n") ? "\r\n" : "\n"
        var lines = body.components(separatedBy: newline)
        func bare(_ line: String) -> String { line.trimmingCharacters(in: .whitespaces) }
        guard lines.first.map(bare) == "---" else { return nil }
        for index in 1..<lines.count {
            let line = lines[index]
            if bare(line) == "---" || bare(line) == "..." {
                lines.insert(contentsOf: new, at: index)
                return (bom ? "\u{FEFF}" : "") + lines.joined(separator: newline)
            }
            if line.hasPrefix("\(key):") {
                var end = index + 1
                while end < lines.count, isContinuation(lines[end]) { end += 1 }
                lines.replaceSubrange(index..<end, with: new)
                return (bom ? "\u{FEFF}" : "") + lines.joined(separator: newline)
            }
        }
        return nil
    }

    /// A line that belongs to the field above it: indented, or a list entry.
    private static func isContinuation(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first == " " || first == "\t" || (line.hasPrefix("-") && !line.hasPrefix("---"))
    }

    /// The lines of field `key` in a motion's canonical front matter (none when it has none).
    static func canonicalLines(_ key: String, of motion: Motion) -> [String] {
        let lines = MarkdownWriter.frontMatter(motion).split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) else { return [] }
        var end = start + 1
        while end < lines.count, isContinuation(lines[end]) { end += 1 }
        return Array(lines[start..<end])
    }
}
