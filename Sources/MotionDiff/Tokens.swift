/// What a token is, for cleanup scores and statistics.
public enum TokenKind: UInt8, Sendable {
    case word
    case space
    case punctuation
}

/// A text cut into tokens: words, runs of white space, and single punctuation marks.
///
/// Tokens are stored as UTF-8 offsets into the text, with an integer id each: equal ids mean
/// equal tokens (canonically equivalent, so a precomposed "café" equals a decomposed one; and,
/// with typography ignored, curly quotes equal straight ones).
public struct TokenizedText: Sendable {
    public let text: String
    /// `starts[i]..<starts[i + 1]` is token i's UTF-8 range; one extra entry for the end.
    public let starts: [Int32]
    public let ids: [Int32]
    public let kinds: [TokenKind]
    /// The number of word tokens: counted as the text is cut, for the share of a block's words
    /// a change touches.
    public let wordCount: Int

    public var count: Int { ids.count }
    public var isEmpty: Bool { ids.isEmpty }

    /// Token i's text.
    public subscript(index: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(starts[index]))
        let end = utf8.index(start, offsetBy: Int(starts[index + 1] - starts[index]))
        return text[start..<end]
    }

    /// The text of tokens `range`.
    public func text(of range: Range<Int>) -> Substring {
        guard !range.isEmpty else { return text[text.endIndex...] }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(starts[range.lowerBound]))
        let end = utf8.index(start, offsetBy: Int(starts[range.upperBound] - starts[range.lowerBound]))
        return text[start..<end]
    }

    /// Calls `body` with the UTF-8 of the whole text, once for many ranges (see
    /// ``byteRange(of:)``): a call per range costs more than copying a word. (Not generic: a
    /// generic function of this module is not specialised in another.)
    public func withUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.utf8.withContiguousStorageIfAvailable(body) == nil {
            Array(text.utf8).withUnsafeBufferPointer(body)
        }
    }

    /// The UTF-8 offsets of tokens `range`.
    @inlinable public func byteRange(of range: Range<Int>) -> Range<Int> {
        range.isEmpty ? 0..<0 : Int(starts[range.lowerBound])..<Int(starts[range.upperBound])
    }

    /// Length of token i in UTF-8 bytes, the measure cleanup uses.
    @inline(__always) public func length(_ index: Int) -> Int { Int(starts[index + 1] - starts[index]) }

    public func length(of range: Range<Int>) -> Int {
        range.isEmpty ? 0 : Int(starts[range.upperBound] - starts[range.lowerBound])
    }

    /// The number of word tokens in `range`.
    public func wordCount(in range: Range<Int>) -> Int {
        var count = 0
        for index in range where kinds[index] == .word { count += 1 }
        return count
    }
}

/// Gives each distinct token an integer id. One interner serves every text compared together.
public final class TokenInterner {
    public let ignoreTypography: Bool
    /// Taken out while a text is cut (see `withTables`), so the hot loop touches locals only.
    /// Only `withTables` takes it, and never within itself: the runtime's check of each access
    /// to a class's property (two a text cut) is left out.
    @exclusivity(unchecked) private var tables: ASCIITables?
    private var unicode: [String: Int32] = [:]

    public var count: Int32 { tables?.count ?? 0 }

    /// `distinctTokens`: about how many different tokens the texts hold, so that the table is
    /// made at its size instead of grown through every smaller one (each growth holds the old
    /// table and the new at once: fresh pages, each a fault).
    public init(ignoreTypography: Bool = false, distinctTokens: Int = 512) {
        self.ignoreTypography = ignoreTypography
        tables = ASCIITables(capacity: distinctTokens)
    }

    /// The ids of ASCII tokens, and the count of all ids given.
    struct ASCIITables: ~Copyable {
        var table: ByteTable
        var count: Int32 = 0
        /// Where the tokenizer cuts a text before copying its tokens out: kept from one text to
        /// the next, so that a diff of many blocks makes three arrays per block, not six.
        var scratch = Scratch()

        init(capacity: Int) {
            table = ByteTable(capacity: capacity)
        }

        struct Scratch {
            var starts: [Int32] = []
            var ids: [Int32] = []
            var kinds: [TokenKind] = []
        }

        /// The scratch buffers, moved out, with room for `capacity` tokens (and their end).
        mutating func takeScratch(capacity: Int) -> Scratch {
            var taken = Scratch()
            swap(&taken, &scratch)
            if taken.starts.count <= capacity {
                let size = max(capacity, 2 * taken.ids.count)
                taken = Scratch(starts: .filled(with: 0, count: size + 1), ids: .filled(with: 0, count: size),
                                kinds: .filled(with: .space, count: size))
            }
            return taken
        }

        mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            switch bytes.count {
            case 1: return id(single: bytes[0])
            case 0...8: return id(packed: ByteTable.pack(bytes), length: bytes.count)
            default: return id(long: bytes)
            }
        }

        /// A one-byte token: a space, a line break, a mark.
        @inline(__always) mutating func id(single byte: UInt8) -> Int32 {
            let (id, isNew) = table.id(single: byte, next: count)
            if isNew { count += 1 }
            return id
        }

        @inline(__always) mutating func id(packed: UInt64, length: Int) -> Int32 {
            let (id, isNew) = table.id(packed: packed, length: length, next: count)
            if isNew { count += 1 }
            return id
        }

        /// A token of more than eight bytes, hashed eight bytes at a time: the last eight (which
        /// may overlap the eight before) after the whole ones before them.
        mutating func id(long bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            precondition(bytes.count > 8, "a long token has more than eight bytes")
            let raw = UnsafeRawPointer(bytes.baseAddress!), multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash = UInt64(bytes.count) &* multiplier
            var offset = 0
            while offset &+ 8 < bytes.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                hash ^= hash &>> 29
                offset &+= 8
            }
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: bytes.count &- 8, as: UInt64.self)) &* multiplier
            let (id, isNew) = table.id(long: bytes, hash: ByteHash.mix(hash), next: count)
            if isNew { count += 1 }
            return id
        }
    }

    /// Runs `body` on the tables moved out of the object: a class's stored properties are
    /// checked for exclusive access on every use, which per token costs more than the lookup.
    func withTables<Result>(_ body: (inout ASCIITables) -> Result) -> Result {
        // Moved out, not copied: a copy would retain and release each of its arrays.
        var local = tables.take()!
        let result = body(&local)
        tables = consume local
        return result
    }

    func id(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        withTables { $0.id(bytes) }
    }

    func id(unicode token: Substring) -> Int32 {
        let key = ignoreTypography ? Typography.fold(token) : String(token)
        if let id = unicode[key] { return id }
        // An all-ASCII key (a folded curly quote, say) must meet its ASCII twin.
        if key.utf8.allSatisfy({ $0 < 0x80 }) {
            let id = Array(key.utf8).withUnsafeBufferPointer { self.id(ascii: $0) }
            unicode[key] = id
            return id
        }
        let id = withTables { tables in
            tables.count += 1
            return tables.count - 1
        }
        unicode[key] = id
        return id
    }
}

/// Typographic variants that `--ignore-typography` treats as equal.
public enum Typography {
    static func fold(_ token: Substring) -> String {
        var out = ""
        for scalar in token.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{00B4}", "`": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": out.append("\"")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": out.append("-")
            case "\u{00A0}", "\u{202F}", "\u{2007}": out.append(" ")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
