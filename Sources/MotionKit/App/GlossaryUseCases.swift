extension AppContext {
    /// Non-standard role names in motions (files or stored revisions), with the label of each.
    public func lint(_ references: [String], skipQuotes: Bool) throws -> [(label: String, finding: GlossaryLinter.Finding)] {
        let linter = GlossaryLinter(glossary: try glossary())
        var all: [(String, GlossaryLinter.Finding)] = []
        for reference in references {
            let resolved = try resolve(reference)
            let findings = linter.lint(resolved.text, from: GlossaryLinter.bodyStart(of: resolved.text), skipQuotes: skipQuotes)
            all += findings.map { (resolved.label, $0) }
        }
        return all
    }

    /// What fixing role names did or, on a dry run, would do.
    public struct TermFix: Sendable {
        public var label: String
        public var changes: Int
        /// The change as a plain word diff, on a dry run.
        public var preview: String?
        /// The revision made, for a stored motion.
        public var saved: History.DerivedSave?
    }

    /// Rewrites non-standard role names to the preferred terms: a file in place, a stored motion
    /// as a new revision (and its working file when it held that revision).
    public func fixTerms(_ reference: String, dryRun: Bool, skipQuotes: Bool, force: Bool = false, author option: String?) throws -> TermFix {
        let linter = GlossaryLinter(glossary: try glossary())
        let resolved = try resolve(reference)
        let (fixed, findings) = linter.fix(resolved.text, from: GlossaryLinter.bodyStart(of: resolved.text), skipQuotes: skipQuotes)
        var outcome = TermFix(label: resolved.label, changes: findings.count)
        guard !findings.isEmpty else { return outcome }
        if dryRun {
            outcome.preview = InlineDiffRenderer(notation: .plain, context: 0).render(try DiffInput.compare(resolved.text, fixed).pieces)
        } else if let revision = resolved.revision {
            guard force || !revision.status.isDecided else {
                throw ApplicationError(.cannotCreate, "\(revision.reference) is \(revision.status.words): its text is the record of that decision, "
                    + "and standard role names would add a revision to it; see the change with --dry-run, then use --force if it is wanted")
            }
            let motion = try MotionReader.read(fixed, fileName: resolved.label).motion
            outcome.saved = try history().saveDerived(motion, from: revision, author: try author(option),
                                                      message: "Standard role names (\(findings.count) change\(findings.count == 1 ? "" : "s"))")
        } else {
            try FileIO.writeAtomically(resolved.layout.restore(fixed), to: resolved.label)
        }
        return outcome
    }
}
