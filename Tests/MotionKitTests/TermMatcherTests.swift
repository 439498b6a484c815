import Testing
@testable import MotionKit

/// How the glossary's matcher reads a word: lower case, straight apostrophes, no possessive,
/// singular. ASCII words take a path of their own on bytes; it must read every word as the
/// general path does.
@Suite struct TermMatcherTests {
    func form(_ word: String, apostropheFollows: Bool = false) -> TermMatcher.Form? {
        TermMatcher.normalizedASCII(Array(word.unicodeScalars)[...], apostropheFollows: apostropheFollows)
    }

    @Test func asciiWordsAreNormalised() {
        #expect(form("Workers")?.word == "worker")
        #expect(form("Workers")?.plural == true)
        #expect(form("BODIES")?.word == "body")
        #expect(form("worker's")?.word == "worker")
        #expect(form("worker\u{2019}s")?.possessive == true)
        #expect(form("workers", apostropheFollows: true) == TermMatcher.Form(word: "worker", key: TermVocabulary.key("worker"), plural: true, possessive: true, takesApostrophe: true))
        #expect(form("class")?.word == "class")
        #expect(form("bus")?.word == "bus")
        #expect(form("churches")?.word == "church")
        #expect(form("café") == nil)
    }

    /// Random words of the letters and endings the rules look at, read both ways.
    @Test func theASCIIPathReadsEveryWordAsTheGeneralPathDoes() {
        var random = SplitMix64(seed: 18)
        let pieces = ["a", "B", "c", "e", "h", "i", "S", "s", "u", "x", "y", "'", "\u{2019}", "9", "ies", "es", "ss", "'s", "ch", "sh"]
        for _ in 0..<5_000 {
            var word = "w"
            for _ in 0..<Int(random.next() % 7) { word += pieces[Int(random.next() % UInt64(pieces.count))] }
            let scalars = Array(word.unicodeScalars)[...]
            for follows in [false, true] {
                #expect(TermMatcher.normalizedASCII(scalars, apostropheFollows: follows)
                        == TermMatcher.normalized(scalars, apostropheFollows: follows), "\(word)")
            }
        }
    }

    /// Words break at General Punctuation without asking Unicode: none of it is a letter, digit
    /// or mark.
    @Test func generalPunctuationIsNoPartOfAWord() {
        for value in UInt32(0x2000)..<0x2070 {
            let scalar = Unicode.Scalar(value)!
            #expect(!QuoteMatcher.isWordScalarByProperties(scalar), "U+\(String(value, radix: 16))")
            #expect(!QuoteMatcher.isWordScalar(scalar))
        }
        #expect(QuoteMatcher.isWordScalar("\u{2071}") && QuoteMatcher.isWordScalar("é") && QuoteMatcher.isWordScalar("\u{301}"))
    }

    /// Glossary keys: ASCII terms are keyed on their bytes, as the general path keys them.
    @Test func asciiTermsAreKeyedAsTheGeneralPathKeysThem() {
        #expect(GlossaryEntry.key("  Peer \t Support\r\nWorker ") == "peer support worker")
        #expect(GlossaryEntry.asciiKey("Café") == nil)
        var random = SplitMix64(seed: 19)
        let pieces = ["Peer", "support", "LXP", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "-", "'", "9", "A", "z", "\u{1F}"]
        for _ in 0..<3_000 {
            var term = ""
            for _ in 0..<Int(random.next() % 8) { term += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(GlossaryEntry.asciiKey(term) == GlossaryEntry.unicodeKey(term), "\(term.debugDescription)")
        }
    }

    /// Words whose byte hashes collide stay apart: the second is kept by its text, as words
    /// that are not ASCII are.
    @Test func wordsThatShareAKeyStayApart() {
        var vocabulary = TermVocabulary()
        #expect(vocabulary.insert("worker", key: 42) == 0)
        #expect(vocabulary.insert("peer", key: 42) == 1)
        #expect(vocabulary.insert("caf\u{E9}", key: nil) == 2)
        #expect(vocabulary.insert("peer", key: 42) == 1 && vocabulary.insert("worker", key: 42) == 0)
        #expect(vocabulary.id(of: "peer", key: 42) == 1 && vocabulary.id(of: "worker", key: 42) == 0)
        #expect(vocabulary.id(of: "lead", key: 42) == nil && vocabulary.id(of: "peer", key: 7) == nil)
        #expect(vocabulary.id(of: "cafe\u{301}", key: nil) == 2)
        #expect(vocabulary.words == ["worker", "peer", "caf\u{E9}"])
    }

    static let generatedPath = "Sources/MotionKit/Resources/BuiltinTermMatcherData.generated.swift"

    /// With MOTION_UPDATE_GENERATED=1 the test writes the file afresh instead of failing.
    @Test func preBuiltMatcherIsCurrent() throws {
        #expect(try TestSupport.generatedFileIsCurrent(Self.generatedPath, expected: BuiltinTermMatcher.generatedSource()),
                "\(Self.generatedPath) is out of date: MOTION_UPDATE_GENERATED=1 swift test --filter TermMatcherTests, then build again")
        #expect(BuiltinTermMatcherData.entries.count > 10 && BuiltinTermMatcherData.words.count > 20)
    }

    /// The built-in glossary gets the pre-built matcher, and it is the matcher building gives:
    /// the same parts, and the same findings in a motion.
    @Test func preBuiltMatcherIsTheBuiltOne() throws {
        let glossary = try GlossarySources.glossary(of: GlossarySources.builtinFiles())
        let found = BuiltinTermMatcher.matcher(for: glossary)
        try #require(found != nil, "the built-in glossary should get the pre-built matcher")
        let preBuilt = found!
        let built = TermMatcher(building: glossary)
        #expect(preBuilt.parts.words == built.parts.words)
        #expect(preBuilt.parts.edges.map(\.key) == built.parts.edges.map(\.key))
        #expect(preBuilt.parts.edges.map(\.node) == built.parts.edges.map(\.node))
        #expect(preBuilt.parts.failure == built.parts.failure && preBuilt.parts.output == built.parts.output)
        let text = try TestSupport.read(TestSupport.exampleMotionPaths[1]).scalarArray
        #expect(preBuilt.matches(in: text) == built.matches(in: text))
        #expect(!built.matches(in: "Peer workers and service user researchers".scalarArray).isEmpty)
    }

    /// Any other glossary has its matcher built: one variant changed, an entry's patterns
    /// moved to another, or a term spelt otherwise (though Swift compares it equal) is enough.
    @Test func anyOtherGlossaryHasItsMatcherBuilt() throws {
        let glossary = try GlossarySources.glossary(of: GlossarySources.builtinFiles())
        func edited(_ change: (inout [GlossaryEntry]) -> Void) -> Glossary {
            var files = glossary.files
            change(&files[0].entries)
            return Glossary(files: files)
        }
        let first = try #require(glossary.files.first?.entries.first)
        #expect(BuiltinTermMatcher.matcher(for: edited { _ in }) != nil)
        #expect(BuiltinTermMatcher.matcher(for: edited { $0[0].variants[0] += "s" }) == nil)
        #expect(BuiltinTermMatcher.matcher(for: edited { $0[0].variants.removeLast() ; $0[1].variants.insert(first.variants.last!, at: 0) }) == nil)
        #expect(BuiltinTermMatcher.matcher(for: edited { $0[0].avoid.removeAll() }) == nil)
        #expect(BuiltinTermMatcher.matcher(for: edited { $0.removeLast() }) == nil)
        // "\u{212A}" (KELVIN SIGN) is "K" to Swift's equality, but not to the matcher's reading.
        var kelvin = first
        kelvin.term = "\u{212A}now-how worker"
        #expect(kelvin.term == "Know-how worker")
        #expect(!BuiltinTermMatcher.sameTerms(kelvin, BuiltinTermMatcher.Entry(term: "Know-how worker", variants: first.variants,
                                                                               avoided: first.avoid.map(\.term))))
        #expect(BuiltinTermMatcher.sameTerms(first, BuiltinTermMatcher.Entry(term: first.term, variants: first.variants,
                                                                             avoided: first.avoid.map(\.term))))
    }
}
