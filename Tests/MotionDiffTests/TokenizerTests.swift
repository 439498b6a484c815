import Testing
@testable import MotionDiff

@Suite struct TokenizerTests {
    func tokens(_ text: String, typography: Bool = false) -> [String] {
        let t = Tokenizer.tokenize(text, interner: TokenInterner(ignoreTypography: typography))
        return (0..<t.count).map { String(t[$0]) }
    }

    @Test func wordsSpacesAndPunctuationAreSeparate() {
        #expect(tokens("Peer workers, don't  stop!") == ["Peer", " ", "workers", ",", " ", "don't", "  ", "stop", "!"])
        #expect(tokens("lived-experience 2026") == ["lived", "-", "experience", " ", "2026"])
        #expect(tokens("workers’ pay") == ["workers", "’", " ", "pay"])
        #expect(tokens("workers’s pay") == ["workers’s", " ", "pay"])
    }

    @Test func graphemeClustersAreNeverSplit() {
        #expect(tokens("a 👩‍⚕️ b") == ["a", " ", "👩‍⚕️", " ", "b"])
        #expect(tokens("🇬🇧!") == ["🇬🇧", "!"])
        #expect(tokens("cafe\u{301} au lait") == ["cafe\u{301}", " ", "au", " ", "lait"])
    }

    @Test func canonicallyEquivalentTokensAreEqual() {
        let interner = TokenInterner()
        let a = Tokenizer.tokenize("café", interner: interner)
        let b = Tokenizer.tokenize("cafe\u{301}", interner: interner)
        #expect(a.ids == b.ids)
    }

    @Test func typographyDiffersUnlessIgnored() {
        let strict = TokenInterner()
        #expect(Tokenizer.tokenize("“a” — b’s", interner: strict).ids != Tokenizer.tokenize("\"a\" - b's", interner: strict).ids)
        let loose = TokenInterner(ignoreTypography: true)
        #expect(Tokenizer.tokenize("“a” — b’s", interner: loose).ids == Tokenizer.tokenize("\"a\" - b's", interner: loose).ids)
    }

    @Test func tokensCoverTheTextExactly() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let text = DiffTestSupport.prose(&random, maximum: 30)
            #expect(tokens(text).joined() == text)
        }
    }
}
