extension History {
    /// What saving a motion as amended did.
    public struct AsAmended: Sendable {
        public var revision: Revision
        /// Set when the working file was left alone: say so to the delegate.
        public var warning: String?
    }

    /// Records `amended` as the next revision of its motion with status carried-as-amended and
    /// tags it `as-amended`, in one transaction with the check that `base` is still the latest
    /// revision (the amendments were merged against it). The working file is brought up to date
    /// when it held `base` unchanged; otherwise it is left alone, with a warning.
    public func saveAsAmended(_ amended: Motion, base: Revision, author: String, message: String) throws -> AsAmended {
        var motion = amended
        motion.metadata.status = .carriedAsAmended
        let canonical = MarkdownWriter.write(motion)
        let revision = try store.derive(base.motionID, author: author, message: { _, _ in message }, change: { latest in
            // Checked inside the transaction: a save in between would otherwise be overwritten.
            guard SHA256.hex(MarkdownWriter.write(latest)) == base.hash else {
                throw StoreError(.invalidArgument, "\(base.motionID) has a newer revision than \(base.reference), which the amendments were merged against; merge against the latest revision")
            }
            return latest == motion ? nil : motion
        })
        guard let revision else {
            throw StoreError(.invalidArgument, "the motion as amended is the same as \(base.reference); nothing to save")
        }
        try store.tag(revision, as: "as-amended", force: true)
        let path = workspace.workingFile(for: base.motionID)
        guard FileIO.fileExists(path) else { return AsAmended(revision: revision) }
        if let copy = try? WorkingCopy(path: path), copy.hash == base.hash {
            try FileIO.writeAtomically(canonical, to: path)
            return AsAmended(revision: revision)
        }
        return AsAmended(revision: revision, warning: "\(path) has changes not in \(base.reference), so it was left as it is; 'motion restore \(revision.reference)' brings it up to date")
    }
}
