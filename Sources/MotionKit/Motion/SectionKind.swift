import MotionDiff

/// The role a section plays in a motion, whatever body it is addressed to.
///
/// "Conference notes", "Congress notes" and "This branch notes" are all `.notes`;
/// "Conference calls on ...", "Conference instructs ...", "This branch resolves" are `.resolves`.
public enum SectionKind: String, Hashable, Sendable, Codable, CaseIterable {
    case notes
    case believes
    case resolves
    case other

    /// Classifies a heading by its first verb ("Conference further believes" is `.believes`).
    public init(heading: String) {
        self = Self.kind(ofASCII: heading) ?? Self.kind(of: heading)
    }

    /// The kind of a heading all in ASCII, read on its bytes (each one a character): nearly
    /// every heading. Nil for any other heading.
    static func kind(ofASCII heading: String) -> SectionKind? {
        var heading = heading
        return heading.withUTF8 { bytes -> SectionKind? in
            guard ByteHash.isASCII(bytes) else { return nil }
            var wordStart = 0
            for offset in 0...bytes.count {
                let byte = offset < bytes.count ? ASCII.lowercased(bytes[offset]) : 0x20
                if byte >= 0x61 && byte <= 0x7A { continue }
                if offset > wordStart,
                   let kind = SectionKind(verb: String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<offset]), as: UTF8.self).lowercased()) {
                    return kind
                }
                wordStart = offset + 1
            }
            return .other
        }
    }

    /// The kind of any heading, word by word in characters.
    static func kind(of heading: String) -> SectionKind {
        var word = ""
        for character in heading.lowercased() + " " {
            if character.isLetter {
                word.append(character)
                continue
            }
            if let kind = SectionKind(verb: word) { return kind }
            word = ""
        }
        return .other
    }

    /// The kind a verb (in lower case) gives its section, if any.
    private init?(verb: String) {
        switch verb {
        case "notes", "note", "recognises", "recognizes", "acknowledges", "observes", "welcomes": self = .notes
        case "believes", "believe", "considers", "affirms", "condemns", "agrees", "deplores": self = .believes
        case "resolves", "resolve", "instructs", "calls", "call", "requests", "urges", "demands",
             "mandates", "commits", "asks", "directs", "supports": self = .resolves
        default: return nil
        }
    }
}
