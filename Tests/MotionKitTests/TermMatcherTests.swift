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
}
