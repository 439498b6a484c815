import Foundation

/// A store's whole history as plain files: each revision's Markdown plus a JSON manifest of
/// everything else, so a store can be moved, inspected, or rebuilt by `import-history`.
public enum HistoryArchive {
    public static let manifestName = "manifest.json"
    public static let format = "motion-history"

    public struct Manifest: Codable, Sendable {
        public var format: String
        public var version: Int
        public var motions: [MotionHistory]
    }

    public struct MotionHistory: Codable, Sendable {
        public var id: String
        public var created: String
        public var revisions: [Entry]
        public var tags: [TagEntry]
    }

    public struct Entry: Codable, Sendable {
        public var number: Int
        public var hash: String
        public var parent: Int?
        public var author: String
        public var message: String
        public var time: String
        public var status: MotionStatus
        public var kind: MotionKind
        public var title: String
        public var words: Int
        public var amends: String?
        /// The revision's Markdown, relative to the archive folder.
        public var file: String
    }

    /// A tag as the manifest lists it.
    public typealias TagEntry = ArchivedTag

    /// Writes every motion's history into `directory`, which must be empty or absent. Every
    /// text is read and checked against its hash before the first file is written.
    public static func export(_ store: any RevisionStore, to directory: String) throws -> Manifest {
        if FileIO.isDirectory(directory), !FileIO.listDirectory(directory).isEmpty {
            throw StoreError(.invalidArgument, "\(directory) is not empty; export into a new folder")
        }
        let archive = try store.archive()
        try FileIO.createDirectory(directory)
        var motions: [MotionHistory] = []
        for motion in archive {
            try FileIO.createDirectory("\(directory)/\(motion.id)")
            var entries: [Entry] = []
            for stored in motion.revisions {
                let revision = stored.revision
                let file = "\(motion.id)/\(String(format: "%04d", revision.number)).md"
                try FileIO.writeAtomically(stored.text, to: "\(directory)/\(file)")
                entries.append(Entry(number: revision.number, hash: revision.hash, parent: revision.parent, author: revision.author,
                                     message: revision.message, time: revision.time, status: revision.status, kind: revision.kind,
                                     title: revision.title, words: revision.words, amends: revision.amends, file: file))
            }
            motions.append(MotionHistory(id: motion.id, created: motion.created, revisions: entries,
                                         tags: motion.tags))
        }
        let manifest = Manifest(format: format, version: 1, motions: motions)
        try FileIO.writeAtomically(Array(try MotionJSON.encoder().encode(manifest)) + [0x0A], to: "\(directory)/\(manifestName)")
        return manifest
    }

    /// Rebuilds history from an export into `store`, which must not already hold those motions.
    /// Every file is checked against its hash first; nothing is written unless all of it is good.
    public static func importHistory(from directory: String, into store: any RevisionStore) throws -> Manifest {
        let manifestPath = "\(directory)/\(manifestName)"
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(try FileIO.readBytes(manifestPath)))
        } catch let error as FileError {
            throw StoreError(error.isMissing ? .notFound : .io,
                             "\(manifestPath): \(error.message); is \(directory) a folder written by 'motion export-history'?")
        } catch {
            throw StoreError(.invalidArgument, "\(manifestPath) is not a history manifest: \(error)")
        }
        guard manifest.format == format, manifest.version == 1 else {
            throw StoreError(.invalidArgument, "\(manifestPath) is format \(manifest.format) version \(manifest.version); this motion reads \(format) version 1")
        }
        var texts: [String: [UInt8]] = [:]
        for motion in manifest.motions {
            guard MotionID.isValid(motion.id) else { throw StoreError(.invalidArgument, "\(manifestPath): '\(motion.id)' is not a valid id") }
            for (index, entry) in motion.revisions.enumerated() {
                guard entry.number == index + 1, entry.parent == (index == 0 ? nil : index) else {
                    throw StoreError(.invalidArgument, "\(manifestPath): \(motion.id)@\(entry.number) is out of order; revisions must run 1, 2, 3, ...")
                }
                let path = "\(directory)/\(entry.file)"
                guard !entry.file.contains(".."), !entry.file.hasPrefix("/") else {
                    throw StoreError(.invalidArgument, "\(manifestPath): the file '\(entry.file)' lies outside the export")
                }
                let bytes = try FileIO.readBytes(path)
                guard SHA256.hex(bytes) == entry.hash else {
                    throw StoreError(.damaged, "\(path) does not match its hash in the manifest; the export has been changed or damaged")
                }
                texts[entry.hash] = bytes
            }
        }
        try store.restore(manifest.motions.map { motion in
            ArchivedMotion(id: motion.id, created: motion.created, revisions: motion.revisions.map { entry in
                ArchivedRevision(revision: Revision(motionID: motion.id, number: entry.number, hash: entry.hash, parent: entry.parent,
                                                    author: entry.author, message: entry.message, time: entry.time, status: entry.status,
                                                    kind: entry.kind, title: entry.title, words: entry.words, amends: entry.amends),
                                 text: texts[entry.hash]!)
            }, tags: motion.tags)
        })
        return manifest
    }
}
