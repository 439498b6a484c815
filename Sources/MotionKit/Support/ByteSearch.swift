#if canImport(Glibc)
import Glibc
#endif

/// Byte searches with the C library's `memchr`, which reads a word or a vector at a time:
/// generic `contains` and `firstIndex(of:)` over a String's UTF-8 view step through it index by
/// index, several times the work, and they run over every byte of every file read.
public enum ByteSearch {
    /// The offset of the first `byte` in `bytes`, or nil.
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, !bytes.isEmpty, let found = memchr(base, Int32(byte), bytes.count) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    public static func firstIndex(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstIndex(of: byte, in: $0) }
    }

    /// Whether `text` holds `byte` in its UTF-8.
    public static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstIndex(of: byte, in: $0) != nil }
    }
}
