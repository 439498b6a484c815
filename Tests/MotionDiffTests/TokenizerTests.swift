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

    /// The ASCII cutter works in buffers the interner keeps from one text to the next: an empty
    /// text, first or after others, still has its one end offset and no tokens.
    @Test func anEmptyTextHasNoTokensFirstOrLater() {
        let interner = TokenInterner()
        for text in ["", "peer support", "", "a"] {
            let cut = Tokenizer.tokenize(text, interner: interner)
            #expect(cut.starts == (text.isEmpty ? [0] : cut.starts))
            #expect(cut.count == (text.isEmpty ? 0 : cut.count))
            #expect(cut.starts.last == Int32(text.utf8.count))
        }
        #expect(tokens("") == [])
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

    @Test func eightBytesAtOnceClassifyAsOneByteAtATime() {
        for filler in [UInt8(ascii: "a"), UInt8(ascii: ".")] {
            for byte in UInt8(0)..<0x80 {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    let expected = bytes.enumerated().reduce(UInt64(0)) { mask, entry in
                        Tokenizer.isASCIIAlnum(entry.element) ? mask : mask | 0x80 << UInt64(8 * entry.offset)
                    }
                    #expect(Tokenizer.nonAlphanumerics(word) == expected, "byte \(byte) at \(position)")
                }
            }
        }
    }

    @Test func asciiBytesAreCutAsTheGeneralCutterCutsThem() {
        // Random ASCII of every byte value, over many 64-byte chunks: tokens, kinds and ids as
        // the grapheme-cluster path gives them (a text with "é" in it goes that way; the full
        // stop before it keeps it apart from the text's last token).
        var random = SplitMix64(seed: 29)
        let common = Array("ab'  \n.".utf8)
        for _ in 0..<2_000 {
            let length = Int(random.next() % 300)
            let bytes = (0..<length).map { _ in
                random.next() % 3 == 0 ? UInt8(random.next() % 0x80) : common[Int(random.next() % UInt64(common.count))]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let interner = TokenInterner()
            let ascii = Tokenizer.tokenize(text, interner: interner)
            let general = Tokenizer.tokenize(text + ".\u{E9}", interner: interner)
            let cut = { (t: TokenizedText) in (0..<t.count).map { (String(t[$0]), t.kinds[$0], t.ids[$0]) } }
            let got = cut(ascii), expected = cut(general).dropLast(2)
            #expect(got.map(\.0) == expected.map(\.0), "\(bytes)")
            #expect(got.map(\.1) == expected.map(\.1), "\(bytes)")
            #expect(got.map(\.2) == expected.map(\.2), "\(bytes)")
            #expect(ascii.wordCount == got.count { $0.1 == .word } && general.wordCount == expected.count { $0.1 == .word } + 1)
        }
    }

    @Test func asciiTextIsCutAsTheGeneralCutterCutsIt() {
        // Any character outside ASCII sends a text down the grapheme-cluster path: the same
        // text with a full stop and one appended must give the same tokens, and those two more.
        var random = SplitMix64(seed: 11)
        let pieces = ["a", "ab", "don't", "it's'", "'tis", "workers", "peer-support", "abcdefgh", "abcdefghi",
                      "x9", "2026", " ", "  ", "\n", ".", ",", "'", "--", "lived'", "Z'z"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(random.next() % 12) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(tokens(text) + [".", "é"] == tokens(text + ".é"), "\(text)")
        }
    }
}

