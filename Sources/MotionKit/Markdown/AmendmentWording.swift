/// The normal form of an amendment's wording: what the canonical file keeps of it.
enum AmendmentWording {
    /// Lines without trailing white space or carriage returns, no blank lines at either end, and
    /// one blank line wherever there were several.
    static func normalize(_ text: some StringProtocol) -> String {
        // Appended line by line, each as a String: `joined(separator:)`, and appending a
        // Substring, are generic and ask the runtime for a conformance on first use, a scan of
        // every conformance in a static binary.
        var out = ""
        var blank = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            while let last = line.last, last.isWhitespace { line.removeLast() }
            if line.isEmpty {
                blank = !out.isEmpty
                continue
            }
            if !out.isEmpty { out += blank ? "\n\n" : "\n" }
            blank = false
            out += String(line)
        }
        return out
    }

    /// The body after its "# Title" line, when the title came from one.
    static func afterTitle(_ body: Substring, hasHeading: Bool) -> Substring {
        guard hasHeading else { return body }
        var rest = body[...]
        while let newline = rest.firstIndex(of: "\n"), rest[..<newline].allSatisfy(\.isWhitespace) {
            rest = rest[rest.index(after: newline)...]
        }
        let trimmed = rest.drop { $0 == " " }
        // "# Title", or a bare "#" (an empty title).
        if trimmed.hasPrefix("#"), trimmed.dropFirst().first.map({ $0 == " " || $0 == "\t" || $0 == "\n" }) ?? true {
            guard let newline = rest.firstIndex(of: "\n") else { return rest[rest.endIndex...] }
            return rest[rest.index(after: newline)...]
        }
        // "Title" underlined with "=" (a setext heading).
        if let first = rest.firstIndex(of: "\n") {
            let second = rest[rest.index(after: first)...]
            let underline = second.prefix { $0 != "\n" }.trimmingCharacters(in: .whitespaces)
            if !underline.isEmpty, underline.allSatisfy({ $0 == "=" }) {
                return second.firstIndex(of: "\n").map { second[second.index(after: $0)...] } ?? second[second.endIndex...]
            }
        }
        return body
    }
}
