/// One run of a diff: tokens `a` of the old text and `b` of the new. An equal run has ranges of
/// the same length; a delete has an empty `b` (where it sits in the new text), an insert an empty `a`.
public struct DiffSegment: Hashable, Sendable {
    public enum Operation: UInt8, Hashable, Sendable {
        case equal, delete, insert
    }

    public var operation: Operation
    public var a: Range<Int>
    public var b: Range<Int>

    public init(_ operation: Operation, a: Range<Int>, b: Range<Int>) {
        self.operation = operation
        self.a = a
        self.b = b
    }
}

/// The result of a token diff: segments in order, and whether the cost cap cut the search short
/// (the result is then correct but perhaps not minimal).
public struct TokenDiff: Sendable {
    public var segments: [DiffSegment]
    public var reachedCostCap: Bool

    /// Deleted plus inserted tokens.
    public var editCount: Int {
        segments.reduce(0) { $0 + ($1.operation == .equal ? 0 : $1.a.count + $1.b.count) }
    }
}

/// Myers' O(ND) difference algorithm in linear space (the middle-snake bisection), with common
/// prefix and suffix trimming and a cost cap for pathological inputs.
public enum Myers {
    /// Edit distance (D) at which a search stops looking for the best split and takes the
    /// furthest one reached: the diff stays correct, and the time stays bounded.
    public static let defaultCostCap = 1024

    public static func diff(_ a: [Int32], _ b: [Int32], costCap: Int = defaultCostCap) -> TokenDiff {
        var diagonals = Diagonals()
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in diff(a, b, costCap: costCap, diagonals: &diagonals) }
        }
    }

    /// The search's two rows of diagonals, kept by a caller that diffs many pairs (every block
    /// pair of a document) so that each diff does not make and free its own.
    struct Diagonals {
        fileprivate var forward: [Int] = []
        fileprivate var backward: [Int] = []
    }

    /// The diff of `a` and `b`, which may be parts of longer arrays (a caller's scratch).
    static func diff(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, costCap: Int = defaultCostCap,
                     diagonals: inout Diagonals) -> TokenDiff {
        var state = State(aCount: a.count, bCount: b.count, costCap: max(costCap, 1))
        swap(&state.forward, &diagonals.forward)
        swap(&state.backward, &diagonals.backward)
        state.solve(a, b, 0, a.count, 0, b.count)
        swap(&state.forward, &diagonals.forward)
        swap(&state.backward, &diagonals.backward)
        return TokenDiff(segments: state.segments, reachedCostCap: state.reachedCostCap)
    }

    private struct State {
        let aCount: Int
        let bCount: Int
        let costCap: Int
        var segments: [DiffSegment] = []
        var reachedCostCap = false
        var forward: [Int] = []
        var backward: [Int] = []

        init(aCount: Int, bCount: Int, costCap: Int) {
            self.aCount = aCount
            self.bCount = bCount
            self.costCap = costCap
            // Room for a typical edit's runs: growing an array from empty copies it each time.
            segments.reserveCapacity(min(aCount, bCount) / 2 + 3)
        }

        /// Diagonals for the whole texts, which every search (of a part of them) fits in; made
        /// at the first search that needs more than those given, apart from it, so the search's
        /// loops keep their registers. (Each search sets the part it uses to -1 first.)
        @inline(never)
        mutating func makeDiagonals(atLeast needed: Int) {
            // A search of the whole texts needs the most (see `middleSnake`).
            let length = max(needed, 2 * ((aCount + bCount + 1) / 2 + max(aCount, bCount) + 1) + 1)
            forward = .filled(with: -1, count: length)
            backward = .filled(with: -1, count: length)
        }

        @inline(__always)
        mutating func emit(_ operation: DiffSegment.Operation, _ aRange: Range<Int>, _ bRange: Range<Int>) {
            segments.appendMerging(operation, aRange, bRange)
        }

        mutating func solve(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
                            _ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
            var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
            let prefixStart = (aLow, bLow)
            while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
                aLow += 1
                bLow += 1
            }
            emit(.equal, prefixStart.0..<aLow, prefixStart.1..<bLow)
            let suffixEnd = (aHigh, bHigh)
            while aHigh > aLow, bHigh > bLow, a[aHigh - 1] == b[bHigh - 1] {
                aHigh -= 1
                bHigh -= 1
            }
            if aLow == aHigh {
                emit(.insert, aLow..<aLow, bLow..<bHigh)
            } else if bLow == bHigh {
                emit(.delete, aLow..<aHigh, bLow..<bLow)
            } else if let (x, y) = middleSnake(a, b, aLow, aHigh, bLow, bHigh) {
                solve(a, b, aLow, aLow + x, bLow, bLow + y)
                solve(a, b, aLow + x, aHigh, bLow + y, bHigh)
            } else {
                emit(.delete, aLow..<aHigh, bLow..<bLow)
                emit(.insert, aHigh..<aHigh, bLow..<bHigh)
            }
            emit(.equal, aHigh..<suffixEnd.0, bHigh..<suffixEnd.1)
        }

        /// A point (x, y), relative to the low corner, on an optimal path; or the furthest point
        /// reached when the cost cap stops the search; nil when the texts share nothing.
        mutating func middleSnake(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
                                  _ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
            let n = aHigh - aLow, m = bHigh - bLow
            let maxD = (n + m + 1) / 2
            // Diagonals -offset...offset: the search's own (within maxD of 0), and every diagonal
            // `delta - k` where one search looks for the other's point, so that the look needs no
            // range check: one the other search has not reached holds -1, which never meets.
            let offset = maxD + abs(n - m) + 1
            let length = 2 * offset + 1
            if forward.count < length { makeDiagonals(atLeast: length) }
            // The hot loops run on raw buffers: no bounds or exclusivity checks per step.
            // (The buffers are moved out of self, not copied, for the duration.)
            var forwardBuffer: [Int] = [], backwardBuffer: [Int] = []
            swap(&forwardBuffer, &forward)
            swap(&backwardBuffer, &backward)
            let costCap = self.costCap
            let outcome = forwardBuffer.withUnsafeMutableBufferPointer { forward in
                backwardBuffer.withUnsafeMutableBufferPointer { backward in
                    UnsafeMutableBufferPointer(rebasing: forward[..<length]).update(repeating: -1)
                    UnsafeMutableBufferPointer(rebasing: backward[..<length]).update(repeating: -1)
                    forward[offset + 1] = 0
                    backward[offset + 1] = 0
                    return State.search(forward: forward.baseAddress! + offset, backward: backward.baseAddress! + offset,
                                        a.baseAddress! + aLow, b.baseAddress! + bLow, n: n, m: m, costCap: costCap)
                }
            }
            swap(&forwardBuffer, &forward)
            swap(&backwardBuffer, &backward)
            switch outcome {
            case .met(let x, let y): return (x, y)
            case .disjoint: return nil
            case .capped(let d, let kStart, let kEnd):
                reachedCostCap = true
                return furthestForward(d: d, offset: offset, n: n, m: m, kStart: kStart, kEnd: kEnd)
            }
        }

        enum Outcome {
            case met(Int, Int)
            case disjoint
            case capped(d: Int, kStart: Int, kEnd: Int)
        }

        /// The bisection proper, on raw pointers: `a` and `b` point at the first tokens of the
        /// block, `forward` and `backward` at diagonal 0 (see `middleSnake` for their extent).
        ///
        /// The arithmetic wraps (no overflow checks: every value is bounded by `n + m`), and the
        /// diagonals outside the search hold -1, so that one comparison picks each step's start:
        /// at k = -d the diagonal below is -1 and the step goes down; at k = d the diagonal above
        /// is -1 and it goes right; and a -1 on the other search's diagonal never meets.
        /// (The diagonals come first: the first six arguments are passed in registers, and the
        /// loops read those two on every step.)
        private static func search(forward: UnsafeMutablePointer<Int>, backward: UnsafeMutablePointer<Int>,
                                   _ a: UnsafePointer<Int32>, _ b: UnsafePointer<Int32>, n: Int, m: Int,
                                   costCap: Int) -> Outcome {
            // One copy of the loops for each parity of delta, each with only its own check.
            if (n &- m) & 1 != 0 {
                search(odd: true, forward: forward, backward: backward, a, b, n: n, m: m, costCap: costCap)
            } else {
                search(odd: false, forward: forward, backward: backward, a, b, n: n, m: m, costCap: costCap)
            }
        }

        /// The search for one parity of delta: the paths can first meet in the forward search
        /// when it is odd, else in the backward one.
        @inline(__always)
        private static func search(odd: Bool, forward: UnsafeMutablePointer<Int>, backward: UnsafeMutablePointer<Int>,
                                   _ a: UnsafePointer<Int32>, _ b: UnsafePointer<Int32>, n: Int, m: Int,
                                   costCap: Int) -> Outcome {
            let maxD = (n &+ m &+ 1) / 2
            let delta = n &- m
            let aLast = a + (n &- 1), bLast = b + (m &- 1)
            // Each search's diagonals seen from the other's: diagonal k of one meets `delta - k`.
            let backwardMet = backward + delta, forwardMet = forward + delta
            var k1Start = 0, k1End = 0, k2Start = 0, k2End = 0
            var d = 0
            while d < maxD {
                if d > costCap { return .capped(d: d, kStart: k1Start, kEnd: k1End) }
                var k = k1Start &- d
                while k <= d &- k1End {
                    let below = forward[k &- 1], above = forward[k &+ 1]
                    var x = below < above ? above : below &+ 1
                    // The snake: on diagonal k, b's token for a[x] is (b - k)[x], and x stays
                    // below both n and m + k (y below m).
                    let end = min(n, m &+ k), bOnDiagonal = b - k
                    if x < end {
                        while a[x] == bOnDiagonal[x] {
                            x &+= 1
                            if x == end { break }
                        }
                    } else if x > n {
                        forward[k] = x
                        k1End &+= 2
                        k &+= 2
                        continue
                    } else if x &- k > m {
                        forward[k] = x
                        k1Start &+= 2
                        k &+= 2
                        continue
                    }
                    forward[k] = x
                    if odd, x &+ backwardMet[0 &- k] >= n { return .met(x, x &- k) }
                    k &+= 2
                }
                k = k2Start &- d
                while k <= d &- k2End {
                    let below = backward[k &- 1], above = backward[k &+ 1]
                    var x = below < above ? above : below &+ 1
                    // As above, from the ends: b's token for aLast[-x] is bLast[k - x].
                    let end = min(n, m &+ k)
                    if x < end {
                        while aLast[0 &- x] == bLast[k &- x] {
                            x &+= 1
                            if x == end { break }
                        }
                    } else if x > n {
                        backward[k] = x
                        k2End &+= 2
                        k &+= 2
                        continue
                    } else if x &- k > m {
                        backward[k] = x
                        k2Start &+= 2
                        k &+= 2
                        continue
                    }
                    backward[k] = x
                    if !odd {
                        let forwardX = forwardMet[0 &- k]
                        if forwardX &+ x >= n { return .met(forwardX, forwardX &- (delta &- k)) }
                    }
                    k &+= 2
                }
                d &+= 1
            }
            return .disjoint
        }

        /// The forward point furthest along (largest x + y) after `d` steps; nil if none moved.
        private func furthestForward(d: Int, offset: Int, n: Int, m: Int, kStart: Int, kEnd: Int) -> (Int, Int)? {
            var best: (Int, Int)?
            var k = -(d - 1) + kStart
            while k <= (d - 1) - kEnd {
                let x = forward[offset + k]
                let y = x - k
                if x >= 0, x <= n, y >= 0, y <= m, x + y > 0, (x, y) != (n, m), best.map({ x + y > $0.0 + $0.1 }) ?? true {
                    best = (x, y)
                }
                k += 2
            }
            return best
        }
    }
}

extension [DiffSegment] {
    /// Adds a run, merged into the last when it continues it; an empty run adds nothing. Most
    /// calls have nothing to add (no shared prefix or suffix, say): those cost a comparison in
    /// the caller, not a call.
    @inline(__always)
    mutating func appendMerging(_ operation: DiffSegment.Operation, _ a: Range<Int>, _ b: Range<Int>) {
        if a.isEmpty, b.isEmpty { return }
        appendMergingNonEmpty(operation, a, b)
    }

    @inline(never)
    private mutating func appendMergingNonEmpty(_ operation: DiffSegment.Operation, _ a: Range<Int>, _ b: Range<Int>) {
        if let last, last.operation == operation, last.a.upperBound == a.lowerBound, last.b.upperBound == b.lowerBound {
            self[count - 1] = DiffSegment(operation, a: last.a.lowerBound..<a.upperBound, b: last.b.lowerBound..<b.upperBound)
        } else {
            append(DiffSegment(operation, a: a, b: b))
        }
    }
}
