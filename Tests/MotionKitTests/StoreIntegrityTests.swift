import Foundation
import GRDB
import Testing
@testable import MotionKit

/// fsck over everything a revision's record holds, on any damage: metadata changed by hand,
/// values of the wrong type, and bytes flipped anywhere in the file.
@Suite struct StoreIntegrityTests {
    /// A store with two motions, two revisions of one, a status change and a tag.
    static func store() throws -> (history: History, store: SQLiteStore) {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        _ = try history.save(path, author: "A", message: "First")
        _ = try TestSupport.writeMotion(history, body: "Changed.")
        let second = try #require(try history.save(path, author: "B", message: "Second"))
        try history.store.tag(second, as: "agreed")
        _ = try history.setStatus("pay", to: .submitted, author: "C", message: "")
        _ = try history.save(try TestSupport.writeMotion(history, id: "other"), author: "A", message: "")
        let store = history.store as! SQLiteStore
        #expect(try store.fsck().isClean)
        return (history, store)
    }

    static func damage(_ sql: String) throws -> FsckReport {
        let (history, store) = try store()
        // As damage or another tool could leave it: past the schema's NOT NULL and foreign keys.
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '') WHERE name IN ('revision', 'blob', 'tag')")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        let raw = try DatabaseQueue(path: history.workspace.storePath)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
        }
        try raw.close()
        return try SQLiteStore.open(at: history.workspace.storePath).fsck()
    }

    @Test(arguments: [
        ("UPDATE revision SET title = 'Forged title' WHERE motion_id = 'pay' AND number = 2", "pay@2", "its title is recorded as 'Forged title'"),
        ("UPDATE revision SET words = 999 WHERE motion_id = 'pay' AND number = 1", "pay@1", "recorded as 999 words"),
        ("UPDATE revision SET words = -4 WHERE motion_id = 'pay' AND number = 1", "pay@1", "recorded as -4 words"),
        ("UPDATE revision SET status = 'carried' WHERE motion_id = 'pay' AND number = 3", "pay@3", "its status is recorded as carried but its text says submitted"),
        ("UPDATE revision SET status = 'bogus' WHERE motion_id = 'pay' AND number = 3", "pay@3", "its stored status 'bogus' is not one motion knows"),
        ("UPDATE revision SET kind = 'amendment' WHERE motion_id = 'other'", "other@1", "its kind is recorded as amendment"),
        ("UPDATE revision SET amends = 'x@1' WHERE motion_id = 'other'", "other@1", "recorded as amending x@1"),
        ("UPDATE revision SET author = 'Mallory' WHERE motion_id = 'pay' AND number = 2", "pay@2", "no longer match its checksum"),
        ("UPDATE revision SET message = 'Rewritten' WHERE motion_id = 'pay' AND number = 1", "pay@1", "no longer match its checksum"),
        ("UPDATE revision SET created_at = '2020-01-01T00:00:00.000Z' WHERE motion_id = 'pay' AND number = 1", "pay@1", "no longer match its checksum"),
        ("UPDATE revision SET created_at = 'yesterday' WHERE motion_id = 'pay' AND number = 1", "pay@1", "its time 'yesterday' is not a time"),
        ("UPDATE revision SET author = char(27) || '[2J' WHERE motion_id = 'pay' AND number = 1", "pay@1", "its author is empty or holds control characters"),
        ("UPDATE revision SET checksum = NULL WHERE motion_id = 'pay' AND number = 1", "pay@1", "its record has no checksum"),
        ("UPDATE revision SET hash = NULL WHERE motion_id = 'pay' AND number = 2", "pay@2", "its text hash is damaged (missing)"),
        ("UPDATE revision SET number = 'two' WHERE motion_id = 'pay' AND number = 2", "pay", "its number is damaged (text where a number belongs)"),
        ("UPDATE revision SET title = x'00ff' WHERE motion_id = 'pay' AND number = 2", "pay@2", "its title is damaged"),
        ("UPDATE blob SET hash = NULL WHERE id = 1", "pay@1", "its text"),
        ("UPDATE blob SET data = NULL WHERE id = 1", "pay@1", "its text is damaged: its hash, size or data is missing"),
        ("UPDATE blob SET base = 99 WHERE id = 2", "pay@2", "its text is damaged: its base text is missing"),
        ("UPDATE blob SET base = 2 WHERE id = 1", "pay@1", "loops"),
        ("UPDATE tag SET number = 7", "pay@agreed", "the tag names revision 7, which does not exist"),
        ("DELETE FROM revision WHERE motion_id = 'other'", "other", "the motion has no revisions"),
    ])
    func fsckNamesEachDamageInWords(sql: String, reference: String, problem: String) throws {
        let report = try Self.damage(sql)
        #expect(!report.isClean)
        #expect(report.damage.contains { $0.reference.hasPrefix(reference) && $0.problem.contains(problem) },
                "\(report.damage.map { "\($0.reference): \($0.problem)" })")
    }

    @Test func aDamagedRecordIsAnErrorWhenReadNotACrashOrADefault() throws {
        let (history, store) = try Self.store()
        try store.queue.write { db in try db.execute(sql: "UPDATE revision SET status = 'bogus', words = 'many' WHERE motion_id = 'pay'") }
        let fresh = try SQLiteStore.open(at: history.workspace.storePath)
        #expect { _ = try fresh.log("pay") } throws: { ($0 as? StoreError)?.reason == .damaged }
        #expect { _ = try fresh.latestRevisions() } throws: { ($0 as? StoreError)?.reason == .damaged }
        #expect { _ = try fresh.archive() } throws: { ($0 as? StoreError)?.reason == .damaged }
        // The other motion still reads.
        #expect(try fresh.log("other").count == 1)
    }

    @Test func saveRefusesAnAuthorThatATerminalWouldObey() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        #expect { _ = try history.save(path, author: "\u{1B}[2J", message: "") } throws: { ($0 as? StoreError)?.reason == .invalidArgument }
        #expect(try history.save(path, author: "Branch Secretary", message: "Line one\nline two") != nil)
    }

    /// A store made before records had checksums gets them, and stays clean.
    @Test func aVersionOneStoreIsMigrated() throws {
        let (history, store) = try Self.store()
        try store.queue.write { db in
            try db.execute(sql: "ALTER TABLE revision DROP COLUMN checksum")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2:%'")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        let migrated = try SQLiteStore.open(at: history.workspace.storePath)
        #expect(try migrated.fsck().isClean)
        #expect(try migrated.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 2)
    }

    /// Bytes flipped at random offsets of a store file, then `motion fsck` and
    /// `motion export-history` through the binary: neither ever crashes; fsck either names a
    /// finding (exit 1, or an error saying the store cannot be read), or says the store is clean,
    /// and then every revision, its text and its record, reads exactly as before the damage.
    @Test func randomCorruptionIsNamedNeverACrash() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save", "-m", "First drafts"], in: root).status == 0)
        for (index, path) in TestSupport.exampleMotionPaths.enumerated() {
            let id = FileIO.baseName(of: path).replacingSuffix(".md")
            _ = try MotionProcess.run(["set-status", id, index == 0 ? "submitted" : "withdrawn"], in: root)
        }
        let original = "\(root)/.motion/store.sqlite"
        let baseline = try Self.exported(store: original)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: original)[.size] as? Int)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: original))
        var random = SplitMix64(seed: 1313)
        var outcomes: [String: Int] = [:]
        for round in 0..<120 {
            var damaged = bytes
            for _ in 0..<(1 + Int(random.next() % 4)) {
                // Half the flips land in the first pages (the schema and the tables' roots).
                let offset = round % 2 == 0 ? Int(random.next() % UInt64(min(size, 8192))) : Int(random.next() % UInt64(size))
                damaged[offset] ^= UInt8(1 + random.next() % 255)
            }
            let copy = try TestSupport.temporaryDirectory() + "/store.sqlite"
            try damaged.write(to: URL(fileURLWithPath: copy))
            let fsck = try MotionProcess.run(["fsck", "--store", copy], in: root)
            #expect(!fsck.crashed && !fsck.stderr.contains("Fatal error"), "round \(round): \(fsck.stderr)")
            switch fsck.status {
            case 0:
                // Clean: the damage touched nothing that holds data.
                #expect(try Self.exported(store: copy) == baseline, "round \(round): fsck called a changed store clean")
                outcomes["clean", default: 0] += 1
            case 1:
                #expect(fsck.stdout.contains(": damaged: ") || fsck.stdout.contains("integrity: "), "round \(round): \(fsck.stdout)")
                outcomes["damage named", default: 0] += 1
            default:
                #expect(fsck.stderr.hasPrefix("motion: error: ") && fsck.stderr.contains(copy), "round \(round): \(fsck.status) \(fsck.stderr)")
                outcomes["refused to open", default: 0] += 1
            }
            let export = try MotionProcess.run(["export-history", "--store", copy, try TestSupport.temporaryDirectory() + "/out"], in: root)
            #expect(!export.crashed && !export.stderr.contains("Fatal error"), "round \(round): \(export.stderr)")
            if fsck.status != 0 { #expect(export.status != 0, "round \(round): export-history wrote a backup of a damaged store") }
        }
        // The flips landed in varied places: some harmless, most found.
        #expect((outcomes["damage named"] ?? 0) > 20, "\(outcomes)")
    }

    /// Every file `export-history` writes, by name, for comparing two stores.
    static func exported(store: String) throws -> [String: Data] {
        let folder = try TestSupport.temporaryDirectory() + "/export"
        let result = try MotionProcess.run(["export-history", "--store", store, folder])
        guard result.status == 0 else { return ["failed": Data(result.stderr.utf8)] }
        var files: [String: Data] = [:]
        for name in FileManager.default.subpaths(atPath: folder) ?? [] where !FileIO.isDirectory("\(folder)/\(name)") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        return files
    }
}
