import Foundation
import Testing
@testable import MotionKit

/// End to end: the store through the built binary.
@Suite struct StoreCommandTests {
    /// A workspace made by `motion init` with the example motions copied in.
    static func workspace() throws -> String {
        let root = try TestSupport.temporaryDirectory()
        let result = try MotionProcess.run(["init"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        for path in TestSupport.exampleMotionPaths {
            try FileManager.default.copyItem(atPath: path, toPath: "\(root)/motions/\(FileIO.baseName(of: path))")
        }
        return root
    }

    static let lxp = "health-2026-lxp-recognition"

    /// The same day on either store: with PostgreSQL, `motion` hands every command to motion-pg.
    @Test(arguments: ["SQLite", "PostgreSQL"])
    func aDelegatesDay(_ kind: String) throws {
        let root = try Self.workspace()
        var store: [String: String] = [:]
        if kind == "PostgreSQL" {
            store["MOTION_STORE"] = try TestPostgres.newDatabase().description
            let made = try MotionProcess.run(["init"], in: root, environment: store)
            #expect(made.status == 0, "\(made.stderr)")
        }
        func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> MotionProcess.Result {
            try MotionProcess.run(arguments, in: directory, environment: store.merging(environment) { $1 })
        }
        let env = ["MOTION_AUTHOR": "Sam Patel"]
        let saved = try run(["save", "-m", "First drafts"], in: root, environment: env)
        #expect(saved.status == 0)
        #expect(saved.stdout == "branch-2026-safe-staffing@1\n\(Self.lxp)@1\ntuc-2026-fair-pay-agreements@1\n")
        let again = try run(["save"], in: root)
        #expect(again.stdout.isEmpty && again.stderr.contains("nothing to save"))

        let file = "\(root)/motions/\(Self.lxp).md"
        try TestSupport.write(try TestSupport.read(file).replacingOccurrences(of: "Titles vary", with: "Job titles vary"), to: file)
        let status = try run(["status"], in: "\(root)/motions")
        #expect(status.stdout.contains("modified   \(Self.lxp)"))
        let second = try run(["save", "motions/\(Self.lxp).md", "-m", "Sharper wording", "--author", "Ann Lee"], in: root)
        #expect(second.stdout == "\(Self.lxp)@2\n")

        #expect(try run(["tag", "\(Self.lxp)@1", "branch-agreed"], in: root).status == 0)
        let statusChange = try run(["set-status", Self.lxp, "submitted"], in: root, environment: env)
        #expect(statusChange.stdout == "\(Self.lxp)@3\n")
        #expect(try TestSupport.read(file).contains("status: submitted\n"))

        let log = try run(["log", "--json", Self.lxp], in: root)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["number"] as? Int } == [3, 2, 1])
        #expect(entries.map { $0["author"] as? String } == ["Sam Patel", "Ann Lee", "Sam Patel"])
        #expect(entries.map { $0["status"] as? String } == ["submitted", "draft", "draft"])
        #expect(entries[2]["tags"] as? [String] == ["branch-agreed"])
        #expect(entries[1]["message"] as? String == "Sharper wording")
        #expect((entries[0]["hash"] as? String)?.count == 64)
        #expect((entries[0]["time"] as? String)?.hasSuffix("Z") == true)

        let shown = try run(["show", "\(Self.lxp)@branch-agreed"], in: root)
        #expect(shown.stdout.contains("Titles vary") && !shown.stdout.contains("Job titles vary"))
        let list = try run(["list", "--status", "submitted"], in: root)
        #expect(list.stdout.contains("\(Self.lxp)  @3   submitted") && !list.stdout.contains("tuc-2026"))

        let restore = try run(["restore", "\(Self.lxp)@1"], in: root)
        #expect(restore.status == 0)
        #expect(try TestSupport.read(file) == shown.stdout)
        #expect(try run(["fsck"], in: root).status == 0)
    }

    @Test func humanLogShowsTagsAndMessages() throws {
        let root = try Self.workspace()
        _ = try MotionProcess.run(["save", "-m", "First drafts"], in: root, environment: ["MOTION_AUTHOR": "Sam"])
        _ = try MotionProcess.run(["tag", Self.lxp, "submitted"], in: root)
        let log = try MotionProcess.run(["log", Self.lxp], in: root)
        #expect(log.stdout.hasPrefix("\(Self.lxp)@1 (submitted)  draft  "))
        #expect(log.stdout.contains("  Sam\n    First drafts\n"))
    }

    @Test func authorFallsBackToTheWorkspaceConfig() throws {
        let root = try Self.workspace()
        try TestSupport.write("author: Jo Bloggs, Northern Region\n", to: "\(root)/.motion/config.yaml")
        _ = try MotionProcess.run(["save"], in: root, environment: ["MOTION_AUTHOR": ""])
        let log = try MotionProcess.run(["log", "--json", Self.lxp], in: root)
        #expect(log.stdout.contains("\"author\" : \"Jo Bloggs, Northern Region\""))
    }

    @Test func storeOptionAndEnvironmentOverrideTheWorkspace() throws {
        let root = try Self.workspace()
        let elsewhere = try TestSupport.temporaryDirectory() + "/other.sqlite"
        _ = try MotionProcess.run(["save", "--store", elsewhere], in: root)
        #expect(FileIO.fileExists(elsewhere) == false)  // a store is made by init, not by a typo
        let made = try MotionProcess.run(["init", try TestSupport.temporaryDirectory()], in: root)
        let storePath = made.stdout.trimmingCharacters(in: .newlines)
        #expect(try MotionProcess.run(["save", "--store", storePath], in: root).status == 0)
        #expect(try MotionProcess.run(["list"], in: root, environment: ["MOTION_STORE": storePath]).stdout.contains(Self.lxp))
        #expect(try MotionProcess.run(["list"], in: root).stdout == "ID  REV  STATUS  WORDS  TITLE\n")
    }

    @Test func outsideAWorkspace() throws {
        let result = try MotionProcess.run(["log", "x"], in: try TestSupport.temporaryDirectory())
        #expect(result.status == 66)
        #expect(result.stderr.contains("not in a motion workspace") && result.stderr.contains("motion init"))
    }

    @Test func badReferencesAndFiles() throws {
        let root = try Self.workspace()
        _ = try MotionProcess.run(["save"], in: root)
        let cases: [([String], Int32, String)] = [
            (["log", "nosuch"], 66, "no motion 'nosuch' in the store; known: branch-2026-safe-staffing"),
            (["show", "\(Self.lxp)@7"], 66, "has no revision 7; its revisions are 1 to 1"),
            (["show", "\(Self.lxp)@nosuch"], 66, "has no tag 'nosuch'; it has no tags"),
            (["show", "Bad@@x"], 64, "is not a motion reference"),
            (["tag", Self.lxp, "7"], 64, "is not a tag name"),
            (["set-status", Self.lxp, "pending"], 64, "unknown status 'pending'"),
            (["list", "--status", "won"], 64, "unknown status 'won'"),
        ]
        for (arguments, status, message) in cases {
            let result = try MotionProcess.run(arguments, in: root)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func savingAFileOutsideMotionsOrMisnamedChangesNothing() throws {
        let root = try Self.workspace()
        try TestSupport.write(TestSupport.motionText(front: "id: stray\n"), to: "\(root)/stray.md")
        try TestSupport.write(TestSupport.motionText(front: "id: real-id\n"), to: "\(root)/motions/wrong-name.md")
        let outside = try MotionProcess.run(["save", "stray.md"], in: root)
        #expect(outside.status == 64 && outside.stderr.contains("only files in the workspace's motions/ folder are saved"))
        let misnamed = try MotionProcess.run(["save", "motions/wrong-name.md"], in: root)
        #expect(misnamed.status == 64 && misnamed.stderr.contains("rename the file to real-id.md"))
        #expect(try MotionProcess.run(["list", "--json"], in: root).stdout == "[\n\n]\n")
        // Saving everything still saves the good files and reports the bad one.
        let all = try MotionProcess.run(["save"], in: root)
        #expect(all.status == 64 && all.stdout.components(separatedBy: "\n").count == 4)
    }

    @Test func restoreKeepsUnsavedWorkWithoutForce() throws {
        let root = try Self.workspace()
        _ = try MotionProcess.run(["save"], in: root)
        let file = "\(root)/motions/\(Self.lxp).md"
        try TestSupport.write("unsaved thoughts\n", to: file)
        let refused = try MotionProcess.run(["restore", Self.lxp], in: root)
        #expect(refused.status == 73 && refused.stderr.contains("--force"))
        #expect(try TestSupport.read(file) == "unsaved thoughts\n")
        #expect(try MotionProcess.run(["restore", Self.lxp, "--force"], in: root).status == 0)
        #expect(try TestSupport.read(file) != "unsaved thoughts\n")
    }

    @Test func exportAndImportHistoryThroughTheCLI() throws {
        let root = try Self.workspace()
        _ = try MotionProcess.run(["save"], in: root)
        _ = try MotionProcess.run(["set-status", Self.lxp, "carried"], in: root)
        _ = try MotionProcess.run(["tag", "\(Self.lxp)@1", "submitted"], in: root)
        let folder = try TestSupport.temporaryDirectory() + "/backup"
        #expect(try MotionProcess.run(["export-history", folder], in: root).status == 0)
        let other = try TestSupport.temporaryDirectory()
        _ = try MotionProcess.run(["init"], in: other)
        let imported = try MotionProcess.run(["import-history", folder], in: other)
        #expect(imported.status == 0 && imported.stderr.contains("imported 4 revisions of 3 motions"))
        for id in ["branch-2026-safe-staffing", Self.lxp, "tuc-2026-fair-pay-agreements"] {
            #expect(try MotionProcess.run(["log", "--json", id], in: other).stdout == (try MotionProcess.run(["log", "--json", id], in: root).stdout))
        }
        let again = try MotionProcess.run(["import-history", folder], in: other)
        #expect(again.status == 64 && again.stderr.contains("already has a motion"))
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftAlone() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("", to: "\(dir)/empty.sqlite")
        try TestSupport.write("# notes\n", to: "\(dir)/notes.md")
        let empty = try MotionProcess.run(["list", "--store", "empty.sqlite"], in: dir)
        #expect(empty.status == 64 && empty.stderr.hasPrefix("motion: error: ") && empty.stderr.contains("is not a motion store"))
        #expect(try FileIO.readBytes("\(dir)/empty.sqlite").isEmpty)
        let markdown = try MotionProcess.run(["list", "--store", "notes.md"], in: dir)
        #expect(markdown.status == 64 && markdown.stderr.contains("not a motion store"))
        #expect(try TestSupport.read("\(dir)/notes.md") == "# notes\n")
    }
}
