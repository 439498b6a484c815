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
