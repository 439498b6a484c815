import Foundation
import Testing
@testable import MotionKit

/// End to end: the built `motion` binary on real files.
@Suite struct CheckCommandTests {
    @Test func examplesPassWithASummary() throws {
        let result = try MotionProcess.run(["check", "--summary"] + TestSupport.exampleMotionPaths)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("health-2026-lxp-recognition"))
        #expect(result.stdout.hasPrefix("ID  ") || result.stdout.contains("\nID  "))
        #expect(result.stderr.contains("3 files checked: 0 errors"))
    }

    /// `motion check` and `motion --version` are read by a fast path without ArgumentParser
    /// (FastPath); every form, those it takes and those it hands over, must say the same both ways.
    @Test func fastPathAndArgumentParserAgree() throws {
        let directory = try Self.folderWithALongMotion()
        try TestSupport.write(TestSupport.motionText(), to: "\(directory)/good.md")
        try TestSupport.write(TestSupport.motionText(front: "id: a\nstatus: pending\n"), to: "\(directory)/bad.md")
        let forms: [[String]] = [
            ["--version"], ["check", "good.md"], ["check", "long.md"], ["check", "--json", "long.md", "good.md"],
            ["check", "--summary", "good.md", "long.md"], ["check", "bad.md", "good.md"], ["check", "nope.md"], ["check"],
            ["check", "--summary", "--json", "good.md"], ["check", "-h"], ["check", "--nope", "good.md"], ["check", "--json=1", "good.md"],
            ["--version", "check"], ["check", "--", "good.md"],
        ]
        for form in forms {
            let fast = try MotionProcess.run(form, in: directory)
            let slow = try MotionProcess.run(form, in: directory, environment: ["MOTION_NO_FAST_PATH": "1"])
            #expect(fast.status == slow.status, "\(form)")
            #expect(fast.stdout == slow.stdout, "\(form)")
            #expect(fast.stderr == slow.stderr, "\(form)")
        }
    }

    /// A folder holding long.md: 205 words against ucu-congress's limit of 150.
    static func folderWithALongMotion() throws -> String {
        let directory = try TestSupport.temporaryDirectory()
        let long = Array(repeating: "word", count: 200).joined(separator: " ")
        try TestSupport.write(TestSupport.motionText(front: "id: long\nprofile: ucu-congress\n",
                                                     body: "## Conference notes\n\n\(long)\n\n## Conference resolves\n\n1. Act.\n"),
                              to: "\(directory)/long.md")
        return directory
    }

    @Test func findingsAreCompilerStyleAndExitOne() throws {
        let directory = try Self.folderWithALongMotion()
        let result = try MotionProcess.run(["check", "long.md"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == "long.md:8:1: error: the motion has 205 words; ucu-congress allows 150 (cut 55)\n")
    }

    @Test func unreadableFileExitsSixtyFiveAndOthersAreStillChecked() throws {
        let directory = try TestSupport.temporaryDirectory()
        try TestSupport.write(TestSupport.motionText(front: "id: a\nstatus: pending\n"), to: "\(directory)/bad.md")
        try TestSupport.write(TestSupport.motionText(), to: "\(directory)/good.md")
        let result = try MotionProcess.run(["check", "bad.md", "good.md"], in: directory)
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.md:3:1: error: unknown status 'pending'"))
        #expect(result.stderr.contains("2 files checked: 0 errors, 0 warnings, 1 unreadable"))
    }

    @Test func missingFileAndNoFiles() throws {
        let directory = try TestSupport.temporaryDirectory()
        let missing = try MotionProcess.run(["check", "nope.md"], in: directory)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nope.md: error: no such file"))
        let none = try MotionProcess.run(["check"], in: directory)
        #expect(none.status == 64)
        #expect(none.stderr.contains("no motion files to check"))
    }

    @Test func jsonOutput() throws {
        let directory = try TestSupport.temporaryDirectory()
        try TestSupport.write(TestSupport.motionText(body: "## Background\n\nText.\n"), to: "\(directory)/m.md")
        try TestSupport.write("\u{0}", to: "\(directory)/nul.md")
        let result = try MotionProcess.run(["check", "--json", "m.md", "nul.md"], in: directory)
        #expect(result.status == 65)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(reports.count == 2)
        #expect(reports[0]["id"] as? String == "sample")
        #expect(reports[0]["words"] as? Int == 2)
        let findings = try #require(reports[0]["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["required-section", "section-kind"])
        #expect(findings[0]["severity"] as? String == "error")
        #expect(reports[1]["readable"] as? Bool == false)
    }

    @Test func checksTheMotionsFolderWhenNoFileIsNamed() throws {
        let directory = try TestSupport.temporaryDirectory()
        try TestSupport.write(TestSupport.motionText(), to: "\(directory)/motions/a.md")
        try TestSupport.write(TestSupport.motionText(front: "id: b\n"), to: "\(directory)/motions/b.md")
        let result = try MotionProcess.run(["check", "--summary"], in: directory)
        #expect(result.status == 0)
        #expect(result.stderr.contains("2 files checked"))
    }

    @Test func badInputsGiveSixtyFiveNotACrash() throws {
        let directory = try TestSupport.temporaryDirectory()
        var big = Data(TestSupport.motionText().utf8)
        big.append(Data(repeating: UInt8(ascii: "x"), count: 20_000_000))
        try big.write(to: URL(fileURLWithPath: "\(directory)/big.md"))
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: "\(directory)/latin1.md"))
        try TestSupport.write("---\nid: a\ntitle: [unclosed\n---\n", to: "\(directory)/yaml.md")
        try TestSupport.write("---\nid: a\n---\n\n## Conference notes\n\nx\n", to: "\(directory)/untitled.md")
        for (file, line) in [("big.md", 1), ("latin1.md", 2), ("yaml.md", 3), ("untitled.md", 4)] {
            let result = try MotionProcess.run(["check", file], in: directory)
            #expect(result.status == 65, "\(file): \(result.stderr)")
            #expect(result.stderr.hasPrefix("\(file):\(line):"), "\(file): \(result.stderr)")
        }
    }
}
