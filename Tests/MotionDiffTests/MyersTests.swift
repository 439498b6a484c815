import Testing
@testable import MotionDiff

@Suite struct MyersTests {
    @Test func propertyOverThousandsOfPairs() {
        var random = SplitMix64(seed: 1)
        let interner = TokenInterner()
        var cappedCases = 0
        for round in 0..<4_000 {
            let a = DiffTestSupport.prose(&random, maximum: 40)
            let b: String
            switch round % 5 {
            case 0: b = a                                             // identical
            case 1: b = ""                                            // one side empty
            case 2: b = DiffTestSupport.prose(&random, maximum: 40)   // unrelated
            default: b = DiffTestSupport.edited(a, &random)           // related
            }
            let ta = Tokenizer.tokenize(a, interner: interner), tb = Tokenizer.tokenize(b, interner: interner)
            let diff = Myers.diff(ta.ids, tb.ids)
            #expect(DiffTestSupport.isWellFormed(diff.segments, a: ta.count, b: tb.count))
            #expect(DiffTestSupport.apply(diff.segments, a: ta.ids, b: tb.ids) == tb.ids)
            if diff.reachedCostCap {
                cappedCases += 1
            } else {
                // Minimal: the edit count is what the longest common subsequence allows.
                #expect(diff.editCount == ta.count + tb.count - 2 * DiffTestSupport.lcs(ta.ids, tb.ids), "\(a) | \(b)")
            }
            let cleaned = SemanticCleanup.apply(diff.segments, a: ta, b: tb)
            #expect(DiffTestSupport.isWellFormed(cleaned, a: ta.count, b: tb.count))
            #expect(DiffTestSupport.apply(cleaned, a: ta.ids, b: tb.ids) == tb.ids)
        }
        #expect(cappedCases == 0)
    }

    @Test func costCapKeepsTheResultCorrect() {
        var random = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let a = (0..<300).map { _ in Int32(random.next() % 20) }
            let b = (0..<280).map { _ in Int32(random.next() % 20) }
            let capped = Myers.diff(a, b, costCap: 8)
            #expect(capped.reachedCostCap)
            #expect(DiffTestSupport.isWellFormed(capped.segments, a: a.count, b: b.count))
            #expect(DiffTestSupport.apply(capped.segments, a: a, b: b) == b)
            #expect(capped.editCount >= Myers.diff(a, b, costCap: 10_000).editCount)
        }
    }

    @Test func repetitiveTextStaysMinimal() {
        let interner = TokenInterner()
        let a = Tokenizer.tokenize("the the the the the", interner: interner)
        let b = Tokenizer.tokenize("the the the", interner: interner)
        let diff = Myers.diff(a.ids, b.ids)
        #expect(diff.editCount == 4)
    }
}
