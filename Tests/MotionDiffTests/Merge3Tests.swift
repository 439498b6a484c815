import Testing
@testable import MotionDiff

@Suite struct Merge3Tests {
    let interner = TokenInterner()

    func merge(_ base: String, _ ours: String, _ theirs: String) -> (String, [String]) {
        let b = Tokenizer.tokenize(base, interner: interner)
        let o = Tokenizer.tokenize(ours, interner: interner)
        let t = Tokenizer.tokenize(theirs, interner: interner)
        let result = Merge3.merge(base: b.ids, ours: o.ids, theirs: t.ids)
        var text = ""
        var conflicts: [String] = []
        for chunk in result.chunks {
            switch chunk {
            case .unchanged(let range): text += b.text(of: range)
            case .ours(_, let range), .both(_, let range, _): text += o.text(of: range)
            case .theirs(_, let range): text += t.text(of: range)
            case .conflict(let base, let ours, let theirs):
                conflicts.append("\(b.text(of: base))|\(o.text(of: ours))|\(t.text(of: theirs))")
                text += "<conflict>"
            }
        }
        return (text, conflicts)
    }

    @Test func separateChangesBothApply() {
        let (text, conflicts) = merge("Pay peer workers fairly and train them well.",
                                      "Pay peer support workers fairly and train them well.",
                                      "Pay peer workers fairly and train them properly.")
        #expect(conflicts.isEmpty)
        #expect(text == "Pay peer support workers fairly and train them properly.")
    }

    @Test func sameChangeOnBothSidesIsNotAConflict() {
        let (text, conflicts) = merge("a b c", "a x c", "a x c")
        #expect(conflicts.isEmpty && text == "a x c")
    }

    @Test func differentChangesToTheSameWordsConflict() {
        let (_, conflicts) = merge("Pay peer workers fairly.", "Pay peer staff fairly.", "Pay peer researchers fairly.")
        #expect(conflicts == ["workers|staff|researchers"])
        let (_, overlapping) = merge("Pay peer workers fairly.", "Pay all staff fairly.", "Pay peer researchers fairly.")
        #expect(overlapping == ["workers|staff|researchers"])
    }

    @Test func adjacentChangesDoNotConflict() {
        // An insertion next to words the other side replaced touches no base word twice.
        let (text, conflicts) = merge("Pay peer workers fairly.", "Pay peer support workers fairly.", "Pay peer researchers fairly.")
        #expect(conflicts.isEmpty)
        #expect(text == "Pay peer support researchers fairly.")
    }

    @Test func insertionsAtTheSamePlaceConflict() {
        let (_, conflicts) = merge("a b", "a x b", "a y b")
        #expect(conflicts.count == 1)
    }

    @Test func propertyNoConflictWhenOneSideIsBase() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<500 {
            let base = DiffTestSupport.prose(&random, maximum: 30)
            let ours = DiffTestSupport.edited(base, &random)
            let (a, conflictsA) = merge(base, ours, base)
            let (b, conflictsB) = merge(base, base, ours)
            #expect(conflictsA.isEmpty && conflictsB.isEmpty)
            #expect(a == ours && b == ours)
        }
    }
}
