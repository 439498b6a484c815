import Testing
@testable import MotionDiff

/// Setting aside what only one side has, and joining the edits split around a repeated element
/// afterwards, must keep every diff correct and minimal.
@Suite struct SharedOnlyTests {
    @Test func staysCorrectAndMinimalOverThousandsOfPairs() {
        var random = SplitMix64(seed: 27)
        var shared = SharedOnly()
        var diagonals = Myers.Diagonals()
        var setAside = 0
        for round in 0..<4_000 {
            // A small alphabet shares nearly everything; a large one leaves much to set aside.
            let alphabet = UInt64(round % 2 == 0 ? 6 : 80)
            let a = (0..<Int(random.next() % 70)).map { _ in Int32(random.next() % alphabet) }
            let b = DiffTestSupport.edited(a, edits: 30, alphabet: alphabet, &random)
            let found = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in shared.diff(a, b, costCap: Myers.defaultCostCap, diagonals: &diagonals) }
            }
            #expect(DiffTestSupport.isWellFormed(found.segments, a: a.count, b: b.count), "\(a) | \(b)")
            #expect(DiffTestSupport.apply(found.segments, a: a, b: b) == b, "\(a) | \(b)")
            #expect(found.editCount == a.count + b.count - 2 * DiffTestSupport.lcs(a, b), "\(a) | \(b)")
            let unshared = a.filter { !b.contains($0) }.count + b.filter { !a.contains($0) }.count
            if unshared >= SharedOnly.fewestWorthSettingAside {
                setAside += 1
                #expect(!Self.hasEditThatCouldJoin(found.segments, a, b), "\(a) | \(b)")
            }
        }
        // Both paths were taken many times.
        #expect(setAside > 1_000)
        #expect(setAside < 3_000)
    }

    @Test func aPairWithLittleToSetAsideIsDiffedWhole() {
        var shared = SharedOnly()
        var diagonals = Myers.Diagonals()
        let a: [Int32] = [1, 2, 3, 2, 4], b: [Int32] = [1, 2, 5, 4]
        let found = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in shared.diff(a, b, costCap: Myers.defaultCostCap, diagonals: &diagonals) }
        }
        #expect(found.segments == Myers.diff(a, b).segments)
    }

    /// Whether an insertion or deletion alone between two equal runs could slide through one of
    /// them, staying the same edit, to meet the change beyond it.
    static func hasEditThatCouldJoin(_ segments: [DiffSegment], _ a: [Int32], _ b: [Int32]) -> Bool {
        let runs = SemanticCleanup.makeRuns(segments)
        for index in runs.indices where !runs[index].isEqual && runs[index].a.isEmpty != runs[index].b.isEmpty {
            let ids = runs[index].a.isEmpty ? b : a
            let edit = runs[index].a.isEmpty ? runs[index].b : runs[index].a
            if index >= 1, index + 2 < runs.count {
                let shift = runs[index + 1].a.count
                if (0..<shift).allSatisfy({ ids[edit.lowerBound + $0] == ids[edit.upperBound + $0] }) { return true }
            }
            if index >= 2, index + 1 < runs.count {
                let shift = runs[index - 1].a.count
                if (1...shift).allSatisfy({ ids[edit.upperBound - $0] == ids[edit.lowerBound - $0] }) { return true }
            }
        }
        return false
    }
}
