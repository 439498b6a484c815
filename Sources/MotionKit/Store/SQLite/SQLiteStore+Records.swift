import Foundation
import GRDB

/// Reading a row without trusting it: GRDB's plain subscripts stop the process on a NULL or a
/// value of the wrong type, which a damaged or hand-edited store can hold in any column.
extension Row {
    /// The value of column `index`, or a damage error naming `field` of `record`.
    func checked<T: DatabaseValueConvertible>(_ index: Int, _ field: String, of record: @autoclosure () -> String) throws(StoreError) -> T {
        guard let value = T.fromDatabaseValue(self[index] as DatabaseValue) else {
            throw StoreError(.damaged, "\(record()): its \(field) is damaged (\(describe(self[index] as DatabaseValue))); run 'motion fsck'")
        }
        return value
    }

    /// Like ``checked(_:_:of:)`` for a column that may be NULL.
    func checkedOptional<T: DatabaseValueConvertible>(_ index: Int, _ field: String, of record: @autoclosure () -> String) throws(StoreError) -> T? {
        let stored = self[index] as DatabaseValue
        if stored.isNull { return nil }
        guard let value = T.fromDatabaseValue(stored) else {
            throw StoreError(.damaged, "\(record()): its \(field) is damaged (\(describe(stored))); run 'motion fsck'")
        }
        return value
    }

    private func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "missing"
        case .int64: "a number where text belongs"
        case .double: "a fraction"
        case .string: "text where a number belongs"
        case .blob: "bytes where text belongs"
        }
    }
}

extension SQLiteStore {
    /// The columns of a revision, qualified so they can be joined (`FROM revision r`).
    static let revisionColumns = "r.motion_id, r.number, r.hash, r.parent, r.author, r.message, r.created_at, r.status, r.kind, r.title, r.words, r.amends"
    static let insertColumns = "motion_id, number, hash, parent, author, message, created_at, status, kind, title, words, amends, checksum"

    /// A revision from a row of ``revisionColumns``, read by position (GRDB's by-name lookup
    /// lower-cases every name, which was a tenth of `motion log` on a long history). A damaged
    /// field, or a status or kind this motion does not know, is an error naming the revision,
    /// never a default.
    static func revision(from row: Row) throws(StoreError) -> Revision {
        let id: String = try row.checked(0, "motion id", of: "a revision")
        let number: Int = try row.checked(1, "number", of: "a revision of \(id)")
        let reference = "\(id)@\(number)"
        let statusName: String = try row.checked(7, "status", of: reference)
        let kindName: String = try row.checked(8, "kind", of: reference)
        guard let status = MotionStatus(rawValue: statusName) else {
            throw StoreError(.damaged, "\(reference): its stored status '\(TerminalText.escaped(statusName))' is not one motion knows; run 'motion fsck'")
        }
        guard let kind = MotionKind(rawValue: kindName) else {
            throw StoreError(.damaged, "\(reference): its stored kind '\(TerminalText.escaped(kindName))' is not one motion knows; run 'motion fsck'")
        }
        return Revision(motionID: id, number: number, hash: try row.checked(2, "text hash", of: reference),
                        parent: try row.checkedOptional(3, "parent", of: reference), author: try row.checked(4, "author", of: reference),
                        message: try row.checked(5, "message", of: reference), time: try row.checked(6, "time", of: reference),
                        status: status, kind: kind, title: try row.checked(9, "title", of: reference),
                        words: try row.checked(10, "word count", of: reference), amends: try row.checkedOptional(11, "amends", of: reference))
    }

    static func revisions(from rows: [Row]) throws(StoreError) -> [Revision] {
        var revisions: [Revision] = []
        revisions.reserveCapacity(rows.count)
        for row in rows { revisions.append(try revision(from: row)) }
        return revisions
    }

    /// Writes a revision's record with its checksum. A record no save should write (a time that
    /// is not a time, control characters in the author) is refused, so fsck never calls a
    /// freshly saved revision damaged.
    func insert(_ db: Database, _ revision: Revision) throws {
        if let problem = revision.fieldProblems.first {
            throw StoreError(.invalidArgument, "\(revision.reference) cannot be saved: \(problem)")
        }
        try db.execute(sql: "INSERT INTO revision (\(SQLiteStore.insertColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [revision.motionID, revision.number, revision.hash, revision.parent, revision.author,
                                   revision.message, revision.time, revision.status.rawValue, revision.kind.rawValue,
                                   revision.title, revision.words, revision.amends, revision.recordChecksum])
    }
}
