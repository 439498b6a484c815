import Foundation
import Testing

/// Unsaved edits are never silently left out (issue 14, item 1): a command that takes a
/// motion's latest revision says so when its working file holds more.
@Suite struct UnsavedEditsTests {
    static let id = StoreCommandTests.lxp

    static func workspaceWithUnsavedEdit() throws -> String {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        let path = "\(root)/motions/\(id).md"
        try TestSupport.write(try TestSupport.read(path).replacingOccurrences(of: "Conference notes", with: "Conference further notes"), to: path)
        return root
    }


    @Test(arguments: [["export", id, "--to", "md"], ["show", id], ["diff", "\(id)@1", id], ["paper", id], ["export", id, "--to", "docx"]])
    func theStoredRevisionIsUsedAndTheDelegateIsTold(arguments: [String]) throws {
        let root = try Self.workspaceWithUnsavedEdit()
        let result = try MotionProcess.run(arguments, in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("motion: warning: ") && result.stderr.contains("motions/\(Self.id).md has unsaved changes; using \(Self.id)@1 as stored; save first ('motion save "),
                "\(arguments): \(result.stderr)")
        // Once, however often the command reads the motion.
        #expect(result.stderr.components(separatedBy: "has unsaved changes").count == 2)
    }

    @Test(arguments: [["diff", id], ["show", "\(id)@1"], ["export", "motions/\(id).md", "--to", "md"]])
    func noWarningWhereTheWorkingFileOrAnOlderRevisionIsAskedFor(arguments: [String]) throws {
        let root = try Self.workspaceWithUnsavedEdit()
        let result = try MotionProcess.run(arguments, in: root)
        #expect(result.status == 0 && !result.stderr.contains("unsaved changes"), "\(arguments): \(result.stderr)")
    }
}
