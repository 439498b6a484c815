import Foundation
import Testing
@testable import MotionKit

@Suite struct NewCommandTests {
    @Test(arguments: ["unison-health", "emergency-motion", "amendment", "generic", "branch", "tuc-congress"])
    func everySkeletonMakesACheckableMotion(template: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        let result = try MotionProcess.run(["new", "--template", template, "--id", "m-1", "--title", "Pay for peer workers",
                                            "--conference", "Example Conference 2026", "--submitted-by", "Region: North",
                                            "--amends", "health-2026"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "motions/m-1.md\n")
        let document = try MotionReader.read(contentsOf: "\(directory)/motions/m-1.md")
        #expect(document.motion.id == "m-1")
        #expect(document.motion.titleText == "Pay for peer workers")
        #expect(document.motion.metadata.submittedBy == "Region: North")
        #expect(document.motion.metadata.status == .draft)
        let check = try MotionProcess.run(["check", "motions/m-1.md"], in: directory)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func neverOverwrites() throws {
        let directory = try TestSupport.temporaryDirectory()
        try TestSupport.write("my precious draft\n", to: "\(directory)/motions/mine.md")
        let result = try MotionProcess.run(["new", "--id", "mine", "--title", "T"], in: directory)
        #expect(result.status == 73)
        #expect(result.stderr.contains("motions/mine.md already exists"))
        #expect(try TestSupport.read("\(directory)/motions/mine.md") == "my precious draft\n")
    }

    @Test(arguments: ["Bad_ID", "-lead", "caps-ID", "", "a b"])
    func refusesInvalidIDs(id: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        let result = try MotionProcess.run(["new", "--id", id, "--title", "T"], in: directory)
        #expect(result.status == 64)
        #expect(FileIO.listDirectory(directory).isEmpty)
    }

    @Test func unknownTemplateListsTheAvailableOnes() throws {
        let directory = try TestSupport.temporaryDirectory()
        let result = try MotionProcess.run(["new", "--template", "nosuch", "--id", "a", "--title", "T"], in: directory)
        #expect(result.status == 64)
        #expect(result.stderr.contains("available: amendment, branch, emergency-motion"))
        let escape = try MotionProcess.run(["new", "--template", "../../etc/passwd", "--id", "a", "--title", "T"], in: directory)
        #expect(escape.status == 64)
    }

    @Test func writesIntoTheWorkspaceFromASubfolderAndUsesItsTemplates() throws {
        let root = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(root)/.motion", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "\(root)/papers/2026", withIntermediateDirectories: true)
        try TestSupport.write(TestSupport.motionText(front: "id: x\nprofile: generic\nbranch-note: ours\n"),
                              to: "\(root)/templates/motions/ours.md")
        let result = try MotionProcess.run(["new", "--template", "ours", "--id", "from-sub", "--title", "T"], in: "\(root)/papers/2026")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try TestSupport.read("\(root)/motions/from-sub.md")
        #expect(text.contains("branch-note: ours\n"))
    }

    @Test func titleWithYAMLSpecialCharactersSurvives() throws {
        let directory = try TestSupport.temporaryDirectory()
        let title = "Pay: \"fair\" & square #1 — now"
        _ = try MotionProcess.run(["new", "--id", "t", "--title", title], in: directory)
        #expect(try MotionReader.read(contentsOf: "\(directory)/motions/t.md").motion.titleText == title)
    }
}
