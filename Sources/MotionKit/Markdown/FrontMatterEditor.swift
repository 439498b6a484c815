/// Small textual edits to a motion file's front matter that leave every other byte alone, for
/// changes made behind a delegate's back (a status set from the command line) while the file
/// may hold unsaved edits.
enum FrontMatterEditor {
    /// Replaces the `key:` line of the front matter, or adds one before its closing `---`,
    /// keeping the file's line endings and byte-order mark. Nil when the text has no front matter.
    static func settingField(_ key: String, to value: String, in text: String) -> String? {
        var body = Substring(text)
        let bom = body.hasPrefix("\u{FEFF}")
        if bom { body = body.dropFirst() }
        let newline = body.contains("\r\n") ? "\r\n" : "\n"
        var lines = body.components(separatedBy: newline)
        func bare(_ line: String) -> String { line.trimmingCharacters(in: .whitespaces) }
        guard lines.first.map(bare) == "---" else { return nil }
        var result: [String]?
        for index in 1..<lines.count {
            let line = lines[index]
            if bare(line) == "---" || bare(line) == "..." {
                lines.insert("\(key): \(value)", at: index)
                result = lines
                break
            }
            if line.hasPrefix("\(key):") {
                lines[index] = "\(key): \(value)"
                result = lines
                break
            }
        }
        guard let result else { return nil }
        return (bom ? "\u{FEFF}" : "") + result.joined(separator: newline)
    }
}

import Foundation
