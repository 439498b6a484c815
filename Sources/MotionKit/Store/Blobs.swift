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

extension Store {
    /// Longest chain of dictionary-compressed blobs before a keyframe: bounds the work of a read.
    static let maximumDepth = 16

    /// Stores `content` under its hash, compressed against `base` (the parent revision's blob)
    /// when there is one. Equal content is stored once.
    func putBlob(_ db: Database, content: [UInt8], hash: String, base: String?) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM blob WHERE hash = ?", arguments: [hash]) == true { return }
        var dictionary: [UInt8]?
        var depth = 0
        if let base, let baseDepth = try Int.fetchOne(db, sql: "SELECT depth FROM blob WHERE hash = ?", arguments: [base]),
           baseDepth < Store.maximumDepth {
            dictionary = try blob(db, hash: base)
            depth = baseDepth + 1
        }
        let data = try Deflate.compress(content, dictionary: dictionary)
        try db.execute(sql: "INSERT INTO blob (hash, base, depth, size, data) VALUES (?, ?, ?, ?, ?)",
                       arguments: [hash, dictionary == nil ? nil : base, depth, content.count, Data(data)])
        blobs[hash] = content
    }

    /// The content of a blob, following its chain of bases.
    func blob(_ db: Database, hash: String) throws -> [UInt8] {
        if let cached = blobs[hash] { return cached }
        // Walk down to a keyframe (or a cached text), then inflate back up.
        var chain: [(hash: String, data: [UInt8], size: Int)] = []
        var current: String? = hash
        var dictionary: [UInt8]?
        while let wanted = current {
            if let cached = blobs[wanted] {
                dictionary = cached
                break
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT base, size, data FROM blob WHERE hash = ?", arguments: [wanted]) else {
                throw StoreError(.damaged, "\(path): the text \(wanted.prefix(12)) is missing from the store; run 'motion fsck'")
            }
            chain.append((wanted, Array(row["data"] as Data), row["size"]))
            current = row["base"]
            if chain.count > Store.maximumDepth + 1 {
                throw StoreError(.damaged, "\(path): the text \(hash.prefix(12)) has a broken chain of bases; run 'motion fsck'")
            }
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
