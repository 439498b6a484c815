/// What drafting a composite did, for the committee: where each block came from, what was left
/// out as said already (and where it is said), near-duplicates kept side by side, and headings
/// that differed. `motion composite` prints it, as text or as JSON.
public struct CompositeReport: Sendable, Codable, Equatable {
    public struct Source: Sendable, Codable, Equatable {
        /// `ID@N`, or the file's path.
        public var reference: String
        public var id: String
        public var title: String
        public var submittedBy: String?
        public var sentences: Int
    }

    /// One block of the composite.
    public struct Block: Sendable, Codable, Equatable {
        /// Its place in the composite (`resolves.2`).
        public var place: String
        /// The source blocks it was drafted from (`lxp-a#resolves.1`), its own first.
        public var from: [String]
        /// How many source motions say it (those whose duplicate was left out included).
        public var support: Int
        public var choice: Int?
    }

    /// A sentence of a source left out because a block of the composite says it already.
    public struct LeftOut: Sendable, Codable, Equatable {
        /// `lxp-b#resolves.2`
        public var source: String
        /// 1-based, within the source block.
        public var sentence: Int
        public var text: String
        /// The composite block that says it (`resolves.1`).
        public var duplicateOf: String
    }

    /// A sentence kept in the composite (its block had words of its own) that another block says too.
    public struct Repeated: Sendable, Codable, Equatable {
        public var source: String
        public var sentence: Int
        public var text: String
        public var alsoIn: String
    }

    /// Near-duplicates kept side by side: the committee keeps one.
    public struct Choice: Sendable, Codable, Equatable {
        public var choice: Int
        public var places: [String]
        /// The least alike pair in the group, 0...1 (share of words in common).
        public var similarity: Double
    }

    /// A section whose sources head it differently: the composite uses `heading`.
    public struct HeadingVariant: Sendable, Codable, Equatable {
        public var heading: String
        public var variants: [String]
    }

    public var id: String
    public var sources: [Source]
    public var blocks: [Block]
    public var choices: [Choice]
    public var leftOut: [LeftOut]
    public var repeated: [Repeated]
    public var headings: [HeadingVariant]
    /// Every sentence of every source block.
    public var sentences: Int
    public var words: Int
}

extension CompositeReport {
    /// The report as the committee reads it on the terminal.
    public var text: String {
        var lines = ["drafted \(id) from \(sources.map(\.reference).joined(separator: ", ")) (\(words) words, \(blocks.count) blocks)"]
        let shared = blocks.filter { $0.support > 1 && $0.choice == nil }.count
        lines.append("  \(shared) said by more than one motion, \(choices.count) \(choices.count == 1 ? "choice" : "choices") of near-duplicates, "
                     + "\(blocks.filter { $0.support == 1 && $0.choice == nil }.count) from one motion")
        if !leftOut.isEmpty {
            lines.append("left out, said already (\(leftOut.count) \(leftOut.count == 1 ? "sentence" : "sentences")):")
            lines += leftOut.map { "  \($0.source) sentence \($0.sentence) = \($0.duplicateOf) of the composite: \(Self.clipped($0.text))" }
        }
        if !choices.isEmpty {
            lines.append("choose (keep one of each, or delete '; choose: N' to keep all):")
            lines += choices.map { "  \($0.choice): \($0.places.joined(separator: " | ")) (\(Int(($0.similarity * 100).rounded()))% alike)" }
        }
        if !repeated.isEmpty {
            lines.append("kept whole, but said in another block too:")
            lines += repeated.map { "  \($0.source) sentence \($0.sentence), also in \($0.alsoIn): \(Self.clipped($0.text))" }
        }
        for heading in headings {
            lines.append("heading '\(heading.heading)' used; also written: \(heading.variants.map { "'\($0)'" }.joined(separator: ", "))")
        }
        lines.append("every sentence of the \(sources.count) motions (\(sentences)) is in the composite or listed above")
        return lines.joined(separator: "\n")
    }

    private static func clipped(_ text: String) -> String { text.count <= 70 ? text : text.prefix(67) + "..." }
}
