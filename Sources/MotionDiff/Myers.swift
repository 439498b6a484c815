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
        return diff(a, b, costCap: costCap, diagonals: &diagonals)
    }

    /// The search's two rows of diagonals, kept by a caller that diffs many pairs (every block
    /// pair of a document) so that each diff does not make and free its own.
    struct Diagonals {
        fileprivate var forward: [Int] = []
        fileprivate var backward: [Int] = []
    }

    static func diff(_ a: [Int32], _ b: [Int32], costCap: Int = defaultCostCap, diagonals: inout Diagonals) -> TokenDiff {
        var state = State(a: a, b: b, costCap: max(costCap, 1))
        swap(&state.forward, &diagonals.forward)
        swap(&state.backward, &diagonals.backward)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                state.solve(a, b, 0, a.count, 0, b.count)
            }
        }
        swap(&state.forward, &diagonals.forward)
        swap(&state.backward, &diagonals.backward)
        return TokenDiff(segments: state.segments, reachedCostCap: state.reachedCostCap)
    }

    private struct State {
        let a: [Int32]
        let b: [Int32]
        let costCap: Int
        var segments: [DiffSegment] = []
        var reachedCostCap = false
        var forward: [Int] = []
        var backward: [Int] = []

        init(a: [Int32], b: [Int32], costCap: Int) {
            self.a = a
            self.b = b
            self.costCap = costCap
            // Room for a typical edit's runs: growing an array from empty copies it each time.
            segments.reserveCapacity(min(a.count, b.count) / 2 + 3)
        }

        /// Diagonals for the whole texts, which every search (of a part of them) fits in; made
        /// at the first search that needs more than those given, apart from it, so the search's
        /// loops keep their registers. (Each search sets the part it uses to -1 first.)
        @inline(never)
        mutating func makeDiagonals() {
            let length = 2 * ((a.count + b.count + 1) / 2) + 2
            forward = .filled(with: -1, count: length)
            backward = .filled(with: -1, count: length)
        }

        mutating func emit(_ operation: DiffSegment.Operation, _ aRange: Range<Int>, _ bRange: Range<Int>) {
            if aRange.isEmpty, bRange.isEmpty { return }
            if let last = segments.last, last.operation == operation, last.a.upperBound == aRange.lowerBound,
               last.b.upperBound == bRange.lowerBound {
                segments[segments.count - 1] = DiffSegment(operation, a: last.a.lowerBound..<aRange.upperBound,
                                                           b: last.b.lowerBound..<bRange.upperBound)
            } else {
                segments.append(DiffSegment(operation, a: aRange, b: bRange))
            }
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
            let offset = maxD
            let length = 2 * maxD + 2
            if forward.count < length { makeDiagonals() }
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
                    return State.search(a.baseAddress! + aLow, b.baseAddress! + bLow, n: n, m: m, maxD: maxD,
                                        offset: offset, length: length, costCap: costCap,
                                        forward: forward.baseAddress! + offset, backward: backward.baseAddress! + offset)
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
        /// block, `forward` and `backward` at diagonal 0 of `length` diagonals from `-offset`.
        ///
        /// The arithmetic wraps (no overflow checks: every value is bounded by `n + m`), and the
        /// diagonals outside the search hold -1, so that one comparison picks each step's start:
        /// at k = -d the diagonal below is -1 and the step goes down; at k = d the diagonal above
        /// is -1 and it goes right; and a -1 on the other search's diagonal never meets.
        private static func search(_ a: UnsafePointer<Int32>, _ b: UnsafePointer<Int32>, n: Int, m: Int, maxD: Int,
                                   offset: Int, length: Int, costCap: Int,
                                   forward: UnsafeMutablePointer<Int>, backward: UnsafeMutablePointer<Int>) -> Outcome {
            let delta = n &- m
            let odd = delta & 1 != 0
            let aLast = a + (n &- 1), bLast = b + (m &- 1)
            /// Whether diagonal `k` lies within the buffers.
            func inBuffers(_ k: Int) -> Bool { UInt(bitPattern: k &+ offset) < UInt(bitPattern: length) }
            var k1Start = 0, k1End = 0, k2Start = 0, k2End = 0
            var d = 0
            while d < maxD {
                if d > costCap { return .capped(d: d, kStart: k1Start, kEnd: k1End) }
                var k = k1Start &- d
                while k <= d &- k1End {
                    let below = forward[k &- 1], above = forward[k &+ 1]
                    var x = below < above ? above : below &+ 1
                    var y = x &- k
                    while x < n, y < m, a[x] == b[y] {
                        x &+= 1
                        y &+= 1
                    }
                    forward[k] = x
                    if x > n {
                        k1End &+= 2
                    } else if y > m {
                        k1Start &+= 2
                    } else if odd {
                        let other = delta &- k
                        if inBuffers(other), x &+ backward[other] >= n { return .met(x, y) }
                    }
                    k &+= 2
                }
                k = k2Start &- d
                while k <= d &- k2End {
                    let below = backward[k &- 1], above = backward[k &+ 1]
                    var x = below < above ? above : below &+ 1
                    var y = x &- k
                    while x < n, y < m, aLast[0 &- x] == bLast[0 &- y] {
                        x &+= 1
                        y &+= 1
                    }
                    backward[k] = x
                    if x > n {
                        k2End &+= 2
                    } else if y > m {
                        k2Start &+= 2
                    } else if !odd {
                        let other = delta &- k
                        if inBuffers(other) {
                            let forwardX = forward[other]
                            if forwardX &+ x >= n { return .met(forwardX, forwardX &- other) }
                        }
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
