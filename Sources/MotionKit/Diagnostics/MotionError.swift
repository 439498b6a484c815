/// Why a file could not be read as a motion at all. The message says what to do about it.
///
/// `path:line: message` when printed; the CLI maps every case to exit status 65 (bad data),
/// except a missing or unreadable file (66, 74).
public struct MotionReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: String, Hashable, Sendable {
        case notFound, unreadable, tooLarge, notUTF8, nulByte, frontMatter, badField, noTitle
        /// Lists or quotes nested far deeper than any motion: refused before parsing, whose time
        /// grows with depth.
        case tooDeep
    }

    public var reason: Reason
    /// The file, as the user named it; nil for text read from memory.
    public var path: String?
    /// 1-based line, 0 when it concerns the whole file.
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ reason: Reason, path: String? = nil, line: Int = 0, column: Int = 1, _ message: String) {
        self.reason = reason
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = path ?? "<input>"
        return line > 0 ? "\(place):\(line):\(column): error: \(message)" : "\(place): error: \(message)"
    }

    func located(at path: String) -> MotionReadError {
        var copy = self
        copy.path = path
        return copy
    }
}
