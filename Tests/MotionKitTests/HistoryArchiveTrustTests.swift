import Foundation
import GRDB
import Testing
@testable import MotionKit

/// The recovery path tells the truth: a damaged store gives no quiet backup, and an export is
/// verified whole before anything of it is imported.
@Suite struct HistoryArchiveTrustTests {
    /// A store with pay@1...3 and other@1, pay@2's text damaged on disk.
    static func damagedStore() throws -> (history: History, second: Revision) {
        let (history, store) = try StoreIntegrityTests.store()
        let second = try store.revision("pay", .number(2))
        try store.queue.write { db in
            var data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM blob WHERE hash = ?", arguments: [second.hash]))
            data[data.count / 2] ^= 0x01
            try db.execute(sql: "UPDATE blob SET data = ? WHERE hash = ?", arguments: [data, second.hash])
        }
        return (History(workspace: history.workspace, store: try SQLiteStore.open(at: history.workspace.storePath)), second)
    }

    @Test func aDamagedStoreIsRefusedAndNothingWritten() throws {
        let (history, _) = try Self.damagedStore()
        let folder = try TestSupport.temporaryDirectory() + "/backup"
        #expect { _ = try HistoryArchive.export(history.store, to: folder) } throws: {
            let message = ($0 as? StoreError)?.message ?? ""
            return ($0 as? StoreError)?.reason == .damaged && message.contains("no backup was written") && message.contains("--salvage")
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func salvageWritesWhatIsIntactAndListsTheRest() throws {
        let (history, _) = try Self.damagedStore()
        let folder = try TestSupport.temporaryDirectory() + "/rescue"
        let outcome = try HistoryArchive.export(history.store, to: folder, salvage: true)
        // pay@3 is stored against pay@2's text, and other@1 (a new motion) against pay@3's, so
        // fsck calls all three damaged; pay@1 is whole.
        #expect(Set(outcome.leftOut.map(\.reference)) == ["pay@2", "pay@3", "other@1"])
        #expect(outcome.manifest.motions.map { "\($0.id):\($0.revisions.count)" } == ["pay:1"])
        // The tag on pay@2 is not carried into a history that stops at pay@1.
        #expect(outcome.manifest.motions.allSatisfy { $0.tags.isEmpty })
        let report = try TestSupport.read("\(folder)/\(HistoryArchive.salvageReportName)")
        #expect(report.contains("pay@2: left out: its text is damaged"))
        // What was salvaged imports, and is clean.
        let target = try SQLiteStore.open(at: try TestSupport.temporaryDirectory() + "/s.sqlite", create: true)
        _ = try HistoryArchive.importHistory(from: folder, into: target)
        #expect(try target.fsck().isClean)
        #expect(try target.log("pay").count == 1)
    }

    @Test func salvageKeepsIntactRevisionsAfterAGapAside() throws {
        let (history, store) = try StoreIntegrityTests.store()
        // Only pay@2's record is damaged (a forged title); its text, and pay@3, are intact.
        try store.queue.write { db in try db.execute(sql: "UPDATE revision SET title = 'Forged' WHERE motion_id = 'pay' AND number = 2") }
        let folder = try TestSupport.temporaryDirectory() + "/rescue"
        let outcome = try HistoryArchive.export(try SQLiteStore.open(at: history.workspace.storePath), to: folder, salvage: true)
        #expect(outcome.leftOut.map(\.reference) == ["pay@2"])
        #expect(outcome.stranded == ["pay@3"])
        #expect(FileManager.default.fileExists(atPath: "\(folder)/pay/stranded/0003.md"))
    }

    /// A good export of the store, to tamper with.
    static func export() throws -> String {
        let (history, _) = try StoreIntegrityTests.store()
        let folder = try TestSupport.temporaryDirectory() + "/export"
        _ = try HistoryArchive.export(history.store, to: folder)
        return folder
    }

    static func editManifest(_ folder: String, _ edit: (inout [String: Any]) -> Void) throws {
        let path = "\(folder)/\(HistoryArchive.manifestName)"
        var manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        edit(&manifest)
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: path))
    }

    static func editRevision(_ folder: String, motion: Int, revision: Int, _ key: String, _ value: Any) throws {
        try editManifest(folder) { manifest in
            var motions = manifest["motions"] as! [[String: Any]]
            var revisions = motions[motion]["revisions"] as! [[String: Any]]
            revisions[revision][key] = value
            motions[motion]["revisions"] = revisions
            manifest["motions"] = motions
        }
    }

    /// Motions are in id order: 0 is other, 1 is pay.
    @Test(arguments: [
        ("words", "-3", "recorded as -3 words"),
        ("title", "\"Another title\"", "its title is recorded as 'Another title'"),
        ("kind", "\"amendment\"", "its kind is recorded as amendment"),
        ("status", "\"carried\"", "its status is recorded as carried"),
        ("time", "\"not a time\"", "its time 'not a time' is not a time"),
        ("author", "\"\\u001b[2JEve\"", "its author is empty or holds control characters"),
        ("parent", "5", "its parent is 5"),
        ("file", "\"../outside.md\"", "lies outside the export"),
        ("file", "\"/etc/passwd\"", "lies outside the export"),
    ])
    func importRefusesAnExportItCannotTrust(key: String, json: String, problem: String) throws {
        let folder = try Self.export()
        try Self.editRevision(folder, motion: 1, revision: 1, key, try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed))
        let target = try SQLiteStore.open(at: try TestSupport.temporaryDirectory() + "/s.sqlite", create: true)
        #expect { _ = try HistoryArchive.importHistory(from: folder, into: target) } throws: {
            (($0 as? StoreError)?.message ?? "").contains(problem)
        }
        #expect(try target.latestRevisions().isEmpty, "nothing is written")
    }

    @Test func importFollowsNoSymbolicLinkOutOfTheExport() throws {
        let folder = try Self.export()
        let outside = try TestSupport.temporaryDirectory()
        // The revision file a link to a copy outside (same bytes, same hash), and a folder that is a link.
        try FileManager.default.moveItem(atPath: "\(folder)/pay/0001.md", toPath: "\(outside)/0001.md")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/pay/0001.md", withDestinationPath: "\(outside)/0001.md")
        try FileManager.default.moveItem(atPath: "\(folder)/other", toPath: "\(outside)/other")
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/other", withDestinationPath: "\(outside)/other")
        let target = try SQLiteStore.open(at: try TestSupport.temporaryDirectory() + "/s.sqlite", create: true)
        #expect { _ = try HistoryArchive.importHistory(from: folder, into: target) } throws: {
            let message = ($0 as? StoreError)?.message ?? ""
            // Both are named, in one run.
            return message.contains("pay@1: pay/0001.md is a symbolic link") && message.contains("other@1: its file 'other/0001.md' lies outside the export")
        }
        #expect(try target.latestRevisions().isEmpty)
    }

    @Test func everyProblemIsListedAtOnce() throws {
        let folder = try Self.export()
        try Self.editRevision(folder, motion: 0, revision: 0, "words", 999)
        try Self.editRevision(folder, motion: 1, revision: 2, "time", "soon")
        let target = try SQLiteStore.open(at: try TestSupport.temporaryDirectory() + "/s.sqlite", create: true)
        #expect { _ = try HistoryArchive.importHistory(from: folder, into: target) } throws: {
            let message = ($0 as? StoreError)?.message ?? ""
            return message.contains("(2 problems)") && message.contains("other@1: it is recorded as 999 words") && message.contains("pay@3: its time 'soon'")
        }
    }

    @Test func theCLIRefusesThenSalvagesAndShowsControlsAsEscapes() throws {
        let root = try StoreCommandTests.workspace()
        let id = StoreCommandTests.lxp
        #expect(try MotionProcess.run(["save", "--author", "Ann", "-m", "First"], in: root).status == 0)
        let store = try SQLiteStore.open(at: "\(root)/.motion/store.sqlite")
        try store.queue.write { db in
            // A forged author with an escape a terminal would obey.
            try db.execute(sql: "UPDATE revision SET author = 'Eve' || char(27) || '[2J' WHERE motion_id = ?", arguments: [id])
        }
        let refused = try MotionProcess.run(["export-history", "backup"], in: root)
        #expect(refused.status == 65 && refused.stderr.contains("no backup was written"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/backup"))
        let salvaged = try MotionProcess.run(["export-history", "--salvage", "rescue"], in: root)
        #expect(salvaged.status == 1 && salvaged.stderr.contains("\(id)@1: left out:"), "\(salvaged.stderr)")
        let log = try MotionProcess.run(["log", id], in: root)
        #expect(log.stdout.contains("Eve\\x1B[2J") && !log.stdout.contains("\u{1B}"), "\(log.stdout)")
        let fsck = try MotionProcess.run(["fsck"], in: root)
        #expect(fsck.status == 1 && !fsck.stdout.contains("\u{1B}") && !fsck.stderr.contains("\u{1B}"))
    }
}
