/// The agenda and one motion as a reader sees them: what the web front-end (`motion serve`)
/// shows, computed here so that every front-end shows the same names, statuses and line numbers.
public struct AgendaItem: Sendable {
    public struct Amendment: Sendable {
        public var id: String
        /// Its title, or "Amendment to <motion title>" (never its id alone).
        public var name: String
        public var status: String
        public var submittedBy: String?
        public var words: Int
    }

    public var id: String
    public var title: String
    /// In words: "carried as amended".
    public var status: String
    public var words: Int
    public var submittedBy: String?
    public var amendments: [Amendment]
}

/// A motion to read: its details, its body as numbered lines (the numbers amendments use), and
/// the amendments to it with their wording.
public struct MotionReading: Sendable {
    public struct Line: Sendable {
        public var number: Int
        public var text: String
        /// A section heading's line.
        public var isHeading: Bool
        /// The line's words in runs, each glossary finding a run of its own with its message.
        public var runs: [(text: String, finding: String?)]
    }

    public struct Amendment: Sendable {
        public var id: String
        public var reference: String
        public var name: String
        public var status: String
        public var submittedBy: String?
        /// The wording as written, paragraph by paragraph.
        public var wording: [String]
    }

    public var id: String
    /// `ID@N`, or the file's path.
    public var reference: String
    public var title: String
    public var status: MotionStatus
    public var submittedBy: String?
    /// For an amendment: the motion it amends (`ID`).
    public var amendedMotion: String?
    public var details: [(label: String, value: String)]
    public var lines: [Line]
    public var amendments: [Amendment]
    /// For a stored composite: where its movers' agreements stand.
    public var agreements: AppContext.CompositeStanding?
}

extension AppContext {
    /// Every motion in the store with the amendments to it, in id order; with `status`, only
    /// the motions standing at it (their amendments all shown); with `search`, only those whose
    /// title, text or amendments hold those words (any case, white space as one space).
    public func agenda(status: String? = nil, search: String? = nil) throws -> [AgendaItem] {
        let words = search.map(Self.searchable).flatMap { $0.isEmpty ? nil : $0 }
        let wanted = try status.map(MotionStatus.parse)
        // One listing of the store for every motion's amendments, not a query per motion.
        let latest = try store().latestRevisions()
        let index = AmendmentIndex(latest: latest)
        var items: [AgendaItem] = []
        for revision in latest where revision.kind != .amendment && (wanted == nil || revision.status == wanted) {
            let motion = try storedMotion(revision)
            let stored = try index.amendments(of: revision.motionID).map { ($0, try storedMotion($0)) }
            if let words {
                // Only a search reads the whole text.
                let haystack = [motion.titleText] + motion.preamble.map(\.plainText) + motion.sections.flatMap { [$0.headingText] + $0.blocks.map(\.plainText) }
                    + stored.flatMap { [$0.1.titleText, $0.1.wording ?? ""] }
                guard Self.searchable(haystack.joined(separator: " ")).contains(words) else { continue }
            }
            let amendments = stored.map { revision, amendment in
                AgendaItem.Amendment(id: revision.motionID, name: BranchPaper.name(of: amendment, to: motion), status: revision.status.words,
                                     submittedBy: amendment.metadata.submittedBy, words: revision.words)
            }
            // The word counts recorded with each revision (fsck checks them against the text).
            items.append(AgendaItem(id: revision.motionID, title: motion.titleText, status: revision.status.words, words: revision.words,
                                    submittedBy: motion.metadata.submittedBy, amendments: amendments))
        }
        return items
    }

    /// Text as search compares it: lower case, runs of white space one space.
    static func searchable(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// One motion (`ID`, `ID@N`) to read, numbered at its profile's line width, with the stored
    /// amendments to it.
    public func reading(_ reference: String) throws -> MotionReading {
        let resolved = try resolve(reference, warningOfUnsavedEdits: false)
        let motion = try resolved.motion()
        let linter: GlossaryLinter?
        do {
            linter = GlossaryLinter(glossary: try glossary())
        } catch {
            warning("the glossary cannot be read, so no terms are marked: \(error.description)")
            linter = nil
        }
        let lines = LineNumbering.lines(of: motion, scheme: amendmentSettings(for: motion).lines).map { line in
            MotionReading.Line(number: line.number, text: line.text, isHeading: line.block == nil,
                               runs: Self.runs(of: line.text, findings: linter?.lint(line.text) ?? []))
        }
        let m = motion.metadata
        var details = [("Conference", m.conference), ("Submitted by", m.submittedBy), ("Status", m.status.words),
                       ("Amends", m.amends), ("Revision", resolved.revision?.reference)].compactMap { label, value in value.map { (label, $0) } }
        // A composite names its sources and what of each it holds; a source, its composites.
        details += CompositeSources.rows(of: motion).map { ("From \($0.source)", $0.places) }
        if resolved.revision != nil, let composites = try? compositesNaming(motion.id), !composites.isEmpty {
            details.append(("Composited into", composites.joined(separator: ", ")))
        }
        var amendments: [MotionReading.Amendment] = []
        if let revision = resolved.revision {
            let store = try store()
            for stored in try store.latestAmendments(to: revision.motionID) {
                let amendment = try storedMotion(stored)
                amendments.append(MotionReading.Amendment(
                    id: stored.motionID, reference: stored.reference, name: BranchPaper.name(of: amendment, to: motion),
                    status: stored.status.words, submittedBy: amendment.metadata.submittedBy,
                    wording: (amendment.wording ?? "").components(separatedBy: "\n\n").filter { !$0.isEmpty }))
            }
        }
        return MotionReading(id: motion.id, reference: resolved.label, title: motion.titleText, status: m.status, submittedBy: m.submittedBy,
                             amendedMotion: m.kind == .amendment ? m.amends.map { motionShowing(AmendmentIndex.motionID($0)) } : nil,
                             details: details, lines: lines, amendments: amendments,
                             agreements: m.kind == .composite ? resolved.revision.map { Self.standing(of: motion, at: $0) } : nil)
    }
}

extension AppContext {
    /// Where an amendment to `amended` is shown as tracked changes: on its motion, or, when
    /// `amended` is itself an amendment (stored), on the motion that one amends.
    func motionShowing(_ amended: String) -> String {
        guard let revision = try? store().revision(amended, .latest), revision.kind == .amendment, let amends = revision.amends else { return amended }
        return AmendmentIndex.motionID(amends)
    }

    /// The stored composites (latest revisions) drafted from motion `id`, by reference.
    func compositesNaming(_ id: String) throws -> [String] {
        try store().latestRevisions().filter { $0.kind == .composite }.compactMap { revision in
            try storedMotion(revision).metadata.composites.map(AmendmentIndex.motionID).contains(id) ? revision.reference : nil
        }
    }

    /// A line cut into runs at its glossary findings. (A term broken across two lines is not
    /// found: each line is linted as it is shown.)
    static func runs(of text: String, findings: [GlossaryLinter.Finding]) -> [(text: String, finding: String?)] {
        let characters = Array(text)
        var runs: [(text: String, finding: String?)] = []
        var at = 0
        for finding in findings.sorted(by: { $0.column < $1.column }) {
            let start = finding.column - 1, end = start + finding.found.count
            guard start >= at, end <= characters.count else { continue }
            if start > at { runs.append((String(characters[at..<start]), nil)) }
            runs.append((String(characters[start..<end]), finding.message))
            at = end
        }
        if at < characters.count || runs.isEmpty { runs.append((String(characters[at...]), nil)) }
        return runs
    }
}
