/// What a command line names a revision by: `ID` (the latest), `ID@3`, `ID@submitted` (a tag),
/// `ID@latest`, or a file path.
public enum RevisionReference: Hashable, Sendable, CustomStringConvertible {
    public enum Selector: Hashable, Sendable {
        case latest
        case number(Int)
        case tag(String)
    }

    case stored(id: String, Selector)
    case file(String)

    /// Parses a reference. A file is anything with a `/`, or a `.` before any `@` (ids have no
    /// dots: `old.md`, `draft.txt`), or, without an `@`, the name of a file that exists here.
    public init(parsing text: String) throws(StoreError) {
        // Byte searches, not `contains(_: StringProtocol)`: Foundation's search starts
        // CoreFoundation's string machinery, tens of thousands of instructions per argument.
        let bytes = text.utf8
        let at = bytes.firstIndex(of: UInt8(ascii: "@"))
        // The first non-empty part before or after the first "@" names a file when it has a dot.
        var head = text[..<(at ?? text.endIndex)]
        if head.isEmpty, let at { head = text[bytes.index(after: at)...] }
        let isFileName = bytes.contains(UInt8(ascii: "/")) || head.utf8.contains(UInt8(ascii: "."))
            || (at == nil && FileIO.fileExists(text) && !FileIO.isDirectory(text))
        if isFileName {
            self = .file(text)
            return
        }
        let id = String(text[..<(at ?? text.endIndex)])
        guard MotionID.isValid(id) else {
            throw StoreError(.malformedReference,
                             "'\(text)' is not a motion reference; write ID, ID@3, ID@TAG or a file path such as motions/ID.md")
        }
        guard let at else {
            self = .stored(id: id, .latest)
            return
        }
        let selector = String(text[bytes.index(after: at)...])
        if selector == "latest" {
            self = .stored(id: id, .latest)
        } else if let number = Int(selector) {
            guard number >= 1 else { throw StoreError(.malformedReference, "revision numbers start at 1: '\(text)'") }
            self = .stored(id: id, .number(number))
        } else if Tag.isValidName(selector) {
            self = .stored(id: id, .tag(selector))
        } else {
            throw StoreError(.malformedReference,
                             "'\(text)' is not a motion reference; after '@' write a revision number, a tag or 'latest'")
        }
    }

    public var description: String {
        switch self {
        case .file(let path): return path
        case .stored(let id, .latest): return id
        case .stored(let id, .number(let n)): return "\(id)@\(n)"
        case .stored(let id, .tag(let tag)): return "\(id)@\(tag)"
        }
    }
}

/// A tag names one revision of a motion, such as `submitted` or `as-amended`.
package enum Tag {
    /// Letters, digits, `-`, `_` and `.`, starting with a letter; not a number and not `latest`.
    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
              name != "latest", name.utf8.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".")
        }
    }
}
