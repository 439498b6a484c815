extension History {
    /// What saving a derived text did.
    public struct DerivedSave: Sendable {
        public var revision: Revision
        /// Set when the working file was left alone: say so to the delegate.
        public var warning: String?
    }

    /// Records `motion`, made from revision `base` (as amended, or with its terms fixed), as the
    /// next revision, in one transaction with the check that `base` is still the latest. The
    /// working file is brought up to date when it held `base` unchanged; otherwise it is left
    /// alone, with a warning. Throws when the motion has moved on or nothing changed.
    func saveDerived(_ motion: Motion, from base: Revision, author: String, message: String) throws -> DerivedSave {
        let canonical = MarkdownWriter.write(motion)
        let revision = try store.derive(base.motionID, author: author, message: { _, _ in message }, change: { (latest) throws(StoreError) in
            // Checked inside the transaction: a save in between would otherwise be overwritten.
            guard SHA256.hex(MarkdownWriter.write(latest)) == base.hash else {
                throw StoreError(.invalidArgument, "\(base.motionID) has a newer revision than \(base.reference), which this was made from; run the command again on the latest revision")
            }
            return latest == motion ? nil : motion
        })
        guard let revision else {
            throw StoreError(.invalidArgument, "the result is the same as \(base.reference); nothing to save")
        }
        let path = workspace.workingFile(for: base.motionID)
        guard FileIO.fileExists(path) else { return DerivedSave(revision: revision) }
        if let copy = try? WorkingCopy(path: path), copy.hash == base.hash {
            try FileIO.writeAtomically(canonical, to: path)
            return DerivedSave(revision: revision)
        }
        return DerivedSave(revision: revision, warning: "\(path) has changes not in \(base.reference), so it was left as it is; 'motion restore \(revision.reference)' brings it up to date")
    }
}
