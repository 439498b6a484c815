import CTextScan

/// Words counted the way conferences count them: runs separated by white space, so a hyphenated
/// word ("lived-experience") is one word and numbers ("2026", "7") count; a run with no letter or
/// digit (a lone dash or bullet) is not a word.
public enum WordCount {
    public static func of(_ text: String) -> Int { of(text, stoppingAfter: .max) }

    /// The count, or any number above `limit` once it is clear the count exceeds it: for
    /// comparisons against long texts that should not be counted in full.
    public static func of(_ text: String, stoppingAfter limit: Int) -> Int {
        var text = text
        return text.withUTF8 { count($0, stoppingAfter: limit) }
    }

    public static func of(_ text: Substring, stoppingAfter limit: Int) -> Int {
        var text = text
        return text.withUTF8 { count($0, stoppingAfter: limit) }
    }

    public static func of(_ text: some StringProtocol, stoppingAfter limit: Int) -> Int {
        if let count = text.utf8.withContiguousStorageIfAvailable({ count($0, stoppingAfter: limit) }) { return count }
        return count(Array(text.utf8), stoppingAfter: limit)
    }

    /// The count of valid UTF-8.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>, stoppingAfter limit: Int = .max) -> Int {
        count(bytes, stoppingAfter: limit)
    }

    private static func count(_ bytes: [UInt8], stoppingAfter limit: Int) -> Int {
        bytes.withUnsafeBufferPointer { count($0, stoppingAfter: limit) }
    }

    /// What an ASCII byte is to a count: white space ends a word, a letter or digit makes a
    /// run of other characters a word.
    private enum ByteClass: UInt8 {
        case other, space, alphanumeric
    }

    private static let asciiClasses: [ByteClass] = (0..<128).map { (byte: UInt8) -> ByteClass in
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return .space }
        if (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) { return .alphanumeric }
        return .other
    }

    /// Counts over valid UTF-8: ASCII text of 64 bytes or more sixteen bytes at a time (in C,
    /// word_count.c), any other a character at a time (``countByCharacter(_:stoppingAfter:)``).
    /// Below 64 bytes the vector count's set-up costs more than it saves: a diff counts the
    /// words of thousands of runs, most of a few words.
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, stoppingAfter limit: Int) -> Int {
        guard let base = bytes.baseAddress, bytes.count >= 64 else { return countByCharacter(bytes, stoppingAfter: limit) }
        let counted = motion_count_ascii_words(base, bytes.count, limit)
        return counted >= 0 ? counted : countByCharacter(bytes, stoppingAfter: limit)
    }

    /// Counts over valid UTF-8 a character at a time: decide ASCII bytes by table, and ask
    /// Unicode only about the rest. Two loops, one over the white space between words and one
    /// through a word, so that each byte costs a load, a table look-up and a branch.
    static func countByCharacter(_ bytes: UnsafeBufferPointer<UInt8>, stoppingAfter limit: Int = .max) -> Int {
        asciiClasses.withUnsafeBufferPointer { classes in
            /// The class of the character at `index`, moving past it.
            @inline(__always) func next(_ index: inout Int) -> ByteClass {
                let byte = bytes[index]
                guard byte < 0x80 else { return classify(decodeScalar(bytes, at: &index)) }
                index &+= 1
                return classes[Int(byte)]
            }
            var count = 0
            var index = 0
            while index < bytes.count {
                // White space, up to the word's first character.
                var byteClass = next(&index)
                while byteClass == .space {
                    guard index < bytes.count else { return count }
                    byteClass = next(&index)
                }
                // The word, up to the next white space: a word when it has a letter or digit.
                var hasAlphanumeric = byteClass == .alphanumeric
                while index < bytes.count {
                    let inner = next(&index)
                    if inner == .space { break }
                    hasAlphanumeric = hasAlphanumeric || inner == .alphanumeric
                }
                if hasAlphanumeric {
                    count &+= 1
                    if count > limit { return count }
                }
            }
            return count
        }
    }

    /// Apart from the loop: a function that asks about Unicode properties sets up their
    /// (resilient) types on every call, which would cost every short count hundreds of steps.
    @inline(never)
    private static func classify(_ scalar: Unicode.Scalar) -> ByteClass {
        scalar.properties.isWhitespace ? .space
            : scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? .alphanumeric : .other
    }

    /// The scalar whose lead byte is at `index` (of a String's valid UTF-8), moving past it.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        index += length
        return Unicode.Scalar(value) ?? "\u{FFFD}"
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
