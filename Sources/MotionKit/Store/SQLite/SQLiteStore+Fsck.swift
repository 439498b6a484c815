import GRDB

extension SQLiteStore {
    /// Runs SQLite's integrity check, re-hashes every blob, and checks parent links, numbering
    /// and tags. Reads everything afresh, bypassing this process's cache.
    public func fsck() throws(StoreError) -> FsckReport {
        try read { db in
            var report = FsckReport()
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { report.integrity = integrity }

            // Blobs: each one's full text must hash to its name.
            var badBlobs: [String: String] = [:]
            var texts: [String: [UInt8]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.hash, base.hash AS base_hash, b.base, b.size, b.data FROM blob b
                LEFT JOIN blob base ON base.id = b.base ORDER BY b.depth, b.id
                """)
            report.blobsChecked = rows.count
            for row in rows {
                let hash: String = row["hash"]
                let base: String? = row["base_hash"]
                do {
                    var dictionary: [UInt8]?
                    if row["base"] as Int64? != nil, base == nil {
                        throw StoreError(.damaged, "its base text is missing")
                    }
                    if let base {
                        guard let baseText = texts[base] else {
                            throw StoreError(.damaged, badBlobs[base] != nil ? "its base text is damaged" : "its base text is missing")
                        }
                        dictionary = baseText
                    }
                    let text = try Deflate.decompress(Array(row["data"] as Data), dictionary: dictionary, expectedSize: row["size"])
                    guard SHA256.hex(text) == hash else { throw StoreError(.damaged, "its text no longer matches its hash") }
                    texts[hash] = text
                } catch {
                    badBlobs[hash] = "\(error)"
                }
            }

            // Revisions: a stored text, numbers 1...n without gaps, each parent the one before.
            var expectedNumber: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT motion_id, number, hash, parent, status, kind FROM revision ORDER BY motion_id, number") {
                report.revisionsChecked += 1
                let id: String = row["motion_id"]
                let number: Int = row["number"]
                let reference = "\(id)@\(number)"
                let expected = (expectedNumber[id] ?? 0) + 1
                if number != expected {
                    report.damage.append(.init(reference: reference, problem: "numbering jumps from \(expected - 1) to \(number)"))
                }
                expectedNumber[id] = number
                let parent: Int? = row["parent"]
                if parent != (number == 1 ? nil : number - 1) {
                    report.damage.append(.init(reference: reference, problem: "its parent is \(parent.map(String.init) ?? "none"), not \(number == 1 ? "none" : String(number - 1))"))
                }
                let hash: String = row["hash"]
                if let problem = badBlobs[hash] {
                    report.damage.append(.init(reference: reference, problem: "its text is damaged: \(problem)"))
                } else if texts[hash] == nil {
                    report.damage.append(.init(reference: reference, problem: "its text \(hash.prefix(12)) is missing"))
                }
                if MotionStatus(rawValue: row["status"]) == nil || MotionKind(rawValue: row["kind"]) == nil {
                    report.damage.append(.init(reference: reference, problem: "its status or kind is not one motion knows"))
                }
            }
            let used = Set(try String.fetchAll(db, sql: "SELECT DISTINCT hash FROM revision"))
            for (hash, problem) in badBlobs where !used.contains(hash) {
                report.damage.append(.init(reference: String(hash.prefix(12)), problem: "an unused text is damaged: \(problem)"))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT t.motion_id, t.name, t.number FROM tag t
                LEFT JOIN revision r ON r.motion_id = t.motion_id AND r.number = t.number WHERE r.number IS NULL
                """) {
                report.damage.append(.init(reference: "\(row["motion_id"] as String)@\(row["name"] as String)",
                                           problem: "the tag names revision \(row["number"] as Int), which does not exist"))
            }
            return report
        }
    }
}

import Foundation
