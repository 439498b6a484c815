import GRDB
import Synchronization

/// Blob texts already read in this process, so following delta chains stays cheap when a
/// command reads many revisions of one motion.
final class BlobCache: Sendable {
    private let texts = Mutex<[String: [UInt8]]>([:])

    subscript(hash: String) -> [UInt8]? {
        get { texts.withLock { $0[hash] } }
        set { texts.withLock { $0[hash] = newValue } }
    }
}

extension SQLiteStore {
    /// Longest chain of dictionary-compressed blobs before a keyframe: bounds the work of a read.
    static let maximumDepth = 16

    /// Stores `content` under its hash, compressed against `base` (the parent revision's blob),
    /// or for a new motion against the newest blob in the store, since motions share much of
    /// their wording. Equal content is stored once.
    func putBlob(_ db: Database, content: [UInt8], hash: String, base: String?) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM blob WHERE hash = ?", arguments: [hash]) == true { return }
        let candidate = try base.map { try Row.fetchOne(db, sql: "SELECT id, hash, depth FROM blob WHERE hash = ?", arguments: [$0]) }
            ?? (try Row.fetchOne(db, sql: "SELECT id, hash, depth FROM blob ORDER BY id DESC LIMIT 1"))
        var dictionary: [UInt8]?
        var baseID: Int64?
        var depth = 0
        if let candidate, try candidate.decode(Int.self, forColumn: "depth") < SQLiteStore.maximumDepth {
            dictionary = try blob(db, hash: candidate.decode(forColumn: "hash"))
            baseID = try candidate.decode(forColumn: "id")
            depth = try candidate.decode(Int.self, forColumn: "depth") + 1
        }
        let data = try Deflate.compress(content, dictionary: dictionary)
        try db.execute(sql: "INSERT INTO blob (hash, base, depth, size, data) VALUES (?, ?, ?, ?, ?)",
                       arguments: [hash, baseID, depth, content.count, Data(data)])
        blobs[hash] = content
    }

    /// The content of a blob, following its chain of bases. Not checked against its hash here:
    /// ``text(of:)`` and ``fsck()`` do that.
    func blob(_ db: Database, hash: String) throws -> [UInt8] {
        if let cached = blobs[hash] { return cached }
        // Walk down to a keyframe (or a cached text), then inflate back up.
        var chain: [(hash: String, data: [UInt8], size: Int)] = []
        var row = try Row.fetchOne(db, sql: "SELECT hash, base, size, data FROM blob WHERE hash = ?", arguments: [hash])
        var dictionary: [UInt8]?
        if row == nil {
            throw StoreError(.damaged, "\(path): the text \(hash.prefix(12)) is missing from the store; run 'motion fsck'")
        }
        while let current = row {
            let currentHash: String = try current.decode(forColumn: "hash")
            if let cached = blobs[currentHash] {
                dictionary = cached
                break
            }
            chain.append((currentHash, Array(try current.decode(Data.self, forColumn: "data")), try current.decode(forColumn: "size")))
            guard let base: Int64 = try current.decode(forColumn: "base") else { break }
            guard chain.count <= SQLiteStore.maximumDepth + 1,
                  let next = try Row.fetchOne(db, sql: "SELECT hash, base, size, data FROM blob WHERE id = ?", arguments: [base]) else {
                throw StoreError(.damaged, "\(path): the text \(hash.prefix(12)) has a broken chain of bases; run 'motion fsck'")
            }
            row = next
        }
        for link in chain.reversed() {
            let text: [UInt8]
            do {
                text = try Deflate.decompress(link.data, dictionary: dictionary, expectedSize: link.size)
            } catch {
                throw StoreError(.damaged, "\(path): the stored text \(link.hash.prefix(12)) is damaged (\(error)); run 'motion fsck'")
            }
            blobs[link.hash] = text
            dictionary = text
        }
        return dictionary ?? []
    }
}

import Foundation
