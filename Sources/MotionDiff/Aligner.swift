/// Aligns two documents: sections, then blocks, then words; finally finds moved blocks.
struct Aligner {
    let base: DiffDocument
    let target: DiffDocument
    let options: DiffOptions
    let interner: TokenInterner
    private var baseTokens: [[TokenizedText?]]
    private var targetTokens: [[TokenizedText?]]
    /// Word bags, for the move pass only (gaps count words per token id), made when first asked.
    private var baseWords: [[WordBag?]] = []
    private var targetWords: [[WordBag?]] = []
    /// Scratch for ``wordSimilarity(_:_:)`` and ``bandSimilarities(_:_:atLeast:band:)`` (in
    /// BlockSimilarity.swift): a count per token id, all zero between uses; matches per token
    /// id, valid where its stamp is current.
    var wordCounts: [Int32] = []
    var matched: [Int32] = []
    var stamps: [Int32] = []
    var stampCount: Int32 = 0
    /// Arrays kept from one diff to the next (of words, and of the blocks of a section).
    private var wordScratch = WordUnits.Scratch()

    init(base: DiffDocument, target: DiffDocument, options: DiffOptions) {
        self.base = base
        self.target = target
        self.options = options
        // About one distinct token in fifty bytes of motion text (at least the table's least).
        let bytes = base.utf8Count + target.utf8Count
        interner = TokenInterner(ignoreTypography: options.ignoreTypography, distinctTokens: max(512, min(bytes / 50, 1 << 16)))
        baseTokens = base.sections.map { Array(repeating: nil, count: $0.blocks.count) }
        targetTokens = target.sections.map { Array(repeating: nil, count: $0.blocks.count) }
    }

    mutating func run() -> [SectionChange] {
        var sections = alignSections().map { pair -> SectionChange in
            let (b, t) = (pair.base, pair.target)
            var change = SectionChange(base: b, target: t, heading: nil, blocks: [])
            change.heading = headingChange(b, t)
            change.blocks = alignBlocks(b, t)
            return change
        }
        findMoves(&sections)
        return sections
    }

    // MARK: Tokens and word bags, made on demand

    mutating func tokens(_ place: BlockPlace, inBase: Bool) -> TokenizedText {
        if inBase, let cached = baseTokens[place.section][place.block] { return cached }
        if !inBase, let cached = targetTokens[place.section][place.block] { return cached }
        let text = (inBase ? base : target).sections[place.section].blocks[place.block].text
        let tokens = Tokenizer.tokenize(text, interner: interner)
        if inBase { baseTokens[place.section][place.block] = tokens } else { targetTokens[place.section][place.block] = tokens }
        return tokens
    }

    mutating func words(_ place: BlockPlace, inBase: Bool) -> WordBag {
        if baseWords.isEmpty {
            baseWords = base.sections.map { Array(repeating: nil, count: $0.blocks.count) }
            targetWords = target.sections.map { Array(repeating: nil, count: $0.blocks.count) }
        }
        if inBase, let cached = baseWords[place.section][place.block] { return cached }
        if !inBase, let cached = targetWords[place.section][place.block] { return cached }
        let bag = WordBag(tokens(place, inBase: inBase))
        if inBase { baseWords[place.section][place.block] = bag } else { targetWords[place.section][place.block] = bag }
        return bag
    }

    // MARK: Sections

    /// A base section and the target section it pairs with; nil on the side that lacks it. (A
    /// struct, not a tuple of optionals, whose type the runtime would make on first use.)
    struct SectionPair {
        var base: Int?
        var target: Int?
        init(_ base: Int?, _ target: Int?) {
            self.base = base
            self.target = target
        }
    }

    /// Pairs of (base, target) section indices in reading order; nil on one side for a section
    /// only the other has.
    private func alignSections() -> [SectionPair] {
        func key(_ section: DiffDocument.Section) -> String { section.heading.map { "h:" + $0.text } ?? "(before the first heading)" }
        let (baseKeys, targetKeys) = KeyTable.ids(base.sections.map(key), target.sections.map(key))
        var pairs: [SectionPair] = []
        for segment in Myers.diff(baseKeys, targetKeys).segments {
            switch segment.operation {
            case .equal: for (offset, b) in segment.a.enumerated() { pairs.append(SectionPair(b, segment.b.lowerBound + offset)) }
            case .delete: for b in segment.a { pairs.append(SectionPair(b, nil)) }
            case .insert: for t in segment.b { pairs.append(SectionPair(nil, t)) }
            }
        }
        return pairRenamedSections(pairs)
    }

    /// A deleted section and an inserted one of the same kind, next to each other, are one
    /// section whose heading changed ("Conference notes" -> "Conference further notes").
    private func pairRenamedSections(_ pairs: [SectionPair]) -> [SectionPair] {
        var out: [SectionPair] = []
        var index = 0
        while index < pairs.count {
            var deleted: [Int] = [], inserted: [Int] = []
            while index < pairs.count, pairs[index].base == nil || pairs[index].target == nil {
                if let b = pairs[index].base { deleted.append(b) }
                if let t = pairs[index].target { inserted.append(t) }
                index += 1
            }
            var usedTargets = Set<Int>()
            for b in deleted {
                let kind = base.sections[b].kind
                let match = inserted.first { t in
                    !usedTargets.contains(t) && (kind != nil && target.sections[t].kind == kind
                        || headingSimilarity(b, t) >= options.pairThreshold)
                }
                if let t = match {
                    // Emit the inserted sections that come before the match first, to keep order.
                    for earlier in inserted where earlier < t && !usedTargets.contains(earlier) {
                        out.append(SectionPair(nil, earlier))
                        usedTargets.insert(earlier)
                    }
                    out.append(SectionPair(b, t))
                    usedTargets.insert(t)
                } else {
                    out.append(SectionPair(b, nil))
                }
            }
            for t in inserted where !usedTargets.contains(t) { out.append(SectionPair(nil, t)) }
            if index < pairs.count {
                out.append(pairs[index])
                index += 1
            }
        }
        return out
    }

    private func headingSimilarity(_ b: Int, _ t: Int) -> Double {
        guard let old = base.sections[b].heading?.text, let new = target.sections[t].heading?.text else { return 0 }
        let interner = TokenInterner(ignoreTypography: options.ignoreTypography)
        return WordBag(Tokenizer.tokenize(old, interner: interner)).similarity(to: WordBag(Tokenizer.tokenize(new, interner: interner)))
    }

    private mutating func headingChange(_ b: Int?, _ t: Int?) -> BlockChange? {
        let old = b.flatMap { base.sections[$0].heading }
        let new = t.flatMap { target.sections[$0].heading }
        switch (old, new) {
        case (nil, nil): return nil
        case (_?, nil): return BlockChange(kind: .deleted, base: BlockPlace(section: b!, block: -1))
        case (nil, _?): return BlockChange(kind: .inserted, target: BlockPlace(section: t!, block: -1))
        case (let old?, let new?):
            let interner = self.interner
            let oldTokens = Tokenizer.tokenize(old.text, interner: interner)
            let newTokens = Tokenizer.tokenize(new.text, interner: interner)
            var change = wordChange(oldTokens, newTokens)
            change.base = BlockPlace(section: b!, block: -1)
            change.target = BlockPlace(section: t!, block: -1)
            if change.kind == .replaced { change.kind = .modified }  // a heading is short: show its words
            return change
        }
    }

    // MARK: Blocks

    private mutating func alignBlocks(_ b: Int?, _ t: Int?) -> [BlockChange] {
        guard let b else { return target.sections[t!].blocks.indices.map { BlockChange(kind: .inserted, target: BlockPlace(section: t!, block: $0)) } }
        guard let t else { return base.sections[b].blocks.indices.map { BlockChange(kind: .deleted, base: BlockPlace(section: b, block: $0)) } }
        let fold = options.ignoreTypography
        func key(_ block: DiffDocument.Block) -> String { fold ? Typography.fold(block.text[...]) : block.text }
        let (baseKeys, targetKeys) = KeyTable.ids(base.sections[b].blocks.map(key), target.sections[t].blocks.map(key))
        var out: [BlockChange] = []
        var gapBase: [Int] = [], gapTarget: [Int] = []
        let blockDiff = baseKeys.withUnsafeBufferPointer { baseKeys in
            targetKeys.withUnsafeBufferPointer { targetKeys in
                wordScratch.shared.diff(baseKeys, targetKeys, costCap: Myers.defaultCostCap, diagonals: &wordScratch.diagonals)
            }
        }
        for segment in blockDiff.segments {
            switch segment.operation {
            case .equal:
                pairGap(b, t, gapBase, gapTarget, into: &out)
                gapBase = []
                gapTarget = []
                for (i, j) in zip(segment.a, segment.b) {
                    out.append(BlockChange(kind: .equal, base: BlockPlace(section: b, block: i), target: BlockPlace(section: t, block: j)))
                }
            case .delete: gapBase += segment.a
            case .insert: gapTarget += segment.b
            }
        }
        pairGap(b, t, gapBase, gapTarget, into: &out)
        return out
    }

    /// Within a run of changed blocks, pairs the most similar ones in order (a small dynamic
    /// programme), diffs paired blocks word by word, and leaves the rest deleted or inserted.
    /// Appended to `out`, not returned: appending a returned array copies each change (and
    /// retains each of its texts and arrays), then frees the copied ones.
    private mutating func pairGap(_ b: Int, _ t: Int, _ gapBase: [Int], _ gapTarget: [Int], into out: inout [BlockChange]) {
        let n = gapBase.count, m = gapTarget.count
        if n == 0 {
            for block in gapTarget { out.append(BlockChange(kind: .inserted, target: BlockPlace(section: t, block: block))) }
            return
        }
        if m == 0 {
            for block in gapBase { out.append(BlockChange(kind: .deleted, base: BlockPlace(section: b, block: block))) }
            return
        }
        var pairs: [GapPair] = []
        if n == 1, m == 1 {
            // One block on each side (the usual edit): they pair when similar enough.
            let basePlace = BlockPlace(section: b, block: gapBase[0]), targetPlace = BlockPlace(section: t, block: gapTarget[0])
            if wordSimilarity(tokens(basePlace, inBase: true), tokens(targetPlace, inBase: false)) >= options.pairThreshold {
                pairs = [GapPair(0, 0)]
            }
        } else if n * m <= 1_000_000 {
            var score = [Double].filled(with: 0, count: (n + 1) * (m + 1))
            // Pairs are looked for near the diagonal: blocks that travelled further are found by
            // the move pass. This keeps a long document's gap linear, not quadratic.
            let band = max(8, abs(n - m) + 8)
            let baseWords = gapBase.map { Self.wordIDs(tokens(BlockPlace(section: b, block: $0), inBase: true)) }
            let targetWords = gapTarget.map { Self.wordIDs(tokens(BlockPlace(section: t, block: $0), inBase: false)) }
            let similarity = bandSimilarities(baseWords, targetWords, atLeast: options.pairThreshold) { i in
                let centre = m * i / n
                return max(0, centre - band)..<min(m, centre + band + 1)
            }
            // Row by row through buffers: the table is n by m (a whole motion rewritten is one
            // gap), and checked indexing cost more than the scoring. Column j scores target
            // block j - 1: before a row's band, within it, and after it, where the similarity
            // is 0, below any threshold.
            let threshold = options.pairThreshold
            score.withUnsafeMutableBufferPointer { score in
                similarity.values.withUnsafeBufferPointer { values in
                    for i in 1...n {
                        let above = score.baseAddress! + (i - 1) * (m + 1), row = above + (m + 1)
                        let band = similarity.bands[i - 1]
                        let similar = values.baseAddress! + (i - 1) * similarity.width - band.lowerBound
                        var left = row[0]
                        for j in 1..<(band.lowerBound + 1) {
                            left = max(above[j], left)
                            row[j] = left
                        }
                        for j in (band.lowerBound + 1)..<(band.upperBound + 1) {
                            var best = max(above[j], left)
                            let s = similar[j - 1]
                            if s >= threshold { best = max(best, above[j - 1] + s) }
                            row[j] = best
                            left = best
                        }
                        for j in (band.upperBound + 1)..<(m + 1) {
                            left = max(above[j], left)
                            row[j] = left
                        }
                    }
                }
            }
            var i = n, j = m
            while i > 0, j > 0 {
                let s = similarity[i - 1, j - 1]
                if s >= options.pairThreshold, score[i * (m + 1) + j] == score[(i - 1) * (m + 1) + j - 1] + s {
                    pairs.append(GapPair(i - 1, j - 1))
                    i -= 1
                    j -= 1
                } else if score[i * (m + 1) + j] == score[(i - 1) * (m + 1) + j] {
                    i -= 1
                } else {
                    j -= 1
                }
            }
            pairs.reverse()
        }
        var i = 0, j = 0
        for pair in pairs + [GapPair(n, m)] {
            let (pi, pj) = (pair.base, pair.target)
            while i < pi {
                out.append(BlockChange(kind: .deleted, base: BlockPlace(section: b, block: gapBase[i])))
                i += 1
            }
            while j < pj {
                out.append(BlockChange(kind: .inserted, target: BlockPlace(section: t, block: gapTarget[j])))
                j += 1
            }
            guard pi < n else { break }
            let basePlace = BlockPlace(section: b, block: gapBase[pi]), targetPlace = BlockPlace(section: t, block: gapTarget[pj])
            var change = wordChange(tokens(basePlace, inBase: true), tokens(targetPlace, inBase: false))
            change.base = basePlace
            change.target = targetPlace
            out.append(consume change)
            i += 1
            j += 1
        }
    }

    /// Paired blocks of a gap, by their indices in it.
    struct GapPair {
        var base: Int
        var target: Int
        init(_ base: Int, _ target: Int) {
            self.base = base
            self.target = target
        }
    }

    /// Diffs two blocks word by word; a change of more than `replaceThreshold` of their words
    /// becomes one replacement.
    mutating func wordChange(_ old: TokenizedText, _ new: TokenizedText) -> BlockChange {
        let raw = WordUnits.diff(old, new, costCap: options.costCap, scratch: &wordScratch)
        let segments = SemanticCleanup.apply(raw, a: old, b: new)
        var changedWords = 0
        for segment in segments {
            switch segment.operation {
            case .equal: break
            case .delete: changedWords += old.wordCount(in: segment.a)
            case .insert: changedWords += new.wordCount(in: segment.b)
            }
        }
        let totalWords = old.wordCount + new.wordCount
        let unchanged = segments.allSatisfy { $0.operation == .equal }
        if unchanged {
            return BlockChange(kind: .equal, segments: segments, baseTokens: old, targetTokens: new)
        }
        if totalWords > 0, Double(changedWords) / Double(totalWords) > options.replaceThreshold {
            return BlockChange(kind: .replaced, segments: wholeReplacement(old, new), baseTokens: old, targetTokens: new)
        }
        return BlockChange(kind: .modified, segments: segments, baseTokens: old, targetTokens: new)
    }

    private func wholeReplacement(_ old: TokenizedText, _ new: TokenizedText) -> [DiffSegment] {
        var out: [DiffSegment] = []
        if !old.isEmpty { out.append(DiffSegment(.delete, a: 0..<old.count, b: 0..<0)) }
        if !new.isEmpty { out.append(DiffSegment(.insert, a: old.count..<old.count, b: 0..<new.count)) }
        return out
    }

    // MARK: Moves

    /// A deleted block and an inserted one anywhere in the document that are at least
    /// `moveThreshold` similar are one block that moved.
    private mutating func findMoves(_ sections: inout [SectionChange]) {
        // Structs and flag arrays, not tuples and sets: each generic type a diff first uses is
        // made by the runtime from its mangled name, and a Set<Int> costs more than the search.
        struct Spot {
            var section: Int
            var index: Int
            var place: BlockPlace
        }
        struct Candidate {
            var similarity: Double
            var deleted: Int
            var inserted: Int
        }
        var deleted: [Spot] = [], inserted: [Spot] = []
        // By index: `for change in blocks` would copy each change, retaining its texts and arrays.
        for s in sections.indices {
            for k in sections[s].blocks.indices {
                let kind = sections[s].blocks[k].kind
                if kind == .deleted, let place = sections[s].blocks[k].base { deleted.append(Spot(section: s, index: k, place: place)) }
                if kind == .inserted, let place = sections[s].blocks[k].target { inserted.append(Spot(section: s, index: k, place: place)) }
            }
        }
        guard !deleted.isEmpty, !inserted.isEmpty, deleted.count * inserted.count <= 1_000_000 else { return }
        var candidates: [Candidate] = []
        for (d, from) in deleted.enumerated() {
            let bag = words(from.place, inBase: true)
            for (i, to) in inserted.enumerated() {
                let s = bag.similarity(to: words(to.place, inBase: false), atLeast: options.moveThreshold)
                if s >= options.moveThreshold { candidates.append(Candidate(similarity: s, deleted: d, inserted: i)) }
            }
        }
        candidates.sort {
            $0.similarity != $1.similarity ? $0.similarity > $1.similarity
                : $0.deleted != $1.deleted ? $0.deleted < $1.deleted : $0.inserted < $1.inserted
        }
        var usedDeleted = [Bool](repeating: false, count: deleted.count)
        var usedInserted = [Bool](repeating: false, count: inserted.count)
        for candidate in candidates where !usedDeleted[candidate.deleted] && !usedInserted[candidate.inserted] {
            usedDeleted[candidate.deleted] = true
            usedInserted[candidate.inserted] = true
            let from = deleted[candidate.deleted], to = inserted[candidate.inserted]
            var here = wordChange(tokens(from.place, inBase: true), tokens(to.place, inBase: false))
            here.kind = .movedHere
            here.base = from.place
            here.target = to.place
            sections[to.section].blocks[to.index] = here
            sections[from.section].blocks[from.index] = BlockChange(kind: .movedAway, base: from.place, target: to.place)
        }
    }
}

/// The words of a block as a sorted multiset of token ids, with a 256-bit sketch that rules
/// out most dissimilar pairs before the exact count. (Composites compare blocks with it too.)
public struct WordBag: Sendable {
    let ids: [Int32]
    let sketch: (UInt64, UInt64, UInt64, UInt64)

    public init(_ tokens: TokenizedText) {
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count / 2)
        var s = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for index in 0..<tokens.count where tokens.kinds[index] == .word {
            let id = tokens.ids[index]
            ids.append(id)
            let bit = Int((UInt32(bitPattern: id) &* 2_654_435_761) >> 24)
            switch bit >> 6 {
            case 0: s.0 |= 1 << UInt64(bit & 63)
            case 1: s.1 |= 1 << UInt64(bit & 63)
            case 2: s.2 |= 1 << UInt64(bit & 63)
            default: s.3 |= 1 << UInt64(bit & 63)
            }
        }
        IDSort.sort(&ids)
        self.ids = ids
        sketch = s
    }

    /// Dice similarity of the two multisets of words, 0...1; when the sketches show it cannot
    /// reach `atLeast`, a cheap lower value instead.
    public func similarity(to other: WordBag, atLeast threshold: Double = 0) -> Double {
        if ids.isEmpty, other.ids.isEmpty { return 1 }
        if ids.isEmpty || other.ids.isEmpty { return 0 }
        if threshold > 0 {
            // Words in common are at most the smaller count, and at most the shared sketch bits
            // times the larger multiplicity; use the count bound, which is always sound.
            let bound = 2.0 * Double(min(ids.count, other.ids.count)) / Double(ids.count + other.ids.count)
            if bound < threshold { return bound }
            let shared = (sketch.0 & other.sketch.0).nonzeroBitCount + (sketch.1 & other.sketch.1).nonzeroBitCount
                + (sketch.2 & other.sketch.2).nonzeroBitCount + (sketch.3 & other.sketch.3).nonzeroBitCount
            if shared == 0 { return 0 }
        }
        var common = 0, i = 0, j = 0
        while i < ids.count, j < other.ids.count {
            if ids[i] == other.ids[j] {
                common += 1
                i += 1
                j += 1
            } else if ids[i] < other.ids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return 2.0 * Double(common) / Double(ids.count + other.ids.count)
    }
}
