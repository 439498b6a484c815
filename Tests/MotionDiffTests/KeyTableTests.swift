import Testing
@testable import MotionDiff

/// Block and heading texts get equal ids exactly when they are equal texts.
@Suite struct KeyTableTests {
    /// The ids as a partition: for each key, the index of the first key equal to it.
    func groups(_ ids: [Int32]) -> [Int] {
        ids.map { id in ids.firstIndex(of: id)! }
    }

    let base = ["Conference notes.", "Peer support workers", "", "Conference notes.", "LXP consultants"]
    let target = ["LXP consultants", "peer support workers", "", "Conference notes."]

    /// The ASCII test reads eight and 32 bytes at a time: one byte of 0x80 or above is found
    /// at every place of texts of every length up to 100, and none is found where there is none.
    @Test func aByteOutsideASCIIIsFoundAtEveryPlace() {
        for length in 0...100 {
            let ascii = [UInt8](repeating: 0x7F, count: length)
            #expect(ascii.withUnsafeBufferPointer { ByteHash.isASCII($0) }, "\(length) bytes")
            for place in 0..<length {
                for byte: UInt8 in [0x80, 0xC3, 0xFF] {
                    var text = ascii
                    text[place] = byte
                    #expect(!text.withUnsafeBufferPointer { ByteHash.isASCII($0) }, "\(byte) at \(place) of \(length)")
                }
            }
        }
    }

    @Test func equalTextsShareAnIdAndOthersDoNot() {
        let (b, t) = KeyTable.ids(base, target)
        #expect(groups(b + t) == [0, 1, 2, 0, 4, 4, 6, 2, 0])
    }

    /// Texts that share a hash but differ keep their own ids: with every text given one hash,
    /// each is told apart by its bytes alone.
    @Test func textsSharingAHashAreStillComparedByTheirBytes() {
        let (b, t) = KeyTable.ids(base, target, hash: { _ in 42 })
        #expect(groups(b + t) == [0, 1, 2, 0, 4, 4, 6, 2, 0])
        let (pairs, _) = KeyTable.ids(["a", "b", "a", "b", "c"], [], hash: { $0.count == 1 ? 7 : 8 })
        #expect(groups(pairs) == [0, 1, 0, 1, 4])
    }

    @Test func canonicallyEqualTextsShareAnId() {
        let (b, t) = KeyTable.ids(["café au lait"], ["cafe\u{301} au lait", "cafe au lait"])
        #expect(b[0] == t[0])
        #expect(b[0] != t[1])
    }
}
