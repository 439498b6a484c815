/// What `motion store copy` did and checked.
public struct StoreCopyReport: Sendable, Codable {
    public var from: String
    public var to: String
    public var motions = 0
    public var revisions = 0
    public var tags = 0
}

extension AppContext {
    /// Copies every motion's whole history from the store at `source` into the store at
    /// `target` (made when missing: a new file, or the tables in an empty PostgreSQL database),
    /// in one transaction, then proves the copy: the target's histories of those motions equal
    /// the source's (hashes, numbers, authors, times, statuses, tags) and fsck finds both clean.
    /// A damaged source, or a target that holds any of the motions already, is refused with
    /// nothing written. Accounts are never copied.
    public static func copyStore(from source: String, to target: String) throws -> StoreCopyReport {
        let from = try RevisionStores.open(source)
        let sourceCheck = try from.fsck()
        guard sourceCheck.isClean else {
            throw StoreError(.damaged, "\(from.location) is damaged (\(sourceCheck.damage.count + sourceCheck.integrity.count) problems); run 'motion fsck --store \(source)', and copy a salvaged export instead")
        }
        let histories = try from.archive()
        let to = try RevisionStores.open(target, create: true)
        try to.restore(histories)
        let ids = Set(histories.map(\.id))
        let copied = try to.archive().filter { ids.contains($0.id) }
        guard copied == histories else {
            let differing = zip(histories, copied).first { $0 != $1 }?.0.id ?? "the list of motions"
            throw StoreError(.damaged, "the copy in \(to.location) differs from \(from.location) at \(differing); do not use it")
        }
        let targetCheck = try to.fsck()
        guard targetCheck.isClean else {
            throw StoreError(.damaged, "\(to.location) fails fsck after the copy; run 'motion fsck --store \(target)'")
        }
        var report = StoreCopyReport(from: from.location, to: to.location)
        report.motions = histories.count
        report.revisions = histories.reduce(0) { $0 + $1.revisions.count }
        report.tags = histories.reduce(0) { $0 + $1.tags.count }
        return report
    }
}
