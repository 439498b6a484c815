import Foundation
import GRDB
import Testing
@testable import MotionKit

/// What only the SQLite store does: texts deflated against their parent's, and damage to its
/// file found by fsck. (What every store promises is in RevisionStoreTests.)
@Suite struct SQLiteStoreTests {
    @Test func equalTextIsStoredOnce() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        _ = try history.save(path, author: "A", message: "")
        _ = try TestSupport.writeMotion(history, body: "Changed.")
        _ = try history.save(path, author: "A", message: "")
        _ = try TestSupport.writeMotion(history)
        _ = try history.save(path, author: "A", message: "")
        let blobs = try (history.store as! SQLiteStore).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM blob") }
        #expect(blobs == 2)
    }

    @Test func longHistoriesStayCompactAndReadable() throws {
        let history = try TestSupport.historyWorkspace()
        let base = try TestSupport.read(TestSupport.exampleMotionPaths[1])
        var motion = try MotionReader.read(base).motion
        var revisions: [Revision] = []
        for edit in 0..<60 {
            motion.sections[0].blocks[0].content.append(.text(" Edit \(edit)."))
            revisions.append(try #require(try history.store.save(motion, canonical: MarkdownWriter.write(motion), author: "A", message: "")))
        }
        let fresh = try SQLiteStore.open(at: history.workspace.storePath)
        for revision in revisions {
            #expect(SHA256.hex(try fresh.text(of: revision)) == revision.hash)
        }
        let stored = try fresh.read { try Int.fetchOne($0, sql: "SELECT sum(length(data)) FROM blob") ?? 0 }
        let raw = try revisions.reduce(0) { $0 + (try fresh.text(of: $1)).utf8.count }
        #expect(stored * 20 < raw, "stored \(stored) bytes for \(raw) bytes of text")
        #expect(try fresh.fsck().isClean)
    }

    @Test func fsckNamesTheRevisionOfAFlippedByte() throws {
        let history = try TestSupport.historyWorkspace()
        let path = try TestSupport.writeMotion(history)
        _ = try history.save(path, author: "A", message: "")
        _ = try TestSupport.writeMotion(history, body: "Changed once.")
        let second = try #require(try history.save(path, author: "A", message: ""))
        _ = try TestSupport.writeMotion(history, body: "Changed twice.")
        _ = try history.save(path, author: "A", message: "")
        #expect(try history.store.fsck().isClean)
        // Flip one byte of revision 2's stored text, as bit rot would.
        try (history.store as! SQLiteStore).queue.write { db in
            var data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM blob WHERE hash = ?", arguments: [second.hash]))
            data[data.count / 2] ^= 0x01
            try db.execute(sql: "UPDATE blob SET data = ? WHERE hash = ?", arguments: [data, second.hash])
        }
        let report = try SQLiteStore.open(at: history.workspace.storePath).fsck()
        #expect(!report.isClean)
        // Revision 3 is stored against revision 2's text, so it is damaged with it.
        #expect(Set(report.damage.map(\.reference)) == ["pay@2", "pay@3"])
        // Reading it is an error that says so, never other text shown as the motion.
        let reopened = try SQLiteStore.open(at: history.workspace.storePath)
        #expect { _ = try reopened.text(of: second) } throws: { ($0 as? StoreError)?.reason == .damaged }
    }
}
