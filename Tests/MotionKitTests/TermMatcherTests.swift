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
        #expect(form("workers", apostropheFollows: true) == TermMatcher.Form(word: "worker", plural: true, possessive: true, takesApostrophe: true))
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
}
