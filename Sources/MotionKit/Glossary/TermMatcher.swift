import MotionDiff

/// Finds glossary terms in text with one automaton over all of them (Aho-Corasick over words).
///
/// Text and terms are cut into words and each word is normalised (lower case, curly apostrophes
/// straightened, a possessive "'s" dropped, a plural "s" made singular), so "Peer Workers'",
/// "PEER WORKER", "peer-worker" and "peer\nworkers" all read as the phrase "peer worker". Words
/// join across white space, hyphens, slashes and Markdown emphasis marks; other punctuation, a
/// blank line, or a quotation (when quotes are skipped) breaks a phrase. Where matches overlap,
/// the longest wins, so "lived experience" never matches inside "lived experience researcher".
struct TermMatcher: Sendable {
    /// What a pattern stands for.
    public struct Pattern: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case preferred, variant, avoid }
        public var kind: Kind
        /// The entry's index in the glossary; for `avoid`, also the avoided term's index.
        public var entry: Int
        var avoided: Int = 0
        public var words: Int
    }

    /// A match: words `words` of the text, scalar range `range`.
    public struct Match: Sendable, Hashable {
        var pattern: Pattern
        var range: Range<Int>
        /// Whether the match's last word was plural, or possessive ("'s", or "'" after a plural).
        public var plural: Bool
        public var possessive: Bool
    }

    private var vocabulary: TermVocabulary
    /// Trie edges: (node, word) -> node. (A table of its own: a Dictionary keyed by a new type
    /// asks the runtime for its Hashable conformance, a scan of the whole conformance table.)
    private var edges: IntegerMap
    private var failure: [Int32]
    /// The pattern that ends at each node, if any.
    private var output: [Pattern?]

    /// The matcher for `glossary`: the one compiled in already built when the glossary has
    /// exactly the built-in glossary's patterns (see ``BuiltinTermMatcher``), else built.
    public init(glossary: Glossary) {
        if let preBuilt = BuiltinTermMatcher.matcher(for: glossary) {
            self = preBuilt
        } else {
            self.init(building: glossary)
        }
    }

    /// A matcher from its parts (``BuiltinTermMatcher`` keeps them already built).
    init(vocabulary: TermVocabulary, edges: IntegerMap, failure: [Int32], output: [Pattern?]) {
        self.vocabulary = vocabulary
        self.edges = edges
        self.failure = failure
        self.output = output
    }

    /// The parts the matcher is made of, for ``BuiltinTermMatcher`` to write out: the words in
    /// id order, each edge's key and target node, and each node's failure link and pattern.
    var parts: (words: [String], edges: [(key: UInt64, node: Int32)], failure: [Int32], output: [Pattern?]) {
        var edgeList: [(key: UInt64, node: Int32)] = []
        edges.forEach { edgeList.append(($0, $1)) }
        return (vocabulary.words, edgeList.sorted { $0.key < $1.key }, failure, output)
    }

    /// Builds the matcher: every pattern's words normalised and added, then the failure links.
    init(building glossary: Glossary) {
        self.init(vocabulary: TermVocabulary(), edges: IntegerMap(capacity: 256), failure: [0], output: [nil])
        for (index, entry) in glossary.entries.enumerated() {
            add(entry.term, Pattern(kind: .preferred, entry: index, words: 0))
            for variant in entry.variants { add(variant, Pattern(kind: .variant, entry: index, words: 0)) }
            for (avoidIndex, avoided) in entry.avoid.enumerated() {
                add(avoided.term, Pattern(kind: .avoid, entry: index, avoided: avoidIndex, words: 0))
            }
        }
        buildFailureLinks()
    }

    // MARK: Words

    /// A word of the text: its scalar range, normalised form, and what its ending said.
    struct Word {
        var range: Range<Int>
        var normalized: String
        /// ``TermVocabulary/key(_:)`` of `normalized`.
        var key: UInt64?
        var plural: Bool
        var possessive: Bool
        /// A phrase may not continue from the word before into this one.
        var breakBefore: Bool
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        QuoteMatcher.isWordScalar(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    /// The words of `scalars`; `quoted` marks scalars inside quotations to leave alone.
    static func words(_ scalars: [Unicode.Scalar], skipping quoted: [Bool]? = nil) -> [Word] {
        var out: [Word] = []
        // About one word in six scalars of prose: most texts then never grow the array.
        out.reserveCapacity(scalars.count / 6 + 1)
        var index = 0
        var breakPending = true
        var newlines = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let quoted, quoted[index] {
                breakPending = true
                index += 1
                continue
            }
            guard isLetter(scalar) else {
                switch scalar {
                case " ", "\t", "\r", "-", "\u{2010}", "\u{2011}", "/", "*", "_": break
                case "\n":
                    newlines += 1
                    if newlines >= 2 { breakPending = true }
                    index += 1
                    continue
                default: breakPending = true
                }
                newlines = 0
                index += 1
                continue
            }
            newlines = 0
            let start = index
            while index < scalars.count, isLetter(scalars[index])
                    || (isApostrophe(scalars[index]) && index + 1 < scalars.count && isLetter(scalars[index + 1])) {
                index += 1
            }
            let apostropheFollows = index < scalars.count && isApostrophe(scalars[index])
            let form = normalizedASCII(scalars[start..<index], apostropheFollows: apostropheFollows)
                ?? normalized(scalars[start..<index], apostropheFollows: apostropheFollows)
            // "workers'": a plural possessive; the apostrophe belongs to the match.
            if form.takesApostrophe { index += 1 }
            out.append(Word(range: start..<index, normalized: form.word, key: form.key, plural: form.plural, possessive: form.possessive,
                            breakBefore: breakPending))
            breakPending = false
        }
        return out
    }

    /// A word's normal form: lower case, straight apostrophes, no possessive "'s", singular.
    /// `takesApostrophe`: a plural ending in "s" is possessive when an apostrophe follows it
    /// ("workers'"), and the apostrophe then belongs to the word.
    struct Form: Equatable {
        var word: String
        /// ``TermVocabulary/key(_:)`` of `word`: made here for ASCII words, whose bytes are at hand.
        var key: UInt64?
        var plural: Bool
        var possessive: Bool
        var takesApostrophe: Bool
    }

    /// The normal form through Strings, for any word.
    static func normalized(_ scalars: ArraySlice<Unicode.Scalar>, apostropheFollows: Bool) -> Form {
        var word = lowered(scalars)
        var possessive = false, takesApostrophe = false
        if word.hasSuffix("'s") {
            word.removeLast(2)
            possessive = true
        } else if apostropheFollows, word.hasSuffix("s") {
            possessive = true
            takesApostrophe = true
        }
        let (singular, plural) = singularize(word)
        return Form(word: singular, key: TermVocabulary.key(singular), plural: plural, possessive: possessive,
                    takesApostrophe: takesApostrophe)
    }

    /// The same form for a word of ASCII letters, digits and apostrophes (straight or curly),
    /// worked out on its bytes in a buffer on the stack: most words of most motions, which the
    /// general path gave a String and an array each, and compared Unicode-aware suffixes on.
    /// Nil for any other word.
    static func normalizedASCII(_ scalars: ArraySlice<Unicode.Scalar>, apostropheFollows: Bool) -> Form? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count) { buffer -> Form? in
            var count = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[count] = ASCII.lowercased(UInt8(scalar.value))
                } else if scalar == "\u{2019}" {
                    buffer[count] = 0x27
                } else {
                    return nil
                }
                count += 1
            }
            // The endings are tested on the word's last four bytes packed in one integer, not
            // compared byte by byte: a word's bytes are never 0, the padding of a short word.
            var ending = Ending(buffer, count)
            var possessive = false, takesApostrophe = false
            if ending.has(Ending.apostropheS) {
                count -= 2
                ending = Ending(buffer, count)
                possessive = true
            } else if apostropheFollows, ending.has(Ending.s) {
                possessive = true
                takesApostrophe = true
            }
            // As ``singularize(_:)`` does, on bytes (each one character here).
            var plural = false
            if count > 3, ending.has(Ending.s), !ending.has(Ending.ss), !ending.has(Ending.us), !ending.has(Ending.is) {
                plural = true
                if ending.has(Ending.ies), count > 4 {
                    count -= 3
                    buffer[count] = UInt8(ascii: "y")
                    count += 1
                } else if ending.has(Ending.sses) || ending.has(Ending.xes) || ending.has(Ending.ches) || ending.has(Ending.shes) {
                    count -= 2
                } else {
                    count -= 1
                }
            }
            let bytes = UnsafeBufferPointer(rebasing: buffer[..<count])
            return Form(word: String(decoding: bytes, as: UTF8.self), key: ByteHash.hash(bytes), plural: plural,
                        possessive: possessive, takesApostrophe: takesApostrophe)
        }
    }

    /// A word's last (up to) four bytes, the last one lowest: what the plural and possessive
    /// rules look at. Each ending below is packed the same way.
    private struct Ending {
        var bytes: UInt32 = 0

        init(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ count: Int) {
            for index in max(0, count - 4)..<count { bytes = bytes << 8 | UInt32(buffer[index]) }
        }

        /// Whether the word ends with `ending`, whose length (1 to 4 bytes) its top byte set says.
        @inline(__always) func has(_ ending: UInt32) -> Bool {
            let mask: UInt32 = ending > 0xFF_FFFF ? 0xFFFF_FFFF : ending > 0xFFFF ? 0xFF_FFFF : ending > 0xFF ? 0xFFFF : 0xFF
            return bytes & mask == ending
        }

        static let s: UInt32 = 0x73            // "s"
        static let apostropheS: UInt32 = 0x2773 // "'s"
        static let ss: UInt32 = 0x7373
        static let us: UInt32 = 0x7573
        static let `is`: UInt32 = 0x6973
        static let ies: UInt32 = 0x69_6573
        static let xes: UInt32 = 0x78_6573
        static let sses: UInt32 = 0x7373_6573
        static let ches: UInt32 = 0x6368_6573
        static let shes: UInt32 = 0x7368_6573
    }

    /// A word in lower case with straight apostrophes, through Unicode's case mapping. ASCII
    /// words (the common case) never come here: ``normalizedASCII(_:apostropheFollows:)`` takes
    /// them on their bytes, and is tested against this.
    static func lowered(_ word: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: word).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
    }

    /// The singular of a word, and whether it was plural: "workers" -> "worker", "bodies" -> "body".
    static func singularize(_ word: String) -> (String, Bool) {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else {
            return (word, false)
        }
        if word.hasSuffix("ies"), word.count > 4 { return (String(word.dropLast(3)) + "y", true) }
        if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
            return (String(word.dropLast(2)), true)
        }
        return (String(word.dropLast()), true)
    }

    /// A term as the matcher compares it: its normalised words joined by spaces.
    static func normalizedPhrase(_ term: String) -> String {
        words(term.scalarArray).map(\.normalized).joined(separator: " ")
    }

    // MARK: The automaton

    private static func edgeKey(_ node: Int32, _ word: Int32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word)) }

    private mutating func add(_ term: String, _ pattern: Pattern) {
        let words = Self.words(term.scalarArray)
        guard !words.isEmpty else { return }
        var node: Int32 = 0
        for word in words {
            let key = Self.edgeKey(node, vocabulary.insert(word.normalized, key: word.key))
            let next = Int32(failure.count)
            let found = edges.value(key) { next }
            if found == next {
                failure.append(0)
                output.append(nil)
            }
            node = found
        }
        var pattern = pattern
        pattern.words = words.count
        // The first pattern for a phrase keeps it: a preferred term is never also a variant here.
        if output[Int(node)] == nil { output[Int(node)] = pattern }
    }

    private struct Edge {
        var word: Int32
        var child: Int32
    }

    private mutating func buildFailureLinks() {
        // Each node's (word, child) edges, grouped by node in one array (nodes are numbered
        // 0..<failure.count): node n's run is edgesFrom[n]..<edgesFrom[n + 1].
        let nodes = failure.count
        var edgesFrom = [Int](repeating: 0, count: nodes + 1)
        edges.forEach { key, _ in edgesFrom[Int(key >> 32) + 1] += 1 }
        for node in 0..<nodes { edgesFrom[node + 1] += edgesFrom[node] }
        var grouped = [Edge](repeating: Edge(word: 0, child: 0), count: edges.count)
        var filled = edgesFrom
        edges.forEach { key, child in
            let node = Int(key >> 32)
            grouped[filled[node]] = Edge(word: Int32(truncatingIfNeeded: key), child: child)
            filled[node] += 1
        }
        var queue: [Int32] = grouped[edgesFrom[0]..<edgesFrom[1]].map { $0.child }
        queue.reserveCapacity(nodes)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in grouped[edgesFrom[Int(node)]..<edgesFrom[Int(node) + 1]] {
                let (word, child) = (edge.word, edge.child)
                var fallback = failure[Int(node)]
                while fallback != 0, edges[Self.edgeKey(fallback, word)] == nil { fallback = failure[Int(fallback)] }
                let target = edges[Self.edgeKey(fallback, word)] ?? 0
                failure[Int(child)] = target == child ? 0 : target
                queue.append(child)
            }
        }
    }

    /// Every pattern ending at each word, leftmost-longest, not overlapping.
    func matches(_ words: [Word]) -> [(pattern: Pattern, first: Int, last: Int)] {
        var found: [(pattern: Pattern, first: Int, last: Int)] = []
        var node: Int32 = 0
        // By index: a copy of each word would retain and release its text.
        for index in words.indices {
            if words[index].breakBefore { node = 0 }
            guard let wordID = vocabulary.id(of: words[index].normalized, key: words[index].key) else {
                node = 0
                continue
            }
            while node != 0, edges[Self.edgeKey(node, wordID)] == nil { node = failure[Int(node)] }
            node = edges[Self.edgeKey(node, wordID)] ?? 0
            // Every pattern ending here: the node's own, then those along its failure links.
            var state = node
            while state != 0 {
                if let pattern = output[Int(state)] { found.append((pattern, index - pattern.words + 1, index)) }
                state = failure[Int(state)]
            }
        }
        found.sort { ($0.first, -$0.pattern.words) < ($1.first, -$1.pattern.words) }
        var chosen: [(pattern: Pattern, first: Int, last: Int)] = []
        var next = 0
        for match in found where match.first >= next {
            chosen.append(match)
            next = match.last + 1
        }
        return chosen
    }

    /// The matches in `text` (scalar ranges), preferred terms left out.
    func matches(in scalars: [Unicode.Scalar], skipQuotes: Bool = false) -> [Match] {
        let words = Self.words(scalars, skipping: skipQuotes ? Self.quotedScalars(scalars) : nil)
        return matches(words).compactMap { match in
            guard match.pattern.kind != .preferred else { return nil }
            let last = words[match.last]
            return Match(pattern: match.pattern, range: words[match.first].range.lowerBound..<last.range.upperBound,
                         plural: last.plural, possessive: last.possessive)
        }
    }

    /// Scalars inside quotations: "..." and “...”, and ‘...’ where the opening mark follows a
    /// space (an apostrophe never does). A blank line ends any quotation.
    static func quotedScalars(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var out = [Bool](repeating: false, count: scalars.count)
        var open: Unicode.Scalar?
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n", index + 1 < scalars.count, scalars[index + 1] == "\n" { open = nil }
            if let closing = open {
                out[index] = true
                if scalar == closing || (closing == "\"" && scalar == "\"") { open = nil }
            } else {
                let previous = index > 0 ? scalars[index - 1] : " "
                switch scalar {
                case "\"": open = "\""; out[index] = true
                case "\u{201C}": open = "\u{201D}"; out[index] = true
                case "\u{2018}" where !isLetter(previous): open = "\u{2019}"; out[index] = true
                default: break
                }
            }
            index += 1
        }
        return out
    }
}
