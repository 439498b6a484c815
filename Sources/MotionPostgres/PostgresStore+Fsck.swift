import MotionKit
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// Re-hashes every text and checks every revision's record (numbering, parents, the fields
    /// its text decides, its checksum) and every tag, in one snapshot, as the SQLite store does.
    /// PostgreSQL's own check is its page checksums: failures it has counted are reported (a
    /// cluster made without `initdb --data-checksums` counts none).
    public func fsck() throws(StoreError) -> FsckReport {
        var report = FsckReport()
        do throws(StoreError) {
            report = try connections.with("checking the store") { connection, _ in
                try connection.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                defer { _ = try? connection.run("ROLLBACK") }
                var report = FsckReport()
                try check(connection, into: &report)
                return report
            }
        } catch {
            if error.reason == .unavailable { throw error }
            report.integrity.append("PostgreSQL could not read the store: \(error.message)")
        }
        return report
    }

    private func check(_ connection: PostgresConnection, into report: inout FsckReport) throws {
        if let failures = try connection.rows("""
            SELECT checksum_failures::bigint FROM pg_stat_database WHERE datname = current_database()
            """).first?.decode(Int?.self), failures > 0 {
            report.integrity.append("PostgreSQL counted \(failures) page checksum failures in this database; check the server's disk and log")
        }
        var texts: [String: Result<[UInt8], StoreError>] = [:]
        var badTexts: [String: String] = [:]
        for row in try connection.rows("SELECT hash, size, data FROM text_blob ORDER BY hash") {
            let (hash, size, data) = try row.decode((String, Int, ByteBuffer).self)
            let content = Array(data.readableBytesView)
            report.blobsChecked += 1
            let problem: String? = SHA256.hex(content) != hash ? "its text no longer matches its hash"
                : content.count != size ? "its size is recorded as \(size) bytes but it has \(content.count)" : nil
            if let problem {
                badTexts[hash] = problem
                texts[hash] = .failure(StoreError(.damaged, problem))
            } else {
                texts[hash] = .success(content)
            }
        }
        var audit = RevisionAudit()
        for row in try connection.rows("SELECT \(unescaped: Self.revisionColumns), r.checksum FROM revision r ORDER BY r.motion_id, r.number") {
            let checksum = try? row.makeRandomAccess()[12].decode(String.self)
            do {
                let revision = try Self.revision(from: row)
                audit.check(revision, text: texts[revision.hash], checksum: checksum, into: &report)
            } catch {
                let key = try? row.decode((String, Int).self)
                audit.unreadable(id: key?.0, number: key?.1, error as? StoreError ?? StoreError(.damaged, "\(error)"), into: &report)
            }
        }
        let empty = try connection.rows("SELECT id FROM motion m WHERE NOT EXISTS (SELECT 1 FROM revision WHERE motion_id = m.id) ORDER BY id")
            .map { try $0.decode(String.self) }
        audit.finish(badTexts: badTexts, motionsWithoutRevisions: empty, into: &report)
        for row in try connection.rows("""
            SELECT t.motion_id, t.name, t.number FROM tag t
            LEFT JOIN revision r ON r.motion_id = t.motion_id AND r.number = t.number WHERE r.number IS NULL
            """) {
            let (id, name, number) = try row.decode((String, String, Int).self)
            RevisionAudit.danglingTag(id: id, name: name, number: number, into: &report)
        }
    }
}
