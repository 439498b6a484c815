/// How alike two blocks' words are, for pairing the blocks of a gap: the Dice similarity of
/// their words as multisets, counted per token id.
extension Aligner {
    /// The ids of a block's words, in order.
    static func wordIDs(_ tokens: TokenizedText) -> [Int32] {
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count / 2 + 1)
        for index in 0..<tokens.count where tokens.kinds[index] == .word { ids.append(tokens.ids[index]) }
        return ids
    }

    /// Makes the scratch tables cover every token id so far, all zero.
    private mutating func growScratch() {
        let size = Int(interner.count)
        if wordCounts.count < size {
            wordCounts += repeatElement(0, count: size - wordCounts.count)
            matched += repeatElement(0, count: size - matched.count)
            stamps += repeatElement(0, count: size - stamps.count)
        }
    }

    /// The Dice similarity of two blocks' words, as ``WordBag`` gives it, counted in a table
    /// indexed by token id instead of by sorting each block's words.
    mutating func wordSimilarity(_ old: TokenizedText, _ new: TokenizedText) -> Double {
        growScratch()
        var oldWords = 0, newWords = 0, common = 0
        wordCounts.withUnsafeMutableBufferPointer { counts in
            for index in 0..<old.count where old.kinds[index] == .word {
                counts[Int(old.ids[index])] += 1
                oldWords += 1
            }
            for index in 0..<new.count where new.kinds[index] == .word {
                newWords += 1
                let id = Int(new.ids[index])
                if counts[id] > 0 {
                    common += 1
                    counts[id] -= 1
                }
            }
            // Every count back to zero for the next pair.
            for index in 0..<old.count where old.kinds[index] == .word { counts[Int(old.ids[index])] = 0 }
        }
        return Self.dice(common: common, oldWords, newWords)
    }

    /// Similarities of base blocks (rows) to target blocks, kept only within each row's band:
    /// a gap of a hundred blocks a side would otherwise take 80 KB, nearly all of it zeros.
    struct BandTable {
        /// Each row's band of target blocks.
        var bands: [Range<Int>]
        /// Row by row, `width` values each, from the first target block of the row's band.
        var values: [Double]
        var width: Int

        /// The similarity of base block `i` to target block `j`: 0 outside the band.
        subscript(i: Int, j: Int) -> Double {
            bands[i].contains(j) ? values[i * width + j - bands[i].lowerBound] : 0
        }
    }

    /// The Dice similarity of each base block's words to those of the target blocks in its
    /// band, row by row: a base block's words are counted once for its whole row, and each
    /// target block's matches are kept apart by a stamp per token id, so no table is cleared
    /// between pairs. Values are those ``WordBag`` gives, without sorting, wherever they can
    /// reach `threshold`; 0 elsewhere.
    mutating func bandSimilarities(_ baseWords: [[Int32]], _ targetWords: [[Int32]], atLeast threshold: Double,
                                           band: (Int) -> Range<Int>) -> BandTable {
        growScratch()
        let bands = baseWords.indices.map(band)
        let width = bands.reduce(0) { max($0, $1.count) }
        var similarity = [Double].filled(with: 0, count: baseWords.count * width)
        var stamp = stampCount
        wordCounts.withUnsafeMutableBufferPointer { counts in
            matched.withUnsafeMutableBufferPointer { matched in
                stamps.withUnsafeMutableBufferPointer { stamps in
                    for (i, row) in baseWords.enumerated() {
                        for id in row { counts[Int(id)] &+= 1 }
                        for j in bands[i] {
                            // Words in common are at most the shorter block's: a pair that
                            // cannot reach the threshold by that bound keeps 0, as good as any
                            // value below the threshold to the pairing, which uses no other.
                            let words = targetWords[j]
                            let shorter = min(row.count, words.count)
                            if Self.dice(common: shorter, row.count, words.count) < threshold { continue }
                            // Nor is one counted past the point where too many of its words
                            // have matched nothing for the rest to reach the threshold.
                            let misses = words.count - Self.fewestCommon(reaching: threshold, row.count, words.count, atMost: shorter)
                            stamp &+= 1
                            var common = 0, missed = 0
                            for id in words {
                                let id = Int(id)
                                if stamps[id] != stamp {
                                    stamps[id] = stamp
                                    matched[id] = 0
                                }
                                if matched[id] < counts[id] {
                                    matched[id] &+= 1
                                    common &+= 1
                                } else {
                                    missed &+= 1
                                    if missed > misses { break }
                                }
                            }
                            if missed > misses { continue }
                            similarity[i * width + j - bands[i].lowerBound] = Self.dice(common: common, row.count, words.count)
                        }
                        for id in row { counts[Int(id)] = 0 }
                    }
                }
            }
        }
        stampCount = stamp
        return BandTable(bands: bands, values: similarity, width: width)
    }

    /// The fewest words in common (up to `limit`, which reaches it) whose ``dice(common:_:_:)``
    /// reaches `threshold`: found with that function itself, so the two always agree.
    private static func fewestCommon(reaching threshold: Double, _ oldWords: Int, _ newWords: Int, atMost limit: Int) -> Int {
        var common = min(limit, max(0, Int((threshold * Double(oldWords + newWords) / 2).rounded(.down))))
        while common > 0, dice(common: common - 1, oldWords, newWords) >= threshold { common -= 1 }
        while common < limit, dice(common: common, oldWords, newWords) < threshold { common += 1 }
        return common
    }

    private static func dice(common: Int, _ oldWords: Int, _ newWords: Int) -> Double {
        if oldWords == 0, newWords == 0 { return 1 }
        if oldWords == 0 || newWords == 0 { return 0 }
        return 2.0 * Double(common) / Double(oldWords + newWords)
    }
}
