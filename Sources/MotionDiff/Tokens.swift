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
    private var ascii: ByteTable
    private var unicode: [String: Int32] = [:]
    private(set) public var count: Int32 = 0

    public init(ignoreTypography: Bool = false) {
        self.ignoreTypography = ignoreTypography
        ascii = ByteTable()
    }

    func id(ascii bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        ascii.id(for: bytes) {
            count += 1
            return count - 1
        }
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
        count += 1
        unicode[key] = count - 1
        return count - 1
    }
}

/// Open-addressing hash table from ASCII byte strings to ids, so the common case never builds
/// a String.
struct ByteTable {
    private var keys: [UInt8] = []
    private var slots: [(hash: UInt64, start: Int32, length: Int32, id: Int32)]
    private var used = 0

    init() {
        slots = Array(repeating: (0, -1, 0, 0), count: 1024)
    }

    mutating func id(for bytes: UnsafeBufferPointer<UInt8>, make: () -> Int32) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.start < 0 { break }
            if slot.hash == hash, Int(slot.length) == bytes.count,
               keys.withUnsafeBufferPointer({ memoryEqual($0, Int(slot.start), bytes) }) {
                return slot.id
            }
            index = (index + 1) & mask
        }
        let id = make()
        if (used + 1) * 2 > slots.count {
            grow()
            mask = slots.count - 1
            index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].start >= 0 { index = (index + 1) & mask }
        }
        slots[index] = (hash, Int32(keys.count), Int32(bytes.count), id)
        keys.append(contentsOf: bytes)
        used += 1
        return id
    }

    private func memoryEqual(_ stored: UnsafeBufferPointer<UInt8>, _ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<bytes.count where stored[start + offset] != bytes[offset] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, -1, 0, 0), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.start >= 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].start >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
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
