import Yams

/// The YAML block between `---` lines at the top of a motion file.
struct FrontMatter {
    /// Known string fields, by key.
    var values: [String: (value: String, line: Int)] = [:]
    /// Known list fields (`composites:`), by key.
    var lists: [String: (values: [String], line: Int)] = [:]
    /// Known fields of records (`agreements:`, a list; `agreement-override:`, one), by key.
    var records: [String: (values: [[String: String]], line: Int)] = [:]
    var extraFields: [Motion.ExtraField] = []

    /// Splits `text` into front matter YAML and body. `bodyLine` is the 1-based file line where
    /// the body starts. Returns nil YAML when the file has no front matter.
    static func split(_ text: String) throws(MotionReadError) -> (yaml: String?, body: Substring, bodyLine: Int) {
        guard text.hasPrefix("---") else {
            try refuseFrontMatterWithoutOpening(text)
            return (nil, text[...], 1)
        }
        // Walk line by line only as far as the closing fence; the body is never split. On bytes,
        // as characters would: a line ends at a line feed that no carriage return comes before
        // (the two are one character), and only spaces and tabs, each a character, are trimmed.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            var lineEnd = lineStart, previous: UInt8 = 0
            while lineEnd < bytes.endIndex, bytes[lineEnd] != 0x0A || previous == 0x0D {
                previous = bytes[lineEnd]
                lineEnd = bytes.index(after: lineEnd)
            }
            var end = lineEnd
            while end > lineStart, bytes[bytes.index(before: end)] == 0x20 || bytes[bytes.index(before: end)] == 0x09 {
                end = bytes.index(before: end)
            }
            let line = bytes[lineStart..<end]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            lineNumber += 1
            if let start = yamlStart {
                if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                    return (String(text[start..<lineStart]), text[next...], lineNumber + 1)
                }
            } else {
                guard line.elementsEqual("---".utf8) else { return (nil, text[...], 1) }
                yamlStart = next
            }
            lineStart = next
        }
        throw MotionReadError(.frontMatter, line: 1,
                              "the front matter opened by '---' on line 1 is never closed; add a line '---' after the last field")
    }

    /// Fields at the top and a lone '---' below them: the opening '---' was left out (or lost
    /// in a copy and paste). Read as Markdown, the fields would become a paragraph and the
    /// closing line a rule, so say what is missing rather than "the motion has no title".
    private static func refuseFrontMatterWithoutOpening(_ text: String) throws(MotionReadError) {
        var lines = text.split(separator: "\n", maxSplits: 40, omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), let colon = first.firstIndex(of: ":"),
              knownKeys.contains(first[..<colon].trimmingCharacters(in: .whitespaces).lowercased()) else { return }
        while let line = lines.next() {
            if line.trimmingTrailingSpaces == "---" {
                throw MotionReadError(.frontMatter, line: 1,
                                      "the front matter has no opening '---': add a line '---' above '\(first.prefix(40))'")
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { return }
        }
    }

    static let knownKeys: Set<String> = ["id", "title", "conference", "submitted-by", "kind", "status", "profile", "amends", "composites",
                                         "agreements", "agreement-override"]
    /// Known keys whose value is a list of single values.
    static let listKeys: Set<String> = ["composites"]
    /// Known keys whose value is a list of records (`agreements`) or one record.
    static let recordKeys: Set<String> = ["agreements", "agreement-override"]

    /// Parses the YAML. `firstLine` is the file line of the YAML's first line (2).
    static func parse(_ yaml: String, firstLine: Int) throws(MotionReadError) -> FrontMatter {
        if let plain = parsePlain(yaml, firstLine: firstLine) { return plain }
        return try parseYAML(yaml, firstLine: firstLine)
    }

    /// Parses the YAML with Yams: any front matter, and what it says when the YAML is wrong.
    static func parseYAML(_ yaml: String, firstLine: Int) throws(MotionReadError) -> FrontMatter {
        let root: Node?
        do {
            // The basic resolver types nothing: every field is read as the text written, and no
            // regular expressions are compiled (they cost milliseconds at start-up).
            root = try YAMLCompose.node(yaml)
        } catch {
            throw yamlError(error, yaml: yaml, firstLine: firstLine)
        }
        var result = FrontMatter()
        guard let root else { return result }
        guard case .mapping(let mapping) = root else {
            throw MotionReadError(.frontMatter, line: firstLine,
                                  "the front matter must be 'key: value' lines, such as 'id: my-motion'")
        }
        var seen: Set<String> = []
        let yamlLines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let keyLines = mapping.map { $0.key.mark?.line ?? 0 } + [yamlLines.count + 1]
        // (Yams reports the style of a mapping's end event, so look at the text instead.)
        let isFlowMapping = yaml.drop { $0.isWhitespace }.first == "{"
        for (index, (keyNode, valueNode)) in mapping.enumerated() {
            let line = firstLine + (keyNode.mark?.line ?? 1) - 1
            guard let key = keyNode.scalar?.string else {
                throw MotionReadError(.frontMatter, line: line, "a front matter key must be a plain word")
            }
            guard seen.insert(key).inserted else {
                throw MotionReadError(.frontMatter, line: line, "'\(key)' is given twice in the front matter; keep one")
            }
            if recordKeys.contains(key) {
                let nodes = key == "agreements" ? valueNode.sequence.map(Array.init) : [valueNode]
                let records = nodes?.compactMap(record)
                guard let records, records.count == nodes?.count else {
                    throw MotionReadError(.badField, line: line, key == "agreements"
                        ? "'agreements' must be a list of records such as '- {for: motion-a, by: Camden Branch, on: \"2026-12-04\", text: 3f2a9c1e0b7d}'"
                        : "'agreement-override' must be a record such as '{by: Conference office, on: \"2026-12-04\", reason: \"...\"}'")
                }
                result.records[key] = (records, line)
            } else if listKeys.contains(key) {
                let items = valueNode.sequence.map { $0.compactMap { $0.scalar?.string } }
                guard let items, items.count == valueNode.sequence?.count else {
                    throw MotionReadError(.badField, line: line, "'\(key)' must be a list of single values, such as '\(key): [motion-a@2, motion-b@1]'")
                }
                result.lists[key] = (items, line)
            } else if knownKeys.contains(key) {
                guard let scalar = valueNode.scalar else {
                    throw MotionReadError(.badField, line: line, "'\(key)' must be a single value, not a list or mapping")
                }
                // `status:` with nothing after it is YAML null: treat it as absent.
                if scalar.style == .plain, isNull(Substring(scalar.string)) { continue }
                result.values[key] = (scalar.string, line)
            } else {
                // Kept as the lines the delegate wrote (comments and flow style included), unless
                // the mapping is written inline and the field has no lines of its own.
                let (start, end) = (keyLines[index], keyLines[index + 1])
                let field: String
                if !isFlowMapping, start >= 1, end > start, end - 1 <= yamlLines.count {
                    field = fieldText(yamlLines, from: start, to: end)
                } else {
                    field = try serialize(key: keyNode, value: valueNode, line: line)
                }
                result.extraFields.append(Motion.ExtraField(key: key, yaml: field))
            }
        }
        return result
    }

    /// Whether a plain value is YAML's null (nothing, `~` or `null`): a known field given so is
    /// treated as absent, by either reader.
    static func isNull(_ plainValue: Substring) -> Bool {
        switch plainValue {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// A field's lines, `from` its key's (1-based) up to the next key's, without the blank lines
    /// at its end: the field as the delegate wrote it, comments and all.
    static func fieldText(_ yamlLines: [Substring], from start: Int, to end: Int) -> String {
        var lines = yamlLines[(start - 1)..<(end - 1)]
        while let last = lines.last, last.allSatisfy(\.isWhitespace), lines.count > 1 { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A mapping of single values (`{for: a, by: b}`), or nil.
    private static func record(_ node: Node) -> [String: String]? {
        guard let mapping = node.mapping else { return nil }
        var record: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, let text = value.scalar?.string else { return nil }
            record[name] = text
        }
        return record
    }

    private static func serialize(key: Node, value: Node, line: Int) throws(MotionReadError) -> String {
        do {
            return try Yams.serialize(node: .mapping(Node.Mapping([(key, value)])), width: -1, allowUnicode: true)
        } catch {
            throw MotionReadError(.frontMatter, line: line, "the field cannot be kept as YAML: \(error)")
        }
    }

    private static func yamlError(_ error: any Error, yaml: String, firstLine: Int) -> MotionReadError {
        guard let yamlError = error as? YamlError else {
            return MotionReadError(.frontMatter, line: firstLine, "the front matter is not valid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            // Where the broken construct starts (an unclosed quote or bracket) is where to look;
            // the problem's own mark is often the end of the input.
            let yamlLineCount = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
            let place = context?.mark ?? mark
            return MotionReadError(.frontMatter, line: firstLine + min(place.line, yamlLineCount) - 1, column: place.column,
                                   "the front matter is not valid YAML (\(detail)); put a value that holds ': ', '[' or a leading quote in double quotes")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the mapping; the delegate needs the line of the repeated key.
            let keyLines = yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { duplicates.contains(where: $0.element.hasPrefix) && $0.element.contains(":") }.map(\.offset)
            let line = keyLines.count > 1 ? keyLines[1] + 1 : context.mark.line
            return MotionReadError(.frontMatter, line: firstLine + line - 1,
                                   "'\(duplicates.joined(separator: "', '"))' is given twice in the front matter; keep one")
        default:
            return MotionReadError(.frontMatter, line: firstLine, "the front matter is not valid YAML: \(yamlError)")
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
