/// What the byte paths ask of an ASCII byte. Each answer is Unicode's for that character, so a
/// fast path on bytes agrees with the general one on Characters.
enum ASCII {
    /// Space, tab, line feed, vertical tab, form feed or carriage return: `Character.isWhitespace`.
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// The byte with A-Z in lower case.
    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
    }
}
