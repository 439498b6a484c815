/// The use cases of composites: drafting one from motions on the same subject.
extension AppContext {
    /// A composite drafted and written: where, what, and the report of what was merged and left out.
    public struct DraftedComposite: Sendable {
        public var path: String
        public var motion: Motion
        public var report: CompositeReport
    }

    /// Drafts a composite of `references` (`ID`, `ID@N` or files) and writes it to
    /// motions/ID.md (or `output`), never over a file. A stored motion is named in
    /// `composites:` by the revision drafted from (`ID@N`), a file by its motion's id.
    public func draftComposite(of references: [String], id: String, title: String?, output: String?) throws -> DraftedComposite {
        let sources = try references.map { reference in
            let resolved = try resolve(reference)
            let motion = try resolved.motion()
            return CompositeDrafter.Source(reference: resolved.revision?.reference ?? motion.id, motion: motion)
        }
        let (motion, report) = try CompositeDrafter.draft(sources, id: id, title: title)
        return DraftedComposite(path: try writeNewMotion(motion, output: output), motion: motion, report: report)
    }
}
