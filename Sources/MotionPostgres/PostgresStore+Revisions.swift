import MotionKit
import NIOCore
import PostgresNIO

extension PostgresStore {
    static let revisionColumns = "r.motion_id, r.number, r.hash, r.parent, r.author, r.message, r.created_at, r.status, r.kind, r.title, r.words, r.amends"

    public func save(_ motion: Motion, canonical: String, author: String, message: String) throws(StoreError) -> Revision? {
        try transaction("saving \(motion.id)") { connection in
            try connection.run("INSERT INTO motion (id, created_at) VALUES (\(motion.id), \(Timestamp.now())) ON CONFLICT (id) DO NOTHING")
            return try append(connection, motion, canonical: canonical, author: author, message: message)
        }
    }

    public func create(_ motion: Motion, canonical: String, author: String, message: String) throws(StoreError) -> Revision {
        try transaction("saving \(motion.id)") { connection in
            // A racing creator of the same id waits here until the first commits, then finds it taken.
            let inserted = try connection.rows("""
                INSERT INTO motion (id, created_at) VALUES (\(motion.id), \(Timestamp.now())) ON CONFLICT (id) DO NOTHING RETURNING id
                """)
            guard !inserted.isEmpty else { throw StoreError.alreadyStored(motion.id) }
            // A new motion's first text always differs from "the latest" (there is none).
            return try append(connection, motion, canonical: canonical, author: author, message: message)!
        }
    }

    public func createNext(after prefix: String, author: String, message: String,
                           make: (String) throws(StoreError) -> Motion) throws(StoreError) -> Revision {
        try transaction("saving the next \(prefix)") { connection in
            // Writers of one prefix queue on this lock (the two-key form, so it never meets the
            // migrations' one-key lock) until the first commits; each then sees the ids taken.
            try connection.run("SELECT pg_advisory_xact_lock(\(Self.nextIDLock), hashtext(\(prefix)))")
            let taken = try connection.rows("SELECT id FROM motion WHERE starts_with(id, \(prefix))").map { try $0.decode(String.self) }
            var number = RevisionStores.nextNumber(after: prefix, among: taken)
            while true {
                let motion = try make(prefix + String(number))
                guard motion.id == prefix + String(number) else {
                    throw StoreError(.invalidArgument, "the new motion's id is \(motion.id), not \(prefix)\(number)")
                }
                // A plain create of the same id (a `motion save` of a file) takes no lock: step past it.
                let inserted = try connection.rows("""
                    INSERT INTO motion (id, created_at) VALUES (\(motion.id), \(Timestamp.now())) ON CONFLICT (id) DO NOTHING RETURNING id
                    """)
                if inserted.isEmpty { number += 1; continue }
                return try append(connection, motion, canonical: MarkdownWriter.write(motion), author: author, message: message)!
            }
        }
    }

    /// The first key of ``createNext(after:author:message:make:)``'s advisory lock.
    private static let nextIDLock: Int32 = 0x6D6F_7469

    public func derive(_ id: String, author: String, message: (Motion, Motion) -> String,
                       change: (Motion) throws(StoreError) -> Motion?) throws(StoreError) -> Revision? {
        try transaction("saving \(id)") { connection in
            guard try !connection.rows("SELECT 1 FROM motion WHERE id = \(id) FOR UPDATE").isEmpty else {
                throw try missing(connection, id, .latest)
            }
            let latest = try revision(connection, id, .latest)
            let old = try MotionReader.read(try text(connection, of: latest)).motion
            guard let new = try change(old) else { return nil }
            return try append(connection, new, canonical: MarkdownWriter.write(new), author: author, message: message(old, new))
        }
    }

    /// Adds `motion` as the next revision of its motion, whose row exists, unless the latest has
    /// the same text. Writers of one motion queue on its row lock, so each sees the last commit.
    private func append(_ connection: PostgresConnection, _ motion: Motion, canonical: String,
                        author: String, message: String) throws -> Revision? {
        try connection.run("SELECT 1 FROM motion WHERE id = \(motion.id) FOR UPDATE")
        let content = Array(canonical.utf8)
        let hash = SHA256.hex(content)
        let latest = try connection.rows("SELECT number, hash FROM revision WHERE motion_id = \(motion.id) ORDER BY number DESC LIMIT 1")
            .first?.decode((Int, String).self)
        if latest?.1 == hash { return nil }
        // The time is taken under the lock, so times follow revision numbers.
        let time = Timestamp.now()
        if latest == nil { try connection.run("UPDATE motion SET created_at = \(time) WHERE id = \(motion.id)") }
        let revision = Revision(saving: motion, hash: hash, after: latest?.0, author: author, message: message, time: time)
        try putText(connection, content, hash: hash)
        try insert(connection, revision)
        try connection.run("UPDATE motion SET changes = changes + 1 WHERE id = \(motion.id)")
        try notify(connection, motion: motion.id, amends: motion.metadata.amends)
        return revision
    }

    func putText(_ connection: PostgresConnection, _ content: [UInt8], hash: String) throws {
        try connection.run("""
            INSERT INTO text_blob (hash, size, data) VALUES (\(hash), \(content.count), \(ByteBuffer(bytes: content)))
            ON CONFLICT (hash) DO NOTHING
            """)
    }

    /// Writes a revision's record with its checksum, refusing one no save should write.
    func insert(_ connection: PostgresConnection, _ revision: Revision) throws {
        if let problem = revision.fieldProblems.first {
            throw StoreError(.invalidArgument, "\(revision.reference) cannot be saved: \(problem)")
        }
        try connection.run("""
            INSERT INTO revision (motion_id, number, hash, parent, author, message, created_at, status, kind, title, words, amends, checksum)
            VALUES (\(revision.motionID), \(revision.number), \(revision.hash), \(revision.parent), \(revision.author),
                    \(revision.message), \(revision.time), \(revision.status.rawValue), \(revision.kind.rawValue),
                    \(revision.title), \(revision.words), \(revision.amends), \(revision.recordChecksum))
            """)
    }

    public func revision(_ id: String, _ selector: RevisionReference.Selector) throws(StoreError) -> Revision {
        try read("reading \(id)") { connection in try revision(connection, id, selector) }
    }

    func revision(_ connection: PostgresConnection, _ id: String, _ selector: RevisionReference.Selector) throws -> Revision {
        let rows: [PostgresRow] = switch selector {
        case .latest:
            try connection.rows("SELECT \(unescaped: Self.revisionColumns) FROM revision r WHERE motion_id = \(id) ORDER BY number DESC LIMIT 1")
        case .number(let number):
            try connection.rows("SELECT \(unescaped: Self.revisionColumns) FROM revision r WHERE motion_id = \(id) AND number = \(number)")
        case .tag(let name):
            try connection.rows("""
                SELECT \(unescaped: Self.revisionColumns) FROM revision r JOIN tag t ON t.motion_id = r.motion_id AND t.number = r.number
                WHERE r.motion_id = \(id) AND t.name = \(name)
                """)
        }
        guard let row = rows.first else { throw try missing(connection, id, selector) }
        var revision = try Self.revision(from: row)
        revision.tags = try connection.rows("SELECT name FROM tag WHERE motion_id = \(id) AND number = \(revision.number) ORDER BY name")
            .map { try $0.decode(String.self) }
        return revision
    }

    private func missing(_ connection: PostgresConnection, _ id: String, _ selector: RevisionReference.Selector) throws -> StoreError {
        let count = try connection.rows("SELECT max(number)::bigint FROM revision WHERE motion_id = \(id)").first?.decode(Int?.self) ?? nil
        let known = try connection.rows("SELECT id FROM motion ORDER BY id LIMIT 8").map { try $0.decode(String.self) }
        let tags = try connection.rows("SELECT name FROM tag WHERE motion_id = \(id) ORDER BY name").map { try $0.decode(String.self) }
        return StoreError.missing(id, selector, revisions: count, known: known, tags: tags)
    }

    /// A revision from a row of ``revisionColumns``. A status or kind this motion does not know
    /// is an error naming the revision, never a default.
    static func revision(from row: PostgresRow) throws -> Revision {
        let (id, number, hash, parent, author, message, time, statusName, kindName, title, words, amends) =
            try row.decode((String, Int, String, Int?, String, String, String, String, String, String, Int, String?).self)
        let reference = "\(id)@\(number)"
        guard let status = MotionStatus(rawValue: statusName) else {
            throw StoreError(.damaged, "\(reference): its stored status '\(TerminalText.escaped(statusName))' is not one motion knows; run 'motion fsck'")
        }
        guard let kind = MotionKind(rawValue: kindName) else {
            throw StoreError(.damaged, "\(reference): its stored kind '\(TerminalText.escaped(kindName))' is not one motion knows; run 'motion fsck'")
        }
        return Revision(motionID: id, number: number, hash: hash, parent: parent, author: author, message: message, time: time,
                        status: status, kind: kind, title: title, words: words, amends: amends)
    }

    public func text(of revision: Revision) throws(StoreError) -> String {
        try read("reading \(revision.reference)") { connection in try text(connection, of: revision) }
    }

    /// The text of `revision`, checked against its hash: damage is reported, never shown.
    func text(_ connection: PostgresConnection, of revision: Revision) throws -> String {
        guard let buffer = try connection.rows("SELECT data FROM text_blob WHERE hash = \(revision.hash)").first?.decode(ByteBuffer.self) else {
            throw StoreError(.damaged, "\(location): the text of \(revision.reference) is missing; run 'motion fsck'")
        }
        let bytes = Array(buffer.readableBytesView)
        guard SHA256.hex(bytes) == revision.hash else {
            throw StoreError(.damaged, "\(location): the stored text of \(revision.reference) is damaged (it no longer matches its hash); run 'motion fsck'")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func log(_ id: String) throws(StoreError) -> [Revision] {
        try read("reading \(id)") { connection in
            var revisions = try connection.rows("SELECT \(unescaped: Self.revisionColumns) FROM revision r WHERE motion_id = \(id) ORDER BY number DESC")
                .map(Self.revision(from:))
            if revisions.isEmpty { throw try missing(connection, id, .latest) }
            var tags: [Int: [String]] = [:]
            for row in try connection.rows("SELECT number, name FROM tag WHERE motion_id = \(id) ORDER BY name") {
                let (number, name) = try row.decode((Int, String).self)
                tags[number, default: []].append(name)
            }
            for index in revisions.indices { revisions[index].tags = tags[revisions[index].number] ?? [] }
            return revisions
        }
    }

    public func latestRevisions() throws(StoreError) -> [Revision] {
        try read("reading the store") { connection in
            try connection.rows("""
                SELECT DISTINCT ON (r.motion_id) \(unescaped: Self.revisionColumns) FROM revision r ORDER BY r.motion_id, r.number DESC
                """).map(Self.revision(from:))
        }
    }

    public func latestAmendments(to id: String) throws(StoreError) -> [Revision] {
        RevisionStores.inAmendmentOrder(try read("reading the amendments to \(id)") { connection in
            try connection.rows("""
                SELECT \(unescaped: Self.revisionColumns) FROM revision r
                WHERE r.kind = 'amendment' AND (r.amends = \(id) OR starts_with(r.amends, \(id + "@")))
                  AND r.number = (SELECT max(number) FROM revision WHERE motion_id = r.motion_id)
                """).map(Self.revision(from:))
        })
    }

    public func tag(_ revision: Revision, as name: String, force: Bool) throws(StoreError) {
        guard Tag.isValidName(name) else { throw StoreError.badTagName(name) }
        try transaction("tagging \(revision.reference)") { connection in
            guard try !connection.rows("SELECT 1 FROM motion WHERE id = \(revision.motionID) FOR UPDATE").isEmpty else {
                throw try missing(connection, revision.motionID, .latest)
            }
            if let existing = try connection.rows("SELECT number FROM tag WHERE motion_id = \(revision.motionID) AND name = \(name)")
                .first?.decode(Int.self) {
                if existing == revision.number { return }
                guard force else { throw StoreError.tagTaken(revision, name, by: existing) }
            }
            try connection.run("""
                INSERT INTO tag (motion_id, name, number, created_at) VALUES (\(revision.motionID), \(name), \(revision.number), \(Timestamp.now()))
                ON CONFLICT (motion_id, name) DO UPDATE SET number = excluded.number, created_at = excluded.created_at
                """)
            try connection.run("UPDATE motion SET changes = changes + 1 WHERE id = \(revision.motionID)")
            try notify(connection, motion: revision.motionID, amends: revision.amends)
        }
    }
}
