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

extension String {
    /// The text's Unicode scalars in an array. ASCII text (most motions, every built-in glossary
    /// term) is copied byte by byte, one pass; `Array(unicodeScalars)` walks the scalars twice,
    /// once to count them and once to copy.
    var scalarArray: [Unicode.Scalar] {
        let ascii = utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            var high: UInt8 = 0
            let scalars = bytes.map { byte -> Unicode.Scalar in
                high |= byte
                return Unicode.Scalar(byte)
            }
            return high < 0x80 ? scalars : nil
        } ?? nil
        return ascii ?? Array(unicodeScalars)
    }
}
