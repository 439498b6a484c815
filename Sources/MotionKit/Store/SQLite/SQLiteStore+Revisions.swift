import GRDB

extension SQLiteStore {
    /// Records `motion` (already in canonical form as `canonical`) as a new revision, unless the
    /// latest revision has the same text. Returns the new revision, or nil when unchanged.
    public func save(_ motion: Motion, canonical: String, author: String, message: String) throws(StoreError) -> Revision? {
        try write { db in try save(db, motion, canonical: canonical, author: author, message: message, time: nil) }
    }

    public func create(_ motion: Motion, canonical: String, author: String, message: String) throws(StoreError) -> Revision {
        try write { db -> Revision in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM motion WHERE id = ?", arguments: [motion.id]) == 0 else {
                throw StoreError.alreadyStored(motion.id)
            }
            // A new motion's first text always differs from "the latest" (there is none).
            return try save(db, motion, canonical: canonical, author: author, message: message, time: nil)!
        }
    }

    public func createNext(after prefix: String, author: String, message: String,
                           make: (String) throws(StoreError) -> Motion) throws(StoreError) -> Revision {
        // The write transaction holds the database's one write lock: no one else can take the id.
        try write { db -> Revision in
            let taken = try String.fetchAll(db, sql: "SELECT id FROM motion WHERE substr(id, 1, length(?1)) = ?1", arguments: [prefix])
            let id = prefix + String(RevisionStores.nextNumber(after: prefix, among: taken))
            let motion = try make(id)
            guard motion.id == id else { throw StoreError(.invalidArgument, "the new motion's id is \(motion.id), not \(id)") }
            return try save(db, motion, canonical: MarkdownWriter.write(motion), author: author, message: message, time: nil)!
        }
    }

    /// Makes a new revision from the latest one, read and written in one transaction, so a save
    /// by someone else cannot land in between and be undone. `change` returns nil for no change.
    public func derive(_ id: String, author: String, message: (Motion, Motion) -> String,
                       change: (Motion) throws(StoreError) -> Motion?) throws(StoreError) -> Revision? {
        try write { db -> Revision? in
            let latest = try revision(db, id, .latest)
            let old = try MotionReader.read(String(decoding: try blob(db, hash: latest.hash), as: UTF8.self)).motion
            guard let new = try change(old) else { return nil }
            return try save(db, new, canonical: MarkdownWriter.write(new), author: author, message: message(old, new), time: nil)
        }
    }

    private func save(_ db: Database, _ motion: Motion, canonical: String, author: String, message: String,
                      time: String?) throws -> Revision? {
        let content = Array(canonical.utf8)
        let hash = SHA256.hex(content)
        // The time is taken under the write lock, so times follow revision numbers.
        let time = time ?? Timestamp.now()
        let latest = try Row.fetchOne(db, sql: "SELECT number, hash FROM revision WHERE motion_id = ? ORDER BY number DESC LIMIT 1",
                                      arguments: [motion.id])
        let latestHash: String? = try latest?.decode(forColumn: "hash")
        let latestNumber: Int? = try latest?.decode(forColumn: "number")
        if latestHash == hash { return nil }
        if latest == nil {
            try db.execute(sql: "INSERT OR IGNORE INTO motion (id, created_at) VALUES (?, ?)", arguments: [motion.id, time])
        }
        try putBlob(db, content: content, hash: hash, base: latestHash)
        let revision = Revision(saving: motion, hash: hash, after: latestNumber, author: author, message: message, time: time)
        try insert(db, revision)
        return revision
    }

    /// Resolves a stored reference to its revision.
    public func revision(_ id: String, _ selector: RevisionReference.Selector) throws(StoreError) -> Revision {
        try read { db in try revision(db, id, selector) }
    }

    func revision(_ db: Database, _ id: String, _ selector: RevisionReference.Selector) throws -> Revision {
        let row: Row?
        switch selector {
        case .latest:
            row = try Row.fetchOne(db, sql: "SELECT \(SQLiteStore.revisionColumns) FROM revision r WHERE motion_id = ? ORDER BY number DESC LIMIT 1", arguments: [id])
        case .number(let number):
            row = try Row.fetchOne(db, sql: "SELECT \(SQLiteStore.revisionColumns) FROM revision r WHERE motion_id = ? AND number = ?", arguments: [id, number])
        case .tag(let name):
            row = try Row.fetchOne(db, sql: """
                SELECT \(SQLiteStore.revisionColumns) FROM revision r JOIN tag t ON t.motion_id = r.motion_id AND t.number = r.number
                WHERE r.motion_id = ? AND t.name = ?
                """, arguments: [id, name])
        }
        guard let row else { throw try missing(db, id, selector) }
        var revision = try SQLiteStore.revision(from: row)
        revision.tags = try String.fetchAll(db, sql: "SELECT name FROM tag WHERE motion_id = ? AND number = ? ORDER BY name",
                                            arguments: [id, revision.number])
        return revision
    }

    /// The error for a reference that resolves to nothing, saying what does exist.
    private func missing(_ db: Database, _ id: String, _ selector: RevisionReference.Selector) throws -> StoreError {
        let count = try Int.fetchOne(db, sql: "SELECT max(number) FROM revision WHERE motion_id = ?", arguments: [id])
        let known = try String.fetchAll(db, sql: "SELECT id FROM motion ORDER BY id LIMIT 8")
        let tags = try String.fetchAll(db, sql: "SELECT name FROM tag WHERE motion_id = ? ORDER BY name", arguments: [id])
        return StoreError.missing(id, selector, revisions: count, known: known, tags: tags)
    }

    /// The canonical Markdown of a revision, checked against its hash: damage is reported, never
    /// shown as if it were the motion.
    public func text(of revision: Revision) throws(StoreError) -> String {
        try read { db in
            let bytes: [UInt8]
            do {
                bytes = try blob(db, hash: revision.hash)
            } catch let error as StoreError where error.reason == .damaged {
                // Name the revision a delegate asked for, not only the text's hash.
                throw StoreError(.damaged, "\(revision.reference): \(error.message)")
            }
            guard SHA256.hex(bytes) == revision.hash else {
                blobs[revision.hash] = nil
                throw StoreError(.damaged, "\(path): the stored text of \(revision.reference) is damaged (it no longer matches its hash); run 'motion fsck'")
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A motion's revisions, newest first, with their tags.
    public func log(_ id: String) throws(StoreError) -> [Revision] {
        try read { db in
            var revisions = try SQLiteStore.revisions(from: Row.fetchAll(
                db, sql: "SELECT \(SQLiteStore.revisionColumns) FROM revision r WHERE motion_id = ? ORDER BY number DESC", arguments: [id]))
            if revisions.isEmpty { throw try missing(db, id, .latest) }
            var tags: [Int: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT number, name FROM tag WHERE motion_id = ? ORDER BY name", arguments: [id]) {
                tags[try row.decode(Int.self, forColumn: "number"), default: []].append(try row.decode(forColumn: "name"))
            }
            for index in revisions.indices { revisions[index].tags = tags[revisions[index].number] ?? [] }
            return revisions
        }
    }

    /// The latest revision of every motion, by id.
    public func latestRevisions() throws(StoreError) -> [Revision] {
        try read { db in
            try SQLiteStore.revisions(from: Row.fetchAll(db, sql: """
                SELECT \(SQLiteStore.revisionColumns) FROM revision r
                WHERE number = (SELECT max(number) FROM revision WHERE motion_id = r.motion_id)
                ORDER BY motion_id
                """))
        }
    }

    /// The latest revision of every amendment whose `amends:` names motion `id` (with or
    /// without a revision), in id order with numbers compared as numbers (a2 before a10).
    public func latestAmendments(to id: String) throws(StoreError) -> [Revision] {
        RevisionStores.inAmendmentOrder(try read { db in
            try SQLiteStore.revisions(from: Row.fetchAll(db, sql: """
                SELECT \(SQLiteStore.revisionColumns) FROM revision r
                WHERE r.kind = 'amendment' AND (r.amends = ?1 OR substr(r.amends, 1, length(?1) + 1) = ?1 || '@')
                  AND number = (SELECT max(number) FROM revision WHERE motion_id = r.motion_id)
                """, arguments: [id]))
        })
    }

    /// Names a revision. Moving an existing tag needs `force`.
    public func tag(_ revision: Revision, as name: String, force: Bool) throws(StoreError) {
        guard Tag.isValidName(name) else {
            throw StoreError.badTagName(name)
        }
        try write { db in
            if let existing = try Int.fetchOne(db, sql: "SELECT number FROM tag WHERE motion_id = ? AND name = ?", arguments: [revision.motionID, name]) {
                if existing == revision.number { return }
                guard force else {
                    throw StoreError.tagTaken(revision, name, by: existing)
                }
            }
            try db.execute(sql: "INSERT OR REPLACE INTO tag (motion_id, name, number, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [revision.motionID, name, revision.number, Timestamp.now()])
        }
    }
}

import Foundation
