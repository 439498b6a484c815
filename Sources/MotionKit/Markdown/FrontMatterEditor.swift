/// Small textual edits to a motion file's front matter that leave every other byte alone, for
/// changes made behind a delegate's back (a status set from the command line) while the file
/// may hold unsaved edits.
public enum FrontMatterEditor {
    /// Replaces the `key:` line of the front matter, or adds one before its closing `---`.
    /// Text without front matter is returned unchanged.
    public static func settingField(_ key: String, to value: String, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return text }
        for index in 1..<lines.count {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces) == "---" || line.trimmingCharacters(in: .whitespaces) == "..." {
                lines.insert("\(key): \(value)", at: index)
                return lines.joined(separator: "\n")
            }
            if line.hasPrefix("\(key):") {
                lines[index] = "\(key): \(value)"
                return lines.joined(separator: "\n")
            }
        }
        return text
    }
}

import Foundation
