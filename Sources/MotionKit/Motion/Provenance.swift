/// Where a block of a composite came from: the blocks of the source motions it was drafted
/// from, and, for near-duplicates kept side by side for the committee, the choice it is one of.
///
/// In the file it is a comment at the end of the block's line, which moves with the block when
/// the committee reorders or edits the draft and which Markdown viewers hide:
///
///     1. Negotiate a national job profile. <!-- from: lxp-a#resolves.1, lxp-b#resolves.2 -->
///     2. Seek Band 7 posts. <!-- from: lxp-a#resolves.2; choose: 1 -->
///
/// Only a `kind: composite` file is read this way; content can never forge one, since the
/// writer escapes a `<` the delegate typed.
public struct Provenance: Hashable, Sendable, Codable {
    /// One block of one source motion.
    public struct Source: Hashable, Sendable, Codable, CustomStringConvertible {
        public var motionID: String
        public var place: Place

        public init(motionID: String, place: Place) {
            self.motionID = motionID
            self.place = place
        }

        /// `lxp-a#resolves.2`
        public var description: String { "\(motionID)#\(place)" }
    }

    public var sources: [Source]
    /// Blocks with the same choice are alternatives: the committee keeps one (or, deleting the
    /// `choose:` from each, all).
    public var choice: Int?

    public init(sources: [Source], choice: Int? = nil) {
        self.sources = sources
        self.choice = choice
    }
}

extension Provenance {
    /// A block's place in its motion, as provenance names it: the section by what it does, with its
    /// ordinal when a motion has more than one of that kind (`notes2`), then the block's 1-based
    /// place in it (`resolves.2`); `preamble.1` for a block before the first section.
    public struct Place: Hashable, Sendable, Codable, CustomStringConvertible {
        /// `preamble`, `notes`, `believes`, `resolves`, `other`, with an ordinal after the first.
        public var section: String
        public var block: Int

        public init(section: String, block: Int) {
            self.section = section
            self.block = block
        }

        public var description: String { "\(section).\(block)" }

        /// The place of every block of `motion`, by section (index 0 the preamble) and block.
        public static func places(in motion: Motion) -> [[Place]] {
            var seen: [SectionKind: Int] = [:]
            var out = [motion.preamble.indices.map { Place(section: "preamble", block: $0 + 1) }]
            for section in motion.sections {
                let ordinal = seen[section.kind, default: 0] + 1
                seen[section.kind] = ordinal
                let name = section.kind.rawValue + (ordinal == 1 ? "" : String(ordinal))
                out.append(section.blocks.indices.map { Place(section: name, block: $0 + 1) })
            }
            return out
        }

        init?(parsing text: Substring) {
            guard let dot = text.lastIndex(of: "."), let block = Int(text[text.index(after: dot)...]), block >= 1 else { return nil }
            let section = text[..<dot]
            let name = section.prefix { $0.isLetter }
            let ordinal = section.dropFirst(name.count)
            guard name == "preamble" || SectionKind(rawValue: String(name)) != nil,
                  ordinal.isEmpty || (Int(ordinal).map { $0 >= 2 } ?? false) && !ordinal.hasPrefix("0") else { return nil }
            self.init(section: String(section), block: block)
        }
    }
}

extension Provenance {
    static let opening = "<!-- from: "
    static let closing = " -->"

    /// The comment written after the block's text.
    var trailer: String {
        let sources = sources.map { "\(Self.encode($0.motionID))#\($0.place)" }.joined(separator: ", ")
        return Self.opening + sources + (choice.map { "; choose: \($0)" } ?? "") + Self.closing
    }

    /// A trailer read back; nil when `comment` is not one (any other comment stays words).
    init?(trailer comment: String) {
        guard comment.hasPrefix(Self.opening), comment.hasSuffix(Self.closing),
              comment.count > Self.opening.count + Self.closing.count else { return nil }
        var body = comment.dropFirst(Self.opening.count).dropLast(Self.closing.count)
        var choice: Int?
        if let semicolon = body.firstIndex(of: ";") {
            let rest = body[semicolon...]
            guard rest.hasPrefix("; choose: "), let number = Int(rest.dropFirst("; choose: ".count)), number >= 1 else { return nil }
            choice = number
            body = body[..<semicolon]
        }
        var sources: [Source] = []
        for item in body.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.hasPrefix(" ") && !sources.isEmpty ? item.dropFirst() : item
            guard let hash = item.firstIndex(of: "#"), let place = Place(parsing: item[item.index(after: hash)...]) else { return nil }
            let id = Self.decode(item[..<hash])
            guard MotionID.isValid(id) else { return nil }
            sources.append(Source(motionID: id, place: place))
        }
        self.init(sources: sources, choice: choice)
    }

    /// An HTML comment may not hold "--", which an id may: every dash after a dash is written
    /// `%2D` (ids never hold '%').
    private static func encode(_ id: String) -> String {
        var out = "", previous: Character?
        for character in id {
            out += character == "-" && previous == "-" ? "%2D" : String(character)
            previous = character
        }
        return out
    }

    private static func decode(_ text: Substring) -> String { text.replacingOccurrences(of: "%2D", with: "-") }
}
