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
        // What the skeleton's sample text left in the body is named, line by line; what the
        // options filled in is not.
        #expect(check.stdout.contains("[skeleton]") || check.stdout.contains("skeleton's sample text"), "\(check.stdout)")
        #expect(!check.stdout.contains("Example Conference 2026") && !check.stdout.contains("Pay for peer workers"), "\(check.stdout)")
    }

    /// A skeleton's sample text left in a motion is a warning at its line, the amendment
    /// skeleton's sample instruction included; a motion of the delegate's own words has none.
    @Test func skeletonTextLeftInIsNamed() throws {
        let directory = try TestSupport.temporaryDirectory()
        #expect(try MotionProcess.run(["new", "--template", "amendment", "--id", "a-1", "--title", "Add researchers", "--amends", "m-1"], in: directory).status == 0)
        let amendment = try MotionProcess.run(["check", "motions/a-1.md"], in: directory)
        #expect(amendment.stdout.contains("'In point 1, after 'workers' insert 'and survivor research...' is a skeleton's sample text"), "\(amendment.stdout)")
        #expect(amendment.stdout.contains("'conference: Conference name' is a skeleton's sample text"), "\(amendment.stdout)")
        #expect(try MotionProcess.run(["new", "--id", "m-2", "--title", "Title of the motion"], in: directory).status == 0)
        let motion = try MotionProcess.run(["check", "motions/m-2.md"], in: directory)
        #expect(motion.stdout.contains("'title: Title of the motion' is a skeleton's sample text"), "\(motion.stdout)")
        #expect(motion.stdout.contains("'State the facts conference should note, one per paragraph.' is a skeleton's"), "\(motion.stdout)")
        let examples = try MotionProcess.run(["check"] + TestSupport.exampleMotionPaths, in: directory)
        #expect(!examples.stdout.contains("skeleton"), "\(examples.stdout)")
    }

    /// A skeleton's ASCII lines are read on their bytes: as the reading in characters reads them.
    @Test func skeletonLinesAreReadAsTheCharacterPathReadsThem() {
        var random = SplitMix64(seed: 22)
        let pieces = ["1", "12", ".", ")", "-", "*", " ", "  ", "\t", "State", "the facts", "a.", "(b)", "x"]
        for _ in 0..<3_000 {
            var line = ""
            for _ in 0..<Int(random.next() % 6) { line += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(SkeletonPlaceholders.asciiWords(of: line) == SkeletonPlaceholders.unicodeWords(of: line), "\(line.debugDescription)")
        }
        #expect(SkeletonPlaceholders.words(of: "2. Calls on the NEC") == "Calls on the NEC")
        #expect(SkeletonPlaceholders.words(of: "- Notes the café") == "Notes the café")
        #expect(SkeletonPlaceholders.asciiWords(of: "- Notes the café") == nil)
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
