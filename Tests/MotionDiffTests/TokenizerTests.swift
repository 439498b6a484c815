import CTextScan
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

    @Test func sixteenBytesAtOnceCutAsOneByteAtATime() {
        // The vector cut against the byte-wise one: random ASCII of every byte value, mostly
        // the classes' edges and apostrophes, 0 to 300 bytes (several 64-byte chunks, and a
        // token across each boundary).
        var random = SplitMix64(seed: 41)
        for _ in 0..<5_000 {
            let bytes = DiffTestSupport.ascii(&random, under: 300, common: "09az AZ'\t\r\n\u{0B}\u{0C}/:@[`{\u{08}\u{0E}\u{1F}!", anyOneIn: 4)
            let length = bytes.count
            func cut(_ cutter: (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<UInt8>?,
                                UnsafeMutablePointer<Int>?) -> Int) -> (starts: [Int32], kinds: [UInt8], words: Int) {
                var starts = [Int32](repeating: -1, count: length + 1), kinds = [UInt8](repeating: 9, count: length), words = 0
                let tokens = bytes.withUnsafeBufferPointer { cutter($0.baseAddress, length, &starts, &kinds, &words) }
                return (Array(starts[...tokens]), Array(kinds[..<tokens]), words)
            }
            let vector = cut(motion_cut_ascii), bytewise = cut(motion_cut_ascii_bytewise)
            #expect(vector.starts == bytewise.starts && vector.kinds == bytewise.kinds && vector.words == bytewise.words, "\(bytes)")
        }
    }

    @Test func asciiBytesAreCutAsTheGeneralCutterCutsThem() {
        // Random ASCII of every byte value, over many 64-byte chunks: tokens, kinds and ids as
        // the grapheme-cluster path gives them (a text with "é" in it goes that way; the full
        // stop before it keeps it apart from the text's last token).
        var random = SplitMix64(seed: 29)
        for _ in 0..<2_000 {
            let bytes = DiffTestSupport.ascii(&random, under: 300, common: "ab'  \n.", anyOneIn: 3)
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

    /// The interner's table, made for 16 tokens and given thousands (short, long and one-byte,
    /// each twice), grows on the way and still gives equal tokens one id and others their own.
    @Test func idsHoldWhileTheTableGrows() {
        let words = (0..<3_000).map { "w\($0)" + String(repeating: "x", count: $0 % 12) } + (33..<127).map { String(UnicodeScalar(UInt8($0))) }
        let interner = TokenInterner(distinctTokens: 1)
        let first = words.map { Tokenizer.tokenize($0, interner: interner) }
        let second = words.map { Tokenizer.tokenize($0, interner: interner) }
        #expect(zip(first, second).allSatisfy { $0.ids == $1.ids })
        let ids = first.flatMap(\.ids)
        #expect(Set(ids).count == Set(first.flatMap { t in (0..<t.count).map { String(t[$0]) } }).count)
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

