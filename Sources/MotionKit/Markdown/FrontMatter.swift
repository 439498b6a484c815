import Yams

/// The YAML block between `---` lines at the top of a motion file.
struct FrontMatter {
    /// Known string fields, by key.
    var values: [String: (value: String, line: Int)] = [:]
    var extraFields: [Motion.ExtraField] = []

    /// Splits `text` into front matter YAML and body. `bodyLine` is the 1-based file line where
    /// the body starts. Returns nil YAML when the file has no front matter.
    static func split(_ text: String) throws(MotionReadError) -> (yaml: String?, body: Substring, bodyLine: Int) {
        guard text.hasPrefix("---") else { return (nil, text[...], 1) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let opening = lines.popFirst(), opening.trimmingTrailingSpaces == "---" else { return (nil, text[...], 1) }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.popFirst() {
            lineNumber += 1
            let trimmed = line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." {
                let bodyStart = lines.first?.startIndex ?? text.endIndex
                return (yamlLines.joined(separator: "\n"), text[bodyStart...], lineNumber + 1)
            }
            yamlLines.append(line)
        }
        throw MotionReadError(.frontMatter, line: 1,
                              "the front matter opened by '---' on line 1 is never closed; add a line '---' after the last field")
    }

    static let knownKeys: Set<String> = ["id", "title", "conference", "submitted-by", "kind", "status", "profile", "amends"]

    /// Parses the YAML. `firstLine` is the file line of the YAML's first line (2).
    static func parse(_ yaml: String, firstLine: Int) throws(MotionReadError) -> FrontMatter {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
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
        for (keyNode, valueNode) in mapping {
            let line = firstLine + (keyNode.mark?.line ?? 1) - 1
            guard let key = keyNode.scalar?.string else {
                throw MotionReadError(.frontMatter, line: line, "a front matter key must be a plain word")
            }
            guard seen.insert(key).inserted else {
                throw MotionReadError(.frontMatter, line: line, "'\(key)' is given twice in the front matter; keep one")
            }
            if knownKeys.contains(key) {
                guard let scalar = valueNode.scalar else {
                    throw MotionReadError(.badField, line: line, "'\(key)' must be a single value, not a list or mapping")
                }
                // `status:` with nothing after it is YAML null: treat it as absent.
                if valueNode.null != nil { continue }
                result.values[key] = (scalar.string, line)
            } else {
                let field = try serialize(key: keyNode, value: valueNode, line: line)
                result.extraFields.append(Motion.ExtraField(key: key, yaml: field))
            }
        }
        return result
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
