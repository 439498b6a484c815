import Foundation
import GRDB

extension SQLiteStore {
    /// Runs SQLite's integrity check, re-hashes every text, and checks every revision's record:
    /// numbering and parents, the fields its text decides, a checksum over the rest, and tags.
    /// Reads everything afresh, bypassing this process's cache, and trusts no value's type: any
    /// damage becomes a finding in words, never a stop.
    public func fsck() throws(StoreError) -> FsckReport {
        var report = FsckReport()
        do {
            try queue.read { db in
                var check = StoreCheck(db: db, path: path)
                check.run(into: &report)
            }
        } catch {
            report.integrity.append("SQLite could not read the store: \(StoreError(mapping: error, path: path, doing: "checking the store").message)")
        }
        return report
    }
}

/// One fsck over an open database; each part reports what it cannot read and goes on.
private struct StoreCheck {
    let db: Database
    let path: String
    /// Texts by hash, and why each text that could not be had is damaged.
    var texts: [String: [UInt8]] = [:]
    var badTexts: [String: String] = [:]

    init(db: Database, path: String) {
        self.db = db
        self.path = path
    }

    mutating func run(into report: inout FsckReport) {
        let db = db, path = path
        func attempt(_ part: String, _ body: (inout FsckReport) throws -> Void) {
            do {
                try body(&report)
            } catch {
                let message = (error as? StoreError)?.message ?? StoreError(mapping: error, path: path, doing: "reading \(part)").message
                report.integrity.append("could not read \(part): \(message)")
            }
        }
        attempt("its integrity check") { report in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { report.integrity += integrity.map { "SQLite's integrity check: \($0)" } }
        }
        attempt("its texts") { report in try checkTexts(&report) }
        attempt("its revisions") { report in try checkRevisions(&report) }
        attempt("its tags") { report in try checkTags(&report) }
    }

    private struct StoredText {
        var hash: String?
        var base: Int64?
        var size: Int?
        var data: Data?
    }

    /// Every stored text must inflate (following its chain of bases) and hash to its name.
    private mutating func checkTexts(_ report: inout FsckReport) throws {
        var stored: [Int64: StoredText] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, hash, base, size, data FROM blob") {
            guard let id = Int64.fromDatabaseValue(row[0]) else { continue }
            stored[id] = StoredText(hash: String.fromDatabaseValue(row[1]), base: Int64.fromDatabaseValue(row[2]),
                                    size: Int.fromDatabaseValue(row[3]), data: Data.fromDatabaseValue(row[4]))
        }
        report.blobsChecked = stored.count
        var resolved: [Int64: Result<[UInt8], StoreError>] = [:]
        func text(_ id: Int64, depth: Int) -> Result<[UInt8], StoreError> {
            if let known = resolved[id] { return known }
            let result: Result<[UInt8], StoreError>
            if let entry = stored[id] {
                result = Result { () throws(StoreError) -> [UInt8] in
                    guard let hash = entry.hash, let size = entry.size, let data = entry.data else {
                        throw StoreError(.damaged, "its hash, size or data is missing or of the wrong type")
                    }
                    var dictionary: [UInt8]?
                    if let base = entry.base {
                        guard depth <= SQLiteStore.maximumDepth else { throw StoreError(.damaged, "its chain of base texts is too long or loops") }
                        switch text(base, depth: depth + 1) {
                        case .success(let baseText): dictionary = baseText
                        case .failure(let error):
                            throw StoreError(.damaged, stored[base] == nil ? "its base text is missing" : "its base text is damaged (\(error.message))")
                        }
                    }
                    let content: [UInt8]
                    do { content = try Deflate.decompress(Array(data), dictionary: dictionary, expectedSize: size) } catch {
                        throw StoreError(.damaged, "it no longer inflates (\(error))")
                    }
                    guard SHA256.hex(content) == hash else { throw StoreError(.damaged, "its text no longer matches its hash") }
                    return content
                }
            } else {
                result = .failure(StoreError(.damaged, "it is missing"))
            }
            resolved[id] = result
            return result
        }
        for (id, entry) in stored.sorted(by: { $0.key < $1.key }) {
            let name = entry.hash ?? "stored text #\(id)"
            switch text(id, depth: 0) {
            case .success(let content): texts[name] = content
            case .failure(let error): badTexts[name] = error.message
            }
        }
    }

    /// Every revision: a readable record, numbers 1...n, a stored text, the fields its text
    /// decides, sane values, and its checksum over the rest.
    private mutating func checkRevisions(_ report: inout FsckReport) throws {
        var audit = RevisionAudit()
        // A store from before checksums, opened read-only, is not migrated yet: it has none to check.
        let hasChecksums = try db.columns(in: "revision").contains { $0.name == "checksum" }
        let rows = try Row.fetchAll(db, sql: "SELECT \(SQLiteStore.revisionColumns), \(hasChecksums ? "r.checksum" : "NULL") FROM revision r ORDER BY r.motion_id, r.number")
        for row in rows {
            let revision: Revision
            do {
                revision = try SQLiteStore.revision(from: row)
            } catch {
                audit.unreadable(id: String.fromDatabaseValue(row[0]), number: Int.fromDatabaseValue(row[1]), error, into: &report)
                continue
            }
            let text: Result<[UInt8], StoreError>? = badTexts[revision.hash].map { .failure(StoreError(.damaged, $0)) }
                ?? texts[revision.hash].map { .success($0) }
            audit.check(revision, text: text, checksum: String.fromDatabaseValue(row[12]), checksumKnown: hasChecksums, into: &report)
        }
        audit.finish(badTexts: badTexts, motionsWithoutRevisions: try String.fetchAll(db, sql: "SELECT id FROM motion WHERE id NOT IN (SELECT motion_id FROM revision)"),
                     into: &report)
    }

    /// Every tag names a revision that exists.
    private func checkTags(_ report: inout FsckReport) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT t.motion_id, t.name, t.number FROM tag t
            LEFT JOIN revision r ON r.motion_id = t.motion_id AND r.number = t.number WHERE r.number IS NULL
            """) {
            RevisionAudit.danglingTag(id: String.fromDatabaseValue(row[0]), name: String.fromDatabaseValue(row[1]),
                                      number: Int.fromDatabaseValue(row[2]), into: &report)
        }
    }
}
