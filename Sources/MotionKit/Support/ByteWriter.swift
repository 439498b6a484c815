/// Bytes gathered by copying into spare room. `Array.append(contentsOf:)` costs about a hundred
/// instructions a call whatever the length, and a diff's output is written a word at a time.
struct ByteWriter {
    /// Always full: the bytes written, then spare room (zeros).
    private var storage: [UInt8] = []
    private(set) var count = 0

    init(capacity: Int = 0) {
        if capacity > 0 { storage = .filled(with: 0, count: capacity) }
    }

    /// Room for `additional` more bytes, made at once (at their exact size, not doubled) when
    /// a writer knows what is coming: every fresh page of spare room costs a page fault.
    mutating func reserve(_ additional: Int) {
        let end = count + additional
        if end > storage.count { storage.append(contentsOf: repeatElement(0, count: end - storage.count)) }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let end = count + bytes.count
        if end > storage.count { storage.append(contentsOf: repeatElement(0, count: max(end, 2 * storage.count, 256) - storage.count)) }
        let start = count
        storage.withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(from: source, count: bytes.count) }
        count = end
    }

    /// Appends a copy of bytes `range`, already written.
    mutating func appendCopy(of range: Range<Int>) {
        let end = count + range.count
        if end > storage.count { storage.append(contentsOf: repeatElement(0, count: max(end, 2 * storage.count, 256) - storage.count)) }
        let start = count
        storage.withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(from: $0.baseAddress! + range.lowerBound, count: range.count) }
        count = end
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ byte: UInt8) {
        withUnsafePointer(to: byte) { append(UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Calls `body` with the bytes written.
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// The bytes written, handed over as an array.
    consuming func bytes() -> [UInt8] {
        storage.removeLast(storage.count - count)
        return storage
    }

    /// The bytes written, as a String (checked as UTF-8, as `String(decoding:as:)` checks).
    var string: String {
        withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }
}
