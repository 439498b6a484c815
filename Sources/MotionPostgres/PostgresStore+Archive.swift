import MotionKit
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Every motion's history in one consistent snapshot (a read-only REPEATABLE READ
    /// transaction), each text checked against its hash. Accounts are never part of it.
    public func archive(leavingOut damaged: Set<String>?) throws(StoreError) -> [ArchivedMotion] {
        let location = self.location
        return try connections.with("exporting the store") { connection, _ in
            try connection.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { _ = try? connection.run("ROLLBACK") }
            var texts: [String: [UInt8]] = [:]
            for row in try connection.rows("SELECT hash, data FROM text_blob") {
                let (hash, data) = try row.decode((String, ByteBuffer).self)
                texts[hash] = Array(data.readableBytesView)
            }
            var tags: [String: [ArchivedTag]] = [:]
            for row in try connection.rows("SELECT motion_id, name, number, created_at FROM tag ORDER BY motion_id, name") {
                let (id, name, number, time) = try row.decode((String, String, Int, String).self)
                tags[id, default: []].append(ArchivedTag(name: name, number: number, time: time))
            }
            var revisions: [String: [ArchivedRevision]] = [:]
            for row in try connection.rows("SELECT \(unescaped: Self.revisionColumns) FROM revision r ORDER BY r.motion_id, r.number") {
                do {
                    let revision = try Self.revision(from: row)
                    if damaged?.contains(revision.reference) == true { continue }
                    guard let text = texts[revision.hash], SHA256.hex(text) == revision.hash else {
                        throw StoreError(.damaged, "\(location): the stored text of \(revision.reference) is damaged; run 'motion fsck' before exporting")
                    }
                    revisions[revision.motionID, default: []].append(ArchivedRevision(revision: revision, text: text))
                } catch where damaged != nil {
                    continue
                }
            }
            var motions: [ArchivedMotion] = []
            for row in try connection.rows("SELECT id, created_at FROM motion ORDER BY id") {
                let (id, created) = try row.decode((String, String).self)
                let history = revisions[id] ?? []
                if damaged != nil, history.isEmpty { continue }
                motions.append(ArchivedMotion(id: id, created: created, revisions: history, tags: tags[id] ?? []))
            }
            return motions
        }
    }

    /// Adds whole histories in one transaction, refusing (and writing nothing) when any motion
    /// is there already. Motions are taken in id order, so two restores cannot deadlock.
    public func restore(_ motions: [ArchivedMotion]) throws(StoreError) {
        try transaction("importing into the store") { connection in
            for motion in motions.sorted(by: { $0.id < $1.id }) {
                let inserted = try connection.rows("""
                    INSERT INTO motion (id, created_at, changes) VALUES (\(motion.id), \(motion.created), \(motion.revisions.count + motion.tags.count))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """)
                guard !inserted.isEmpty else { throw StoreError.restoreClash(motion.id) }
                for entry in motion.revisions {
                    try putText(connection, entry.text, hash: entry.revision.hash)
                    try insert(connection, entry.revision)
                }
                for tag in motion.tags {
                    try connection.run("""
                        INSERT INTO tag (motion_id, name, number, created_at) VALUES (\(motion.id), \(tag.name), \(tag.number), \(tag.time))
                        """)
                }
            }
            try notify(connection, motion: nil, amends: nil)
        }
    }
}
