import GRDB

extension SQLiteStore {
    public func archive(leavingOut damaged: Set<String>?) throws(StoreError) -> [ArchivedMotion] {
        try read { db in
            var motions: [ArchivedMotion] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, created_at FROM motion ORDER BY id") {
                guard let id = String.fromDatabaseValue(row[0]), let created = String.fromDatabaseValue(row[1]) else {
                    if damaged != nil { continue }
                    throw StoreError(.damaged, "\(path): a motion's record is damaged; run 'motion fsck'")
                }
                var revisions: [ArchivedRevision] = []
                for revisionRow in try Row.fetchAll(db, sql: "SELECT \(SQLiteStore.revisionColumns) FROM revision r WHERE motion_id = ? ORDER BY number", arguments: [id]) {
                    do {
                        let revision = try SQLiteStore.revision(from: revisionRow)
                        if damaged?.contains(revision.reference) == true { continue }
                        let text = try blob(db, hash: revision.hash)
                        // A damaged text is reported now, not found later by whoever reads the archive.
                        guard SHA256.hex(text) == revision.hash else {
                            throw StoreError(.damaged, "\(path): the stored text of \(revision.reference) is damaged; run 'motion fsck' before exporting")
                        }
                        revisions.append(ArchivedRevision(revision: revision, text: text))
                    } catch where damaged != nil && (error is RowDecodingError || (error as? StoreError)?.reason == .damaged) {
                        continue
                    }
                }
                let tags = try Row.fetchAll(db, sql: "SELECT name, number, created_at FROM tag WHERE motion_id = ? ORDER BY name", arguments: [id])
                    .compactMap { tag -> ArchivedTag? in
                        guard let name = String.fromDatabaseValue(tag[0]), let number = Int.fromDatabaseValue(tag[1]),
                              let time = String.fromDatabaseValue(tag[2]) else {
                            if damaged != nil { return nil }
                            throw StoreError(.damaged, "\(path): a tag of \(id) is damaged; run 'motion fsck'")
                        }
                        return ArchivedTag(name: name, number: number, time: time)
                    }
                if damaged != nil, revisions.isEmpty { continue }
                motions.append(ArchivedMotion(id: id, created: created, revisions: revisions, tags: tags))
            }
            return motions
        }
    }

    public func restore(_ motions: [ArchivedMotion]) throws(StoreError) {
        try write { db in
            for motion in motions {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM motion WHERE id = ?", arguments: [motion.id]) == true {
                    throw StoreError.restoreClash(motion.id)
                }
                try db.execute(sql: "INSERT INTO motion (id, created_at) VALUES (?, ?)", arguments: [motion.id, motion.created])
                var previous: String?
                for entry in motion.revisions {
                    try putBlob(db, content: entry.text, hash: entry.revision.hash, base: previous)
                    previous = entry.revision.hash
                    try insert(db, entry.revision)
                }
                for tag in motion.tags {
                    try db.execute(sql: "INSERT INTO tag (motion_id, name, number, created_at) VALUES (?, ?, ?, ?)",
                                   arguments: [motion.id, tag.name, tag.number, tag.time])
                }
            }
        }
    }
}
