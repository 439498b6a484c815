import Foundation
import Testing

/// Errors that say what to do (issue 14, item 8).
@Suite struct ErrorsThatHelpTests {
    @Test func aMissingOpeningFenceIsNamedAsSuch() throws {
        let root = try TestSupport.temporaryDirectory()
        try TestSupport.write("id: fair-pay\ntitle: Fair pay\n---\n\n# Fair pay\n\n## Conference notes\n\nText.\n", to: "\(root)/fair-pay.md")
        let result = try MotionProcess.run(["check", "fair-pay.md"], in: root)
        #expect(result.status == 65)
        #expect((result.stdout + result.stderr).contains("fair-pay.md:1:1: error: the front matter has no opening '---': add a line '---' above 'id: fair-pay'"), "\(result.stdout)\(result.stderr)")
        // A motion whose first paragraph merely has a colon is read as before.
        try TestSupport.write("Note: this is prose.\n\n---\n\nMore.\n", to: "\(root)/prose.md")
        let prose = try MotionProcess.run(["check", "prose.md"], in: root)
        #expect(!(prose.stdout + prose.stderr).contains("no opening"))
    }

    @Test func diffReportsBrokenFrontMatterInsteadOfComparingProse() throws {
        let root = try StoreCommandTests.workspace()
        let id = StoreCommandTests.lxp
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        let path = "\(root)/motions/\(id).md"
        try TestSupport.write(try TestSupport.read(path).replacingOccurrences(of: "title: ", with: "title: [unclosed "), to: path)
        for arguments in [["diff", id], ["diff", id, "motions/\(id).md"]] {
            let result = try MotionProcess.run(arguments, in: root)
            #expect(result.status == 65, "\(arguments): \(result.status) \(result.stdout)")
            #expect(result.stderr.contains("motions/\(id).md:3:") && result.stderr.contains(": error: "), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func anUnsavedIdSuggestsSaveOrThePath() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        try TestSupport.write(TestSupport.motionText(front: "id: lxp-a1\ntitle: Amendment\nkind: amendment\namends: \(StoreCommandTests.lxp)\n", body: "In the title, delete 'for'.\n"),
                              to: "\(root)/motions/lxp-a1.md")
        let result = try MotionProcess.run(["apply", "lxp-a1"], in: root)
        #expect(result.status == 66)
        #expect(result.stderr.contains("lxp-a1 is not in the store yet, but") && result.stderr.contains("save it first ('motion save ") && result.stderr.contains("or name the file instead of the id"), "\(result.stderr)")
        // An id that nothing holds keeps the store's message.
        #expect(try MotionProcess.run(["show", "nothing-here"], in: root).stderr.contains("no motion 'nothing-here' in the store"))
    }
}
