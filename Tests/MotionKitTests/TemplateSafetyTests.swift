import Foundation
import Testing
@testable import MotionKit

/// Templates come from a workspace, so they are read as untrusted (issue 13): no DOCTYPE or
/// entities in Word parts, no link out of templates/; and option values out of range refused.
@Suite struct TemplateSafetyTests {
    static let motion = TestSupport.exampleMotionPaths[0]

    @Test func aDoctypeInAWordPartIsRefused() throws {
        let folder = try TestSupport.temporaryDirectory()
        let styles = BuiltinFiles.files["templates/docx/styles.xml"]!
        let hostile = styles.replacingOccurrences(of: "<w:styles", with: "<!DOCTYPE w:styles [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<w:styles")
        try TestSupport.write(hostile, to: "\(folder)/templates/docx/styles.xml")
        for format in ["xml", "docx"] {
            let result = try MotionProcess.run(["export", Self.motion, "--to", format, "-o", "out.\(format)"], in: folder)
            #expect(result.status == 65 && result.stderr.contains("declares a DOCTYPE"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: "\(folder)/out.\(format)"))
        }
        #expect(XMLCheck.problem(in: "<a/>") == nil)
    }

    @Test func aLinkOutOfTemplatesIsRefused() throws {
        let folder = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(folder)/templates/paper", withIntermediateDirectories: true)
        try TestSupport.write("# Secret agenda\n", to: "\(folder)/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/templates/paper/evil.md.mustache", withDestinationPath: "\(folder)/secret.txt")
        let result = try MotionProcess.run(["paper", Self.motion, "--template", "evil"], in: folder)
        #expect(result.status == 65 && result.stderr.contains("is a link to a file outside templates/"), "\(result.stderr)")
        #expect(!result.stdout.contains("Secret"))
        // A link that stays inside templates/ is a template like any other.
        try TestSupport.write("# Our agenda\n", to: "\(folder)/templates/paper/real.md.mustache")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/templates/paper/alias.md.mustache", withDestinationPath: "\(folder)/templates/paper/real.md.mustache")
        #expect(try MotionProcess.run(["paper", Self.motion, "--template", "alias"], in: folder).stdout.hasPrefix("# Our agenda"))
    }

    @Test(arguments: [["--width", "0"], ["--width", "-1"], ["--width=5"]])
    func widthsOutOfRangeAreUsageErrors(_ option: [String]) throws {
        let paths = TestSupport.exampleMotionPaths
        for environment in [[:], ["MOTION_NO_FAST_PATH": "1"]] {
            let result = try MotionProcess.run(["diff", paths[0], paths[1], "--format", "side-by-side"] + option, environment: environment)
            #expect(result.status == 64 && result.stderr.contains("--width"), "\(result.stderr)")
        }
    }
}
