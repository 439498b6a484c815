import Foundation
import Testing
@testable import MotionKit

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func agreesWithSha256sumAcrossBlockBoundaries() throws {
        for length in [55, 56, 63, 64, 65, 119, 1_000, 100_003] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let directory = try TestSupport.temporaryDirectory()
            try Data(bytes).write(to: URL(fileURLWithPath: "\(directory)/x"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = ["\(directory)/x"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(SHA256.hex(bytes) == String(output.prefix(64)), "length \(length)")
        }
    }
}

@Suite struct DeflateTests {
    @Test func roundTripsWithAndWithoutADictionary() throws {
        let base = Array(try TestSupport.read(TestSupport.exampleMotionPaths[0]).utf8)
        var edited = base
        edited.insert(contentsOf: Array(" and survivor researchers".utf8), at: base.count / 2)
        let plain = try Deflate.compress(edited)
        let delta = try Deflate.compress(edited, dictionary: base)
        #expect(try Deflate.decompress(plain, expectedSize: edited.count) == edited)
        #expect(try Deflate.decompress(delta, dictionary: base, expectedSize: edited.count) == edited)
        // With the parent as dictionary a small edit costs a few dozen bytes.
        #expect(delta.count < 80, "\(delta.count)")
        #expect(plain.count > 400)
    }

    // Raw deflate has no checksum, so a flipped byte may decode to other text: the store
    // checks every text it reads against its SHA-256 (see StoreTests). Truncation is caught here.
    @Test func truncatedDataIsAnError() throws {
        let text = Array(String(repeating: "peer support workers ", count: 50).utf8)
        let data = try Deflate.compress(text)
        #expect(throws: Deflate.Failure.self) { try Deflate.decompress(Array(data.dropLast(3)), expectedSize: text.count) }
    }
}

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text, “quotes” and café", "plain text, “quotes” and café"),
        ("clear\u{1B}[2J screen", "clear\\x1B[2J screen"),
        ("c1 \u{9B}31m csi", "c1 \\x9B31m csi"),
        ("bell\u{07} del\u{7F}", "bell\\x07 del\\x7F"),
        ("line\nand\ttab", "line\nand\ttab"),
        ("cr\r", "cr\\x0D"),
        ("non \u{FFFE}\u{FFFF}", "non \\u{FFFE}\\u{FFFF}"),
    ])
    func controlsAreShownNotObeyed(text: String, shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }
}

/// `trimmingWhitespace` cuts on bytes where it can; it must trim exactly as Character's
/// `isWhitespace` says, whatever the text around the white space.
@Suite struct TrimmingTests {
    static func byCharacters(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    @Test(arguments: ["", " ", "\r\n", "a", " a ", "\t point 1 \n", " \u{301}a", "a \u{301}", "\u{A0}a\u{A0}", " e\u{301} ",
                      "\u{2003} café \u{2003}", "\r\n\r\n", " \r\na\r\n ", "🙂 ", " \u{200B}x"])
    func agreesWithCharacters(text: String) {
        #expect(text.trimmingWhitespace == Self.byCharacters(text))
    }

    @Test func agreesOnRandomTexts() {
        let pieces = [" ", "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2003}", "\u{301}", "a", "é", "1", ".", "🙂", "\u{200B}"]
        var state: UInt64 = 7
        for _ in 0..<5_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for shift in stride(from: 0, to: Int(state >> 61) * 8 + 8, by: 4) {
                text += pieces[Int((state >> UInt64(shift)) & 0xF) % pieces.count]
            }
            #expect(text.trimmingWhitespace == Self.byCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }
}

@Suite struct ScalarArrayTests {
    @Test(arguments: ["", "peer support worker", "Peer Workers’", "café", "cafe\u{301}", "🙂 lived experience", "a\r\nb", "\u{7F}\u{80}"])
    func agreesWithTheScalarView(text: String) {
        #expect(text.scalarArray == Array(text.unicodeScalars))
    }
}
