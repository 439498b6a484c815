/// Words counted the way conferences count them: runs separated by white space, so a hyphenated
/// word ("lived-experience") is one word and numbers ("2026", "7") count; a run with no letter or
/// digit (a lone dash or bullet) is not a word.
public enum WordCount {
    public static func of(_ text: String) -> Int { of(text, stoppingAfter: .max) }

    /// The count, or any number above `limit` once it is clear the count exceeds it: for
    /// comparisons against long texts that should not be counted in full.
    public static func of(_ text: some StringProtocol, stoppingAfter limit: Int) -> Int {
        var count = 0
        var inWord = false
        var wordHasAlnum = false
        var utf8 = text.utf8.makeIterator()
        var scalars = text.unicodeScalars.makeIterator()
        // Most motion text is ASCII: decide on bytes, and ask Unicode only about the rest.
        while let byte = utf8.next() {
            let isSpace: Bool
            let isAlnum: Bool
            if byte < 0x80 {
                _ = scalars.next()
                isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                isAlnum = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            } else if byte & 0xC0 == 0x80 {
                continue  // a continuation byte of a scalar already judged
            } else {
                let scalar = scalars.next()!
                isSpace = scalar.properties.isWhitespace
                isAlnum = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isSpace {
                if inWord, wordHasAlnum {
                    count += 1
                    if count > limit { return count }
                }
                inWord = false
                wordHasAlnum = false
            } else {
                inWord = true
                wordHasAlnum = wordHasAlnum || isAlnum
            }
        }
        if inWord, wordHasAlnum { count += 1 }
        return count
    }
}

/// Word counts of a motion, per part, for limits and summaries.
public struct MotionWordCounts: Sendable, Equatable {
    public var title: Int
    public var preamble: Int
    /// Per section: the heading's words plus its blocks' words.
    public var sections: [Int]
    /// Per section, per block.
    public var blocks: [[Int]]

    /// The motion's text: the preamble and every section with its heading, not the title
    /// (conferences limit the title separately).
    public var body: Int { preamble + sections.reduce(0, +) }
}

extension Motion {
    public var wordCounts: MotionWordCounts {
        var sectionCounts: [Int] = []
        var blockCounts: [[Int]] = []
        for section in sections {
            let perBlock = section.blocks.map { WordCount.of($0.plainText) }
            blockCounts.append(perBlock)
            sectionCounts.append(WordCount.of(section.headingText) + perBlock.reduce(0, +))
        }
        return MotionWordCounts(
            title: WordCount.of(titleText),
            preamble: preamble.reduce(0) { $0 + WordCount.of($1.plainText) },
            sections: sectionCounts, blocks: blockCounts)
    }
}
