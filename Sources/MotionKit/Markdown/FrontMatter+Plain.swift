/// Front matter of plain `key: value` lines, read without Yams.
///
/// Nearly every motion's front matter is a handful of such lines, and Yams made reading one the
/// largest part of `motion check`: a parser, a composer and a node for every value, in code that
/// nothing else `check` runs touches. This reader takes only what it can read exactly as Yams
/// does and returns nil for anything else (quotes, lists, comments after a value, lines that
/// continue a value, a key given twice), which Yams then reads, and reports on, as before.
/// FrontMatterTests holds the two to the same result on thousands of random front matters.
extension FrontMatter {
    static func parsePlain(_ yaml: String, firstLine: Int) -> FrontMatter? {
        // Split on bytes, as `split(separator: "\n")` splits a text with no carriage return (a
        // line with one is not plain) in a tenth of the time.
        var lines: [Substring] = []
        var lineStart = yaml.utf8.startIndex
        for index in yaml.utf8.indices where yaml.utf8[index] == 0x0A {
            lines.append(yaml[lineStart..<index])
            lineStart = yaml.utf8.index(after: index)
        }
        lines.append(yaml[lineStart...])
        var fields: [(key: String, value: Substring, line: Int)] = []
        for (index, line) in lines.enumerated() {
            switch plainLine(line) {
            case .none: return nil
            case .some(.other): continue
            case .some(.field(let key, let value)):
                guard !fields.contains(where: { $0.key == key }) else { return nil }
                fields.append((key, value, index + 1))
            }
        }
        var result = FrontMatter()
        for (index, field) in fields.enumerated() {
            let line = firstLine + field.line - 1
            if listKeys.contains(field.key) || recordKeys.contains(field.key) {
                return nil
            } else if knownKeys.contains(field.key) {
                if isNull(field.value) { continue }
                result.values[field.key] = (String(field.value), line)
            } else {
                let end = index + 1 < fields.count ? fields[index + 1].line : lines.count + 1
                result.extraFields.append(Motion.ExtraField(key: field.key, yaml: fieldText(lines, from: field.line, to: end)))
            }
        }
        return result
    }

    private enum PlainLine {
        /// `key: value`, the value without the spaces around it (empty for none).
        case field(key: String, value: Substring)
        /// A blank line or a comment.
        case other
    }

    /// What a line of front matter holds, or nil when it is not a plain line.
    private static func plainLine(_ line: Substring) -> PlainLine? {
        let bytes = line.utf8
        var index = bytes.startIndex
        func byte(_ at: Substring.UTF8View.Index) -> UInt8 { bytes[at] }
        while index < bytes.endIndex, byte(index) == 0x20 { index = bytes.index(after: index) }
        if index == bytes.endIndex || byte(index) == UInt8(ascii: "#") {
            // A comment may hold anything but a tab or a byte YAML refuses, which Yams reports.
            return isPlainText(line) ? .other : nil
        }
        // A key: a letter or digit, then letters, digits, '-' and '_', from the line's start.
        guard index == bytes.startIndex, isKeyByte(byte(index)), byte(index) != UInt8(ascii: "-"),
              byte(index) != UInt8(ascii: "_") else { return nil }
        while index < bytes.endIndex, isKeyByte(byte(index)) { index = bytes.index(after: index) }
        guard index < bytes.endIndex, byte(index) == UInt8(ascii: ":") else { return nil }
        let key = String(line[line.startIndex..<index])
        index = bytes.index(after: index)
        guard index == bytes.endIndex || byte(index) == 0x20 else { return nil }
        // Trimmed on bytes: a space may carry a combining mark, and then it is no white space.
        var end = bytes.endIndex
        while index < end, byte(index) == 0x20 { index = bytes.index(after: index) }
        while end > index, byte(bytes.index(before: end)) == 0x20 { end = bytes.index(before: end) }
        let value = line[index..<end]
        guard isPlainScalar(value) else { return nil }
        return .field(key: key, value: value)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// A value YAML reads as the same text, plain: it starts with none of YAML's indicators and
    /// holds no ': ' or ' #', nor a ':' at its end. (Empty is YAML's null.)
    private static func isPlainScalar(_ value: Substring) -> Bool {
        guard let first = value.utf8.first else { return true }
        guard !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(first), isPlainText(value), value.utf8.last != UInt8(ascii: ":") else {
            return false
        }
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if (previous == UInt8(ascii: ":") && byte == 0x20) || (previous == 0x20 && byte == UInt8(ascii: "#")) { return false }
            previous = byte
        }
        return true
    }

    /// No tab, carriage return or other control character, and nothing YAML reads as a line
    /// break (U+0085, U+2028, U+2029) or refuses (U+FEFF, noncharacters U+FFFE and U+FFFF).
    private static func isPlainText(_ text: Substring) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return false }
            if byte >= 0x80 { ascii = false }
        }
        return ascii || text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x80 || (scalar.value >= 0xA0 && scalar.value != 0x2028 && scalar.value != 0x2029
                                    && scalar.value != 0xFEFF && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
        }
    }
}
