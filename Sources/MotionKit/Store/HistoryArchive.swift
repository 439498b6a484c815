import Foundation

/// A store's whole history as plain files: each revision's Markdown plus a JSON manifest of
/// everything else, so a store can be moved, inspected, or rebuilt by `import-history`.
public enum HistoryArchive {
    public static let manifestName = "manifest.json"
    /// What `--salvage` could not write as history, in words, beside the manifest.
    public static let salvageReportName = "salvage-report.txt"
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

    /// What an export wrote, and with `--salvage` what it could not.
    public struct ExportOutcome: Sendable {
        public var manifest: Manifest
        /// Each damaged revision left out of the history, as fsck names it.
        public var leftOut: [FsckReport.Damage] = []
        /// Intact revisions after a damaged one: their texts are written under `ID/stranded/`
        /// to recover by hand, but they are no part of the history (it must run 1, 2, 3, ...).
        public var stranded: [String] = []
    }

    /// Writes every motion's history into `directory`, which must be empty or absent. The store
    /// is checked first (as `motion fsck` does): a damaged store is refused, nothing written,
    /// unless `salvage`, which writes each motion's history up to its first damaged revision and
    /// lists the rest in the outcome and in salvage-report.txt.
    public static func export(_ store: any RevisionStore, to directory: String, salvage: Bool = false) throws -> ExportOutcome {
        if FileIO.isDirectory(directory), !FileIO.listDirectory(directory).isEmpty {
            throw StoreError(.invalidArgument, "\(directory) is not empty; export into a new folder")
        }
        let report = try store.fsck()
        if !report.isClean, !salvage {
            let problems = report.integrity + report.damage.map { "\($0.reference): \($0.problem)" }
            throw StoreError(.damaged, "the store is damaged, so no backup was written (\(problems.count) problems; the first: \(problems[0])). "
                + "Run 'motion fsck' for the list; 'motion export-history --salvage \(directory)' writes what is intact")
        }
        let damaged = Set(report.damage.map(\.reference))
        let archive = try store.archive(leavingOut: report.isClean ? nil : damaged)
        var outcome = ExportOutcome(manifest: Manifest(format: format, version: 1, motions: []))
        outcome.leftOut = report.damage
        try FileIO.createDirectory(directory)
        for motion in archive {
            try FileIO.createDirectory("\(directory)/\(motion.id)")
            var entries: [Entry] = []
            for stored in motion.revisions {
                let revision = stored.revision
                let name = String(format: "%04d", revision.number) + ".md"
                // History runs 1, 2, 3, ...: what comes after a gap is kept aside, not imported.
                guard revision.number == entries.count + 1 else {
                    try FileIO.createDirectory("\(directory)/\(motion.id)/stranded")
                    try FileIO.writeAtomically(stored.text, to: "\(directory)/\(motion.id)/stranded/\(name)")
                    outcome.stranded.append(revision.reference)
                    continue
                }
                let file = "\(motion.id)/\(name)"
                try FileIO.writeAtomically(stored.text, to: "\(directory)/\(file)")
                entries.append(Entry(number: revision.number, hash: revision.hash, parent: revision.parent, author: revision.author,
                                     message: revision.message, time: revision.time, status: revision.status, kind: revision.kind,
                                     title: revision.title, words: revision.words, amends: revision.amends, file: file))
            }
            guard !entries.isEmpty else { continue }
            outcome.manifest.motions.append(MotionHistory(id: motion.id, created: motion.created, revisions: entries,
                                                          tags: motion.tags.filter { $0.number <= entries.count }))
        }
        try FileIO.writeAtomically(Array(try MotionJSON.encoder().encode(outcome.manifest)) + [0x0A], to: "\(directory)/\(manifestName)")
        if !report.isClean {
            var text = "motion export-history --salvage: what is not in this backup's history\n\n"
            for line in report.integrity { text += "store: \(line)\n" }
            for damage in report.damage { text += "\(damage.reference): left out: \(damage.problem)\n" }
            for reference in outcome.stranded { text += "\(reference): intact, but after a damaged revision: its text is in the stranded/ folder\n" }
            try FileIO.writeAtomically(text, to: "\(directory)/\(salvageReportName)")
        }
        return outcome
    }
}
