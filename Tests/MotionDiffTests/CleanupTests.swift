import Testing
@testable import MotionDiff

/// Behaviour cases written from diff-match-patch's documented cleanupSemantic behaviour and
/// git's --word-diff conventions (our own cases, no code copied).
@Suite struct CleanupTests {
    func render(_ a: String, _ b: String) -> String {
        let interner = TokenInterner()
        let ta = Tokenizer.tokenize(a, interner: interner), tb = Tokenizer.tokenize(b, interner: interner)
        let segments = SemanticCleanup.apply(Myers.diff(ta.ids, tb.ids).segments, a: ta, b: tb)
        var out = ""
        for segment in segments {
            switch segment.operation {
            case .equal: out += ta.text(of: segment.a)
            case .delete: out += "[-\(ta.text(of: segment.a))-]"
            case .insert: out += "{+\(tb.text(of: segment.b))+}"
            }
        }
        return out
    }

    @Test func shortEqualitiesBetweenEditsAreAbsorbed() {
        #expect(render("the cat sat", "a dog sat") == "[-the cat-]{+a dog+} sat")
        #expect(render("one two three four", "ONE TWO THREE FOUR") == "[-one two three four-]{+ONE TWO THREE FOUR+}")
    }

    @Test func longEqualitiesAreKept() {
        #expect(render("pay peer support workers fairly", "pay all peer support workers fairly now")
            == "pay {+all +}peer support workers fairly{+ now+}")
    }

    @Test func editsSlideToWordStarts() {
        #expect(render("the cat", "the big cat") == "the {+big +}cat")
        #expect(render("a b a b", "a b a b a b") == "a b a b{+ a b+}")
    }

    @Test func editsSlideToSentenceStarts() {
        #expect(render("Pay them. Train them.", "Pay them. Value them. Train them.") == "Pay them. {+Value them. +}Train them.")
    }

    @Test func identicalAndEmpty() {
        #expect(render("same words", "same words") == "same words")
        #expect(render("", "new") == "{+new+}")
        #expect(render("old", "") == "[-old-]")
    }
}

/// More behaviour, in the spirit of diff-match-patch's and git's word-diff documented cases.
@Suite struct WordDiffBehaviourTests {
    func render(_ a: String, _ b: String) -> String { CleanupTests().render(a, b) }

    @Test(arguments: [
        // A changed word in a sentence: only that word.
        ("The cat sat on the mat.", "The dog sat on the mat.", "The [-cat-]{+dog+} sat on the mat."),
        // Punctuation is a token of its own.
        ("Pay workers fairly.", "Pay workers fairly!", "Pay workers fairly[-.-]{+!+}"),
        // An insertion at the start and at the end.
        ("workers", "peer workers", "{+peer +}workers"),
        ("Conference notes", "Conference notes that", "Conference notes{+ that+}"),
        // Whole-text replacement when nothing is shared.
        ("alpha beta", "gamma delta", "[-alpha beta-]{+gamma delta+}"),
        // Repeated words: the edit is placed, not smeared.
        ("the the the", "the the the the", "the the the{+ the+}"),
        ("a a a a", "a a", "a a[- a a-]"),
        // White-space changes are changes.
        ("one  two", "one two", "one[-  -]{+ +}two"),
        // Unicode: accents and emoji are whole tokens.
        ("café au lait", "café noir", "café [-au lait-]{+noir+}"),
        ("we 🙂 it", "we 🙁 it", "we [-🙂-]{+🙁+} it"),
        // A deleted clause between commas.
        ("Pay, and train, the workers.", "Pay the workers.", "Pay[-, and train,-] the workers."),
        // A line break inside prose is kept as it stands.
        ("one\ntwo three", "one\ntwo four", "one\ntwo [-three-]{+four+}"),
    ])
    func cases(a: String, b: String, expected: String) {
        #expect(render(a, b) == expected)
    }

    /// Sentence ends are read from bytes where a byte is a whole character, and from Character
    /// otherwise: a full stop joined to an Arabic number sign before it is no sentence end.
    @Test func sentenceEndsAsCharactersSayThem() {
        let interner = TokenInterner()
        let ascii = Tokenizer.tokenize("Done. Next", interner: interner)
        #expect(ascii.endsSentence(token: 1) && !ascii.endsSentence(token: 0))
        let joined = Tokenizer.tokenize("x \u{0600}. y", interner: interner)
        let index = (0..<joined.count).first { joined[$0] == "\u{0600}." }!
        #expect(!joined.endsSentence(token: index))
        let accented = Tokenizer.tokenize("café! y", interner: interner)
        #expect(accented.endsSentence(token: 1))
        #expect(ascii.lineBreaks(inToken: 2) == 0 && Tokenizer.tokenize("a\n\nb", interner: interner).lineBreaks(inToken: 1) == 2)
    }
}
