/// A finding about a document, reported compiler-style: `path:line:col: warning: message`.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
    }

    var severity: Severity
    /// 1-based line in the file; 0 when the finding is about the whole file.
    public var line: Int
    /// 1-based column; 1 when only the line is known.
    public var column: Int
    public var message: String
    /// A short stable name for the rule, such as `word-limit` (for `--json` consumers and filters).
    var rule: String

    public init(_ severity: Severity, line: Int, column: Int = 1, _ message: String, rule: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.rule = rule
    }

    /// `path:line:col: severity: message`
    public func formatted(path: String) -> String {
        "\(path):\(max(line, 1)):\(max(column, 1)): \(severity.rawValue): \(message)"
    }
}
