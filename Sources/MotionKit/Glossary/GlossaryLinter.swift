/// Lints text against a glossary: each variant found, with the preferred term to use instead,
/// and each term to avoid, with the reason. `fix` rewrites variants to the preferred terms,
/// keeping plural, possessive and capitals.
public struct GlossaryLinter: Sendable {
    public struct Finding: Sendable, Hashable, Encodable {
        public enum Kind: String, Sendable, Encodable { case variant, avoid }
        public var kind: Kind
        /// 1-based line and column (in characters) in the text.
        public var line: Int
        public var column: Int
        /// The words as they stand.
        public var found: String
        /// The preferred term to use, shaped like the words found (for `avoid`, the entry's term).
        var suggestion: String
        public var reason: String?
        public var glossary: String
        /// Scalar range in the text, for fixing.
        var range: Range<Int>

        enum CodingKeys: String, CodingKey { case kind, line, column, found, suggestion, reason, glossary }

        /// `'peer workers' -> 'peer support workers' (lxp-roles)`
        public var message: String {
            let found = self.found.split(whereSeparator: \.isWhitespace).map(String.init).joined(by: " ")
            switch kind {
            case .variant: return "'\(found)' -> '\(suggestion)' (\(glossary))"
            case .avoid: return "'\(found)' is a term to avoid: \(reason ?? ""); consider '\(suggestion)' (\(glossary))"
            }
        }
    }

    public let glossary: Glossary
    let matcher: TermMatcher

    public init(glossary: Glossary) {
        self.glossary = glossary
        matcher = TermMatcher(glossary: glossary)
    }

    /// The scalar offset where a motion file's body starts, after its front matter: lint and fix
    /// leave the front matter alone.
    static func bodyStart(of text: String) -> Int {
        guard let (_, body, _) = try? FrontMatter.split(text) else { return 0 }
        return text.unicodeScalars.count - body.unicodeScalars.count
    }

    /// Findings in `text`, from scalar offset `start` (to pass over front matter).
    public func lint(_ text: String, from start: Int = 0, skipQuotes: Bool = false) -> [Finding] {
        let scalars = text.scalarArray
        let body = Self.blankingProvenance(Array(scalars[min(start, scalars.count)...]))
        let lines = LineIndex(scalars)
        return matcher.matches(in: body, skipQuotes: skipQuotes).map { match in
            let range = (match.range.lowerBound + start)..<(match.range.upperBound + start)
            let found = String(scalars: scalars[range])
            let entry = glossary.entries[match.pattern.entry]
            let (line, column) = lines.position(of: range.lowerBound)
            switch match.pattern.kind {
            case .avoid:
                return Finding(kind: .avoid, line: line, column: column, found: found, suggestion: entry.term,
                               reason: entry.avoid[match.pattern.avoided].reason, glossary: entry.glossary, range: range)
            default:
                return Finding(kind: .variant, line: line, column: column, found: found,
                               suggestion: Self.shaped(entry.term, like: found, plural: match.plural, possessive: match.possessive),
                               reason: nil, glossary: entry.glossary, range: range)
            }
        }
    }

    /// `body` with each composite provenance comment (`<!-- from: ... -->` ending a line, not
    /// escaped) blanked: it names motions by id, which are no words of the motion, and a fix
    /// must never rewrite them ("peer-workers#notes.1"). Blanks keep every column where it was.
    static func blankingProvenance(_ body: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let opening = Array(Provenance.opening.unicodeScalars), closing = Array(Provenance.closing.unicodeScalars)
        var out = body
        var lineStart = 0
        for index in 0...body.count where index == body.count || body[index] == "\n" {
            var end = index
            while end > lineStart, body[end - 1] == " " || body[end - 1] == "\r" || body[end - 1] == "\t" { end -= 1 }
            defer { lineStart = index + 1 }
            guard end - lineStart >= opening.count + closing.count, Array(body[(end - closing.count)..<end]) == closing else { continue }
            var at = end - closing.count - opening.count
            while at >= lineStart, Array(body[at..<(at + opening.count)]) != opening { at -= 1 }
            guard at >= lineStart, at == lineStart || body[at - 1] != "\\" else { continue }
            for blank in at..<end { out[blank] = " " }
        }
        return out
    }

    /// `text` with every variant replaced by its preferred term (terms to avoid are left for a
    /// person to reword), and the findings it replaced.
    public func fix(_ text: String, from start: Int = 0, skipQuotes: Bool = false) -> (text: String, fixed: [Finding]) {
        let findings = lint(text, from: start, skipQuotes: skipQuotes).filter { $0.kind == .variant }
        var scalars = text.scalarArray
        for finding in findings.reversed() {
            scalars.replaceSubrange(finding.range, with: Array(finding.suggestion.unicodeScalars))
        }
        return (String(scalars: scalars), findings)
    }

    // MARK: Shaping the preferred term like the words it replaces

    /// The preferred term in the found words' number and case: "Peer Workers'" -> "Peer Support
    /// Workers'", "PEER WORKER" -> "PEER SUPPORT WORKER", "peer-workers" -> "peer support workers".
    static func shaped(_ term: String, like found: String, plural: Bool, possessive: Bool) -> String {
        var words = term.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return term }
        if plural { words[words.count - 1] = pluralize(words[words.count - 1]) }
        let letters = found.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isUpper = letters.count > 1 && letters.allSatisfy { $0.properties.isUppercase }
        let foundWords = found.split { $0 == " " || $0 == "\n" || $0 == "-" || $0 == "\t" || $0 == "/" }
        let isTitle = foundWords.count > 1 && foundWords.allSatisfy { $0.first?.isUppercase == true }
        if isUpper {
            words = words.map { $0.uppercased() }
        } else if isTitle {
            words = words.map { capitalized($0) }
        } else if found.first?.isUppercase == true {
            words[0] = capitalized(words[0])
        }
        var out = words.joined(by: " ")
        if possessive {
            let apostrophe = found.contains("\u{2019}") ? "\u{2019}" : "'"
            out += plural ? apostrophe : apostrophe + (isUpper ? "S" : "s")
        }
        return out
    }

    // The rest of a word is made a String before `+`: adding a Substring is generic, and asks
    // the runtime for a conformance the first time (a scan of the whole table).
    static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + String(word.dropFirst())
    }

    static func pluralize(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return String(word.dropLast()) + "ies" }
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") { return word + "es" }
        return word + "s"
    }
}

/// Scalar offsets to 1-based lines and columns (columns in characters).
struct LineIndex {
    private var starts: [Int] = [0]
    private let scalars: [Unicode.Scalar]

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = String(scalars: scalars[starts[low]..<offset]).count + 1
        return (low + 1, column)
    }
}
