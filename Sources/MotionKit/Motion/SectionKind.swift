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
        var word = ""
        for character in heading.lowercased() + " " {
            if character.isLetter {
                word.append(character)
                continue
            }
            if let kind = SectionKind.verbs[word] {
                self = kind
                return
            }
            word = ""
        }
        self = .other
    }

    private static let verbs: [String: SectionKind] = {
        var table: [String: SectionKind] = [:]
        for verb in ["notes", "note", "recognises", "recognizes", "acknowledges", "observes", "welcomes"] {
            table[verb] = .notes
        }
        for verb in ["believes", "believe", "considers", "affirms", "condemns", "agrees", "deplores"] {
            table[verb] = .believes
        }
        for verb in ["resolves", "resolve", "instructs", "calls", "call", "requests", "urges", "demands",
                     "mandates", "commits", "asks", "directs", "supports"] {
            table[verb] = .resolves
        }
        return table
    }()
}
