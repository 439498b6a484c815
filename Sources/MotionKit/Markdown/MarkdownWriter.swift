/// Writes a ``Motion`` in the canonical motion format: front matter in a fixed key order, one
/// blank line between blocks, one line per paragraph or point, points numbered in order within
/// their section, and only the escapes CommonMark needs to read the same text back.
public enum MarkdownWriter {
    public static func write(_ motion: Motion) -> String {
        MarkdownLayout.render(MarkdownLayout.sections(of: motion))
    }

    static func frontMatter(_ motion: Motion) -> String {
        let m = motion.metadata
        var out = "---\nid: \(YAMLScalar.quoted(m.id))\ntitle: \(YAMLScalar.quoted(motion.titleText))\n"
        if let conference = m.conference { out += "conference: \(YAMLScalar.quoted(conference))\n" }
        if let submittedBy = m.submittedBy { out += "submitted-by: \(YAMLScalar.quoted(submittedBy))\n" }
        out += "kind: \(m.kind.rawValue)\n"
        if let amends = m.amends { out += "amends: \(YAMLScalar.quoted(amends))\n" }
        if !m.composites.isEmpty { out += "composites: [\(m.composites.joined(by: ", "))]\n" }
        out += "status: \(m.status.rawValue)\n"
        if let profile = m.profile { out += "profile: \(YAMLScalar.quoted(profile))\n" }
        for line in agreementLines(m) { out += line + "\n" }
        for field in m.extraFields { out += field.yaml.hasSuffix("\n") ? field.yaml : field.yaml + "\n" }
        return out + "---\n"
    }

    /// A composite's `agreements:` and `agreement-override:` lines (values always quoted: a
    /// flow mapping reads ',' and '}' as syntax).
    static func agreementLines(_ m: Motion.Metadata) -> [String] {
        func q(_ value: String) -> String { YAMLScalar.doubleQuoted(value) }
        var lines: [String] = []
        if !m.agreements.isEmpty {
            lines.append("agreements:")
            lines += m.agreements.map { "  - {for: \(q($0.source)), by: \(q($0.by)), on: \(q($0.on)), text: \(q($0.text))}" }
        }
        if let o = m.agreementOverride {
            lines.append("agreement-override: {by: \(q(o.by)), on: \(q(o.on)), reason: \(q(o.reason))}")
        }
        return lines
    }

    static func heading(_ content: [Inline]) -> String {
        var text = InlineEscaper.render(content.onOneLine, continuationIndent: 0)
        // " ##" at the end of a heading would be read as an optional closing sequence. (A heading
        // that is all '#' has its first one escaped already, as at any line start.)
        if text.hasSuffix("#"), let last = text.lastIndex(where: { $0 != "#" }), text[last] == " " {
            text.insert("\\", at: text.index(after: last))
        }
        return text
    }
}

/// Quotes a YAML scalar only when a plain one would be read back differently. The reader takes
/// known fields' raw text, so only syntax and null-like words need quotes, not numbers or dates.
enum YAMLScalar {
    static func quoted(_ value: String) -> String {
        isSafePlain(value) ? value : doubleQuoted(value)
    }

    private static let reserved: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]

    private static func isSafePlain(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if first == " " || last == " " || reserved.contains(value.lowercased()) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if value.contains(": ") || value.contains(" #") || value.hasSuffix(":") { return false }
        return !value.unicodeScalars.contains(where: needsEscape)
    }

    /// What YAML cannot hold as it is: C0 and C1 controls (a cp1252 mis-decode leaves U+0092),
    /// DEL, the byte-order mark, and the noncharacters U+FFFE and U+FFFF.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FEFF}" || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    static func doubleQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
