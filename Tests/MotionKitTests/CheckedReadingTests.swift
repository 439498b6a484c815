import Foundation
import Testing
@testable import MotionKit

/// Every command reads files through one checked path, as `motion check` does (issue 13): the
/// size limit before reading, UTF-8, no NUL, and a byte-order mark and CR or CRLF line endings
/// read as plain LF text. Nothing writes U+FFFD over a user's bytes.
@Suite struct CheckedReadingTests {
    static let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!

    /// The example motion with Latin-1 bytes in it: "café" as 0xE9.
    static func latin1(in folder: String) throws -> (path: String, bytes: [UInt8]) {
        var bytes = Array(try TestSupport.read(lxp).utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "P"))!
        bytes.insert(contentsOf: [0x63, 0x61, 0x66, 0xE9, 0x20], at: at)
        let path = "\(folder)/latin1.md"
        try FileIO.writeAtomically(bytes, to: path)
        return (path, bytes)
    }

    @Test(arguments: [["show"], ["show", "--line-numbers"], ["export", "--to", "md"], ["glossary", "lint"], ["glossary", "fix"],
                      ["amend", lxp], ["diff", lxp]])
    func nonUTF8IsRefusedAndNeverRewritten(_ command: [String]) throws {
        let folder = try TestSupport.temporaryDirectory()
        let (path, bytes) = try Self.latin1(in: folder)
        let arguments = command.count > 1 && command[1].hasSuffix(".md") ? [command[0], command[1], path] : command + [path]
        let result = try MotionProcess.run(arguments, in: folder)
        #expect(result.status == 65, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("invalid UTF-8") && result.stderr.contains("latin1.md"), "\(result.stderr)")
        #expect(try FileIO.readBytes(path) == bytes, "the file is left as it was")
    }

    @Test func aHugeOrEndlessInputStopsAtTheLimit() throws {
        let folder = try TestSupport.temporaryDirectory()
        let endless = try MotionProcess.run(["show", "/dev/zero"], in: folder)
        #expect(endless.status == 65 && endless.stderr.contains("more than the 2 MB"), "\(endless.stderr)")
        let big = "\(folder)/big.md"
        try FileIO.writeAtomically([UInt8](repeating: 0x61, count: SourceText.maximumBytes + 10), to: big)
        #expect(try MotionProcess.run(["export", big, "--to", "md"], in: folder).status == 65)
    }

    /// A motion saved with a byte-order mark and Windows line endings reads as the same motion
    /// in every command, and a file rewritten in place keeps its layout.
    @Test func byteOrderMarksAndCRLFReadAsThemselves() throws {
        let folder = try TestSupport.temporaryDirectory()
        let plain = try TestSupport.read(Self.lxp)
        let windows = "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n")
        let crlf = "\(folder)/windows.md", cr = "\(folder)/mac.md"
        try TestSupport.write(windows, to: crlf)
        try TestSupport.write(plain.replacingOccurrences(of: "\n", with: "\r"), to: cr)
        for path in [crlf, cr] {
            #expect(try MotionProcess.run(["diff", "--exit-code", Self.lxp, path], in: folder).status == 0, "\(path)")
            let numbered = try MotionProcess.run(["show", "--line-numbers", path], in: folder)
            let expected = try MotionProcess.run(["show", "--line-numbers", Self.lxp]).stdout
            #expect(numbered.status == 0 && numbered.stdout == expected)
            #expect(try MotionProcess.run(["export", path, "--to", "docx", "-o", "out.docx"], in: folder).status == 0)
            #expect(try MotionProcess.run(["amend", Self.lxp, path], in: folder).stderr.contains("same text"))
        }
        // glossary fix keeps the byte-order mark and CRLF of the file it rewrites.
        let peer = "\(folder)/peer.md"
        try TestSupport.write(windows.replacingOccurrences(of: "peer support workers", with: "peer workers"), to: peer)
        let fixed = try MotionProcess.run(["glossary", "fix", peer], in: folder)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let bytes = try FileIO.readBytes(peer)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !String(decoding: bytes, as: UTF8.self).contains("peer workers"))
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").count == plain.components(separatedBy: "\n").count)
    }
}

/// Parsing time bounded by the input: text nested deeper than any motion is refused before
/// libcmark-gfm sees it (a 20,000-deep list with 100,000 '&' took minutes). Times are measured in
/// BENCHMARKS.md, never asserted here.
@Suite struct ParseBoundsTests {
    static let head = "---\nid: deep\ntitle: Deep\n---\n\n# Deep\n\n## Conference notes\n\n"

    @Test(arguments: ["- ", "> ", "1. ", "* ", "2) "])
    func nestingDeeperThanAnyMotionIsRefused(marker: String) throws {
        let deep = Self.head + String(repeating: marker, count: 20_000) + String(repeating: "&", count: 100_000) + "\n"
        #expect { _ = try MotionReader.read(deep) } throws: {
            ($0 as? MotionReadError)?.reason == .tooDeep && ($0 as? MotionReadError)?.line == 10
        }
        let limit = Self.head + String(repeating: marker, count: SourceText.maximumNesting) + "text\n"
        #expect(throws: Never.self) { _ = try MotionReader.read(limit) }
        let over = Self.head + String(repeating: marker, count: SourceText.maximumNesting + 1) + "text\n"
        #expect(throws: MotionReadError.self) { _ = try MotionReader.read(over) }
    }

    @Test func rulesNumbersAndDashesAreNotNesting() throws {
        let text = Self.head + String(repeating: "-", count: 60) + "\n\n" + String(repeating: "*", count: 40) + "\n\n"
            + "2026 was a year of " + String(repeating: "- ", count: 3) + "gains.\n\n-5 degrees, 12.5% more, >40 trusts.\n"
        #expect(throws: Never.self) { _ = try MotionReader.read(text) }
    }

    @Test func theCLIRefusesTheReproductionWithItsLine() throws {
        let folder = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.head + String(repeating: "- ", count: 20_000) + String(repeating: "&", count: 100_000) + "\n", to: "\(folder)/deep.md")
        let result = try MotionProcess.run(["check", "deep.md"], in: folder)
        #expect(result.status == 65 && result.stderr.contains("deep.md:10:1: error: lists or quotes are nested more than 16 deep"), "\(result.stderr)")
    }
}

/// What a killed write leaves behind is cleaned up by the next status or save (issue 13).
@Suite struct StaleTemporaryFileTests {
    @Test func oldTemporaryFilesInMotionsAreRemoved() throws {
        let root = try StoreCommandTests.workspace()
        let stale = "\(root)/motions/.health-2026-lxp-recognition.md.tmp-AbC123"
        let fresh = "\(root)/motions/.branch-2026-safe-staffing.md.tmp-Xy9876"
        let other = "\(root)/motions/.notes.txt"
        for path in [stale, fresh, other] { try TestSupport.write("half a file", to: path) }
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: stale)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: other)
        #expect(try MotionProcess.run(["status"], in: root).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale), "a stale temporary file is removed")
        #expect(FileManager.default.fileExists(atPath: fresh), "a write that may be in progress is left alone")
        #expect(FileManager.default.fileExists(atPath: other), "only the tool's own temporary files are touched")
    }
}

/// Front matter escapes what YAML cannot hold, so the writer is a fixed point for every title
/// and detail the reader accepts (issue 13, in part: controls and noncharacters).
@Suite struct FrontMatterEscapeTests {
    @Test(arguments: ["Fair pay \u{92} for peer workers", "DEL \u{7F} and NEL \u{85}", "ends \u{FFFF}", "has \u{FFFE} inside",
                      "tab\tand bell \u{07}", "\u{9F}"])
    func everyDetailReadsBackAsWritten(_ value: String) throws {
        var motion = try MotionReader.read(TestSupport.motionText()).motion
        motion.title = [.text(value)]
        motion.metadata.submittedBy = value
        motion.metadata.conference = value
        let written = MarkdownWriter.write(motion)
        let reread = try MotionReader.read(written).motion
        #expect(reread.metadata.submittedBy == value && reread.metadata.conference == value)
        #expect(MarkdownWriter.write(reread) == written, "write(read(write(x))) == write(x)")
    }
}
