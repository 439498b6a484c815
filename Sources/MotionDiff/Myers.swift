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
        var state = State(a: a, b: b, costCap: max(costCap, 1))
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                state.solve(a, b, 0, a.count, 0, b.count)
            }
        }
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
            if forward.count < length {
                forward = [Int](repeating: -1, count: length)
                backward = [Int](repeating: -1, count: length)
            }
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
                    return State.search(a, b, aLow, aHigh, bLow, bHigh, n: n, m: m, maxD: maxD, offset: offset, length: length,
                                        costCap: costCap, forward: forward, backward: backward)
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

        /// The bisection proper, on raw buffers.
        private static func search(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>,
                                   _ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int, n: Int, m: Int, maxD: Int,
                                   offset: Int, length: Int, costCap: Int,
                                   forward: UnsafeMutableBufferPointer<Int>, backward: UnsafeMutableBufferPointer<Int>) -> Outcome {
            let delta = n - m
            let odd = delta & 1 != 0
            var k1Start = 0, k1End = 0, k2Start = 0, k2End = 0
            for d in 0..<maxD {
                if d > costCap { return .capped(d: d, kStart: k1Start, kEnd: k1End) }
                var k1 = -d + k1Start
                while k1 <= d - k1End {
                    let index = offset + k1
                    var x1 = (k1 == -d || (k1 != d && forward[index - 1] < forward[index + 1])) ? forward[index + 1] : forward[index - 1] + 1
                    var y1 = x1 - k1
                    while x1 < n, y1 < m, a[aLow + x1] == b[bLow + y1] {
                        x1 += 1
                        y1 += 1
                    }
                    forward[index] = x1
                    if x1 > n {
                        k1End += 2
                    } else if y1 > m {
                        k1Start += 2
                    } else if odd {
                        let other = offset + delta - k1
                        if other >= 0, other < length, backward[other] != -1, x1 >= n - backward[other] {
                            return .met(x1, y1)
                        }
                    }
                    k1 += 2
                }
                var k2 = -d + k2Start
                while k2 <= d - k2End {
                    let index = offset + k2
                    var x2 = (k2 == -d || (k2 != d && backward[index - 1] < backward[index + 1])) ? backward[index + 1] : backward[index - 1] + 1
                    var y2 = x2 - k2
                    while x2 < n, y2 < m, a[aHigh - 1 - x2] == b[bHigh - 1 - y2] {
                        x2 += 1
                        y2 += 1
                    }
                    backward[index] = x2
                    if x2 > n {
                        k2End += 2
                    } else if y2 > m {
                        k2Start += 2
                    } else if !odd {
                        let other = offset + delta - k2
                        if other >= 0, other < length, forward[other] != -1 {
                            let x1 = forward[other]
                            let y1 = offset + x1 - other
                            if x1 >= n - x2 { return .met(x1, y1) }
                        }
                    }
                    k2 += 2
                }
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
