import Testing
@testable import MotionDiff

/// The engine's Myers is tuned (raw pointers, one loop per parity, padded diagonals); this is
/// the same bisection written plainly, as diff-match-patch writes it. Both must choose the same
/// split at every step, so every diff (and so every rendered diff) stays as it was.
@Suite struct MyersReferenceTests {
    @Test func theTunedSearchChoosesAsThePlainOneDoes() {
        var random = SplitMix64(seed: 18)
        var diagonals = Myers.Diagonals()
        for round in 0..<6_000 {
            let alphabet = UInt64(round % 3 == 0 ? 3 : 30)
            let a = (0..<Int(random.next() % (round % 7 == 0 ? 200 : 50))).map { _ in Int32(random.next() % alphabet) }
            let b: [Int32]
            if round % 4 == 0 {
                b = (0..<Int(random.next() % 50)).map { _ in Int32(random.next() % alphabet) }
            } else {
                b = DiffTestSupport.edited(a, edits: 10, alphabet: alphabet, &random)
            }
            let costCap = round % 5 == 0 ? Int(1 + random.next() % 12) : Myers.defaultCostCap
            let expected = PlainMyers(a, b, costCap: costCap).diff()
            let found = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in Myers.diff(a, b, costCap: costCap, diagonals: &diagonals) }
            }
            #expect(found.segments == expected.segments, "\(a) | \(b) | cap \(costCap)")
            #expect(found.reachedCostCap == expected.reachedCostCap)
        }
    }
}

/// diff-match-patch's bisection, in plain arrays: trim the shared ends, find the middle snake
/// (the forward and backward searches' first overlap), and solve each side of it.
private struct PlainMyers {
    let a: [Int32], b: [Int32], costCap: Int
    var segments: [DiffSegment] = []
    var reachedCostCap = false

    init(_ a: [Int32], _ b: [Int32], costCap: Int) {
        self.a = a
        self.b = b
        self.costCap = max(costCap, 1)
    }

    consuming func diff() -> TokenDiff {
        solve(0, a.count, 0, b.count)
        return TokenDiff(segments: segments, reachedCostCap: reachedCostCap)
    }

    mutating func emit(_ operation: DiffSegment.Operation, _ x: Range<Int>, _ y: Range<Int>) {
        if x.isEmpty, y.isEmpty { return }
        if let last = segments.last, last.operation == operation, last.a.upperBound == x.lowerBound, last.b.upperBound == y.lowerBound {
            segments[segments.count - 1] = DiffSegment(operation, a: last.a.lowerBound..<x.upperBound, b: last.b.lowerBound..<y.upperBound)
        } else {
            segments.append(DiffSegment(operation, a: x, b: y))
        }
    }

    mutating func solve(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
        var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
        let start = (aLow, bLow), end = (aHigh, bHigh)
        while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
            aLow += 1
            bLow += 1
        }
        emit(.equal, start.0..<aLow, start.1..<bLow)
        while aHigh > aLow, bHigh > bLow, a[aHigh - 1] == b[bHigh - 1] {
            aHigh -= 1
            bHigh -= 1
        }
        if aLow == aHigh {
            emit(.insert, aLow..<aLow, bLow..<bHigh)
        } else if bLow == bHigh {
            emit(.delete, aLow..<aHigh, bLow..<bLow)
        } else if let (x, y) = middleSnake(aLow, aHigh, bLow, bHigh) {
            solve(aLow, aLow + x, bLow, bLow + y)
            solve(aLow + x, aHigh, bLow + y, bHigh)
        } else {
            emit(.delete, aLow..<aHigh, bLow..<bLow)
            emit(.insert, aHigh..<aHigh, bLow..<bHigh)
        }
        emit(.equal, aHigh..<end.0, bHigh..<end.1)
    }

    mutating func middleSnake(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
        let n = aHigh - aLow, m = bHigh - bLow
        let maxD = (n + m + 1) / 2, offset = maxD, length = 2 * maxD + 2
        var forward = [Int](repeating: -1, count: length), backward = forward
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = n - m
        let odd = delta % 2 != 0
        var k1Start = 0, k1End = 0, k2Start = 0, k2End = 0
        for d in 0..<maxD {
            if d > costCap {
                reachedCostCap = true
                return furthest(forward, d: d, offset: offset, n: n, m: m, kStart: k1Start, kEnd: k1End)
            }
            var k = -d + k1Start
            while k <= d - k1End {
                let index = offset + k
                var x = k == -d || (k != d && forward[index - 1] < forward[index + 1]) ? forward[index + 1] : forward[index - 1] + 1
                var y = x - k
                while x < n, y < m, a[aLow + x] == b[bLow + y] {
                    x += 1
                    y += 1
                }
                forward[index] = x
                if x > n {
                    k1End += 2
                } else if y > m {
                    k1Start += 2
                } else if odd {
                    let other = offset + delta - k
                    if other >= 0, other < length, backward[other] != -1, x >= n - backward[other] { return (x, y) }
                }
                k += 2
            }
            k = -d + k2Start
            while k <= d - k2End {
                let index = offset + k
                var x = k == -d || (k != d && backward[index - 1] < backward[index + 1]) ? backward[index + 1] : backward[index - 1] + 1
                var y = x - k
                while x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] {
                    x += 1
                    y += 1
                }
                backward[index] = x
                if x > n {
                    k2End += 2
                } else if y > m {
                    k2Start += 2
                } else if !odd {
                    let other = offset + delta - k
                    if other >= 0, other < length, forward[other] != -1 {
                        let forwardX = forward[other]
                        if forwardX >= n - x { return (forwardX, offset + forwardX - other) }
                    }
                }
                k += 2
            }
        }
        return nil
    }

    /// After the cost cap: the forward point furthest along, short of the end.
    func furthest(_ forward: [Int], d: Int, offset: Int, n: Int, m: Int, kStart: Int, kEnd: Int) -> (Int, Int)? {
        var best: (Int, Int)?
        var k = -(d - 1) + kStart
        while k <= (d - 1) - kEnd {
            let x = forward[offset + k], y = x - k
            if x >= 0, x <= n, y >= 0, y <= m, x + y > 0, (x, y) != (n, m), best.map({ x + y > $0.0 + $0.1 }) ?? true {
                best = (x, y)
            }
            k += 2
        }
        return best
    }
}
