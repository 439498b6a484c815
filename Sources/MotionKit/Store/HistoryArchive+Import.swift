import Foundation

extension HistoryArchive {
    /// Rebuilds history from an export into `store`, which must not already hold those motions.
    /// The export is untrusted: every revision is verified before anything is written (its file
    /// a regular file inside the export, its text matching its hash and read as a motion with
    /// the id, title, kind, status, words and amends the manifest gives, numbers and parents
    /// running 1, 2, 3, ..., times that are times, no control characters), and every problem
    /// found is reported at once.
    public static func importHistory(from directory: String, into store: any RevisionStore) throws -> Manifest {
        let manifestPath = "\(directory)/\(manifestName)"
        let manifest: Manifest
        do {
            let bytes = try FileIO.readBytes(manifestPath, limit: 256 * 1024 * 1024, followingLinks: false)
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
        } catch let error as FileError {
            throw StoreError(error.isMissing ? .notFound : .io,
                             "\(manifestPath): \(error.message); is \(directory) a folder written by 'motion export-history'?")
        } catch {
            throw StoreError(.invalidArgument, "\(manifestPath) is not a history manifest: \(error)")
        }
        guard manifest.format == format, manifest.version == 1 else {
            throw StoreError(.invalidArgument, "\(manifestPath) is format \(TerminalText.escaped(manifest.format)) version \(manifest.version); this motion reads \(format) version 1")
        }
        var verifier = ImportVerifier(root: FileIO.realPath(directory), directory: directory)
        let motions = manifest.motions.map { verifier.verify($0) }
        if !verifier.problems.isEmpty {
            let shown = verifier.problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
            let more = verifier.problems.count > 20 ? "\n  ... and \(verifier.problems.count - 20) more" : ""
            throw StoreError(.damaged, "\(manifestPath): the export cannot be trusted, so nothing was imported (\(verifier.problems.count) problems):\n\(shown)\(more)")
        }
        try store.restore(motions)
        return manifest
    }
}

/// Checks one export's motions, collecting every problem rather than stopping at the first.
private struct ImportVerifier {
    let root: String
    let directory: String
    var problems: [String] = []
    var seen = Set<String>()

    init(root: String, directory: String) {
        self.root = root
        self.directory = directory
    }

    mutating func verify(_ motion: HistoryArchive.MotionHistory) -> ArchivedMotion {
        let id = TerminalText.escaped(motion.id)
        if !MotionID.isValid(motion.id) { problems.append("'\(id)' is not a valid motion id") }
        if !seen.insert(motion.id).inserted { problems.append("\(id) is listed twice") }
        if !Timestamp.isValid(motion.created) { problems.append("\(id): its created time '\(TerminalText.escaped(motion.created))' is not a time") }
        if motion.revisions.isEmpty { problems.append("\(id) has no revisions") }
        var revisions: [ArchivedRevision] = []
        for (index, entry) in motion.revisions.enumerated() {
            let revision = Revision(motionID: motion.id, number: entry.number, hash: entry.hash, parent: entry.parent,
                                    author: entry.author, message: entry.message, time: entry.time, status: entry.status,
                                    kind: entry.kind, title: entry.title, words: entry.words, amends: entry.amends)
            let reference = "\(id)@\(entry.number)"
            if entry.number != index + 1 { problems.append("\(reference) is out of order; revisions must run 1, 2, 3, ...") }
            problems += revision.fieldProblems.map { "\(reference): \($0)" }
            guard let text = read(entry.file, for: reference, hash: entry.hash) else { continue }
            switch Result(catching: { try MotionReader.read(String(decoding: text, as: UTF8.self)).motion }) {
            case .success(let read):
                if read.id != motion.id { problems.append("\(reference): its text is motion '\(TerminalText.escaped(read.id))'") }
                problems += revision.mismatches(with: read).map { "\(reference): \(TerminalText.escaped($0))" }
            case .failure(let error):
                problems.append("\(reference): its text cannot be read as a motion (\(error))")
            }
            revisions.append(ArchivedRevision(revision: revision, text: text))
        }
        for tag in motion.tags {
            if !Tag.isValidName(tag.name) { problems.append("\(id): '\(TerminalText.escaped(tag.name))' is not a tag name") }
            if !(1...max(motion.revisions.count, 1)).contains(tag.number) || motion.revisions.isEmpty {
                problems.append("\(id)@\(TerminalText.escaped(tag.name)) names revision \(tag.number), which the export does not have")
            }
            if !Timestamp.isValid(tag.time) { problems.append("\(id)@\(TerminalText.escaped(tag.name)): its time is not a time") }
        }
        return ArchivedMotion(id: motion.id, created: motion.created, revisions: revisions, tags: motion.tags)
    }

    /// The bytes of a revision's file: a regular file inside the export (no link out of it, no
    /// '..'), matching its hash.
    private mutating func read(_ file: String, for reference: String, hash: String) -> [UInt8]? {
        let path = "\(directory)/\(file)"
        let shown = TerminalText.escaped(file)
        guard !file.isEmpty, !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
            problems.append("\(reference): its file '\(shown)' lies outside the export")
            return nil
        }
        // A folder on the way may be a link out of the export: the file's real place must be inside.
        guard FileIO.realPath(FileIO.parentDirectory(of: path)).hasPrefix(root + "/") || FileIO.realPath(FileIO.parentDirectory(of: path)) == root else {
            problems.append("\(reference): its file '\(shown)' lies outside the export (through a symbolic link)")
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readBytes(path, limit: SourceText.maximumBytes + 1, followingLinks: false)
        } catch {
            problems.append("\(reference): \(shown) \(error.message)")
            return nil
        }
        guard bytes.count <= SourceText.maximumBytes else {
            problems.append("\(reference): \(shown) is larger than a motion can be")
            return nil
        }
        guard SHA256.hex(bytes) == hash else {
            problems.append("\(reference): \(shown) does not match its hash in the manifest; the export has been changed or damaged")
            return nil
        }
        return bytes
    }
}
