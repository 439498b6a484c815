import Foundation
import Testing
@testable import MotionKit

/// `motion composite` as a delegate runs it: the built binary in a workspace of saved motions.
@Suite struct CompositeCommandTests {
    /// A workspace with the test family saved (revision 1 each).
    static func workspace() throws -> String {
        let directory = try TestSupport.temporaryDirectory()
        #expect(try MotionProcess.run(["init"], in: directory).status == 0)
        for source in try CompositeDraftTests.family() {
            try TestSupport.write(MarkdownWriter.write(source.motion), to: "\(directory)/motions/\(source.motion.id).md")
        }
        #expect(try MotionProcess.run(["save", "-m", "Submitted"], in: directory).status == 0)
        return directory
    }

    @Test func writesTheCompositeBesideTheMotionsAndReportsWhatItMergedAndLeftOut() throws {
        let directory = try Self.workspace()
        let result = try MotionProcess.run(["composite", "lxp-camden", "lxp-leeds", "motions/lxp-bristol.md", "--id", "lxp-composite",
                                            "--title", "Recognition for LXP workers"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("motions/lxp-composite.md\n"))
        #expect(result.stderr.contains("drafted lxp-composite from lxp-camden@1, lxp-leeds@1, lxp-bristol (195 words, 10 blocks)"), "\(result.stderr)")
        #expect(result.stderr.contains("  lxp-leeds#resolves.1 sentence 1 = resolves.1 of the composite: Produce bargaining guidance"))
        #expect(result.stderr.contains("  1: resolves.2 | resolves.3 (95% alike)"))
        #expect(result.stderr.contains("every sentence of the 3 motions (20) is in the composite or listed above"))
        let composite = try MotionReader.read(contentsOf: "\(directory)/motions/lxp-composite.md").motion
        #expect(composite.metadata.composites == ["lxp-camden@1", "lxp-leeds@1", "lxp-bristol"])
        #expect(composite.titleText == "Recognition for LXP workers")
        // It is a motion like any other: checked, saved and diffed.
        #expect(try MotionProcess.run(["check", "motions/lxp-composite.md"], in: directory).status == 0)
        let saved = try MotionProcess.run(["save", "motions/lxp-composite.md", "-m", "Composite drafted"], in: directory)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(try MotionProcess.run(["show", "lxp-composite"], in: directory).stdout == TestSupport.read("\(directory)/motions/lxp-composite.md"))
    }

    @Test func jsonGivesThePathAndTheWholeReport() throws {
        let directory = try Self.workspace()
        let result = try MotionProcess.run(["composite", "lxp-camden", "lxp-leeds", "lxp-bristol", "--id", "lxp-composite", "--json",
                                            "-o", "drafts/composite.md"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["path"] as? String == "drafts/composite.md")
        let report = try #require(object["report"] as? [String: Any])
        #expect((report["sources"] as? [[String: Any]])?.map { $0["reference"] as? String } == ["lxp-camden@1", "lxp-leeds@1", "lxp-bristol@1"])
        #expect((report["leftOut"] as? [Any])?.count == 6)
        #expect((report["choices"] as? [[String: Any]])?.first?["places"] as? [String] == ["resolves.2", "resolves.3"])
        #expect(FileManager.default.fileExists(atPath: "\(directory)/drafts/composite.md"))
    }

    @Test func neverOverwritesAndRefusesWhatCannotBeComposited() throws {
        let directory = try Self.workspace()
        try TestSupport.write("my precious draft\n", to: "\(directory)/motions/lxp-composite.md")
        let exists = try MotionProcess.run(["composite", "lxp-camden", "lxp-leeds", "--id", "lxp-composite"], in: directory)
        #expect(exists.status == 73)
        #expect(exists.stderr.contains("lxp-composite.md already exists"))
        #expect(try TestSupport.read("\(directory)/motions/lxp-composite.md") == "my precious draft\n")
        let one = try MotionProcess.run(["composite", "lxp-camden", "--id", "x"], in: directory)
        #expect(one.status == 64)
        #expect(one.stderr.contains("name at least two motions to composite"))
        let unknown = try MotionProcess.run(["composite", "lxp-camden", "lxp-nowhere", "--id", "x"], in: directory)
        #expect(unknown.status == 66, "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/motions/x.md"))
    }
}
