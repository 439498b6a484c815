/// Writes the amendment wording that turns one motion into another (`motion amend`).
public struct DraftAmendment: Sendable {
    /// The motion as it stands: `ID`, `ID@N`, `ID@TAG` or a file.
    public var base: String
    /// The edited text: a file or a stored revision.
    public var target: String
    /// The wording style and line width; nil for the base's profile's.
    public var style: ConferenceProfile.AmendmentStyle?
    public var lineWidth: Int?
    /// Set for a whole amendment document (front matter and wording), ready to save.
    public var document: DocumentDetails?

    public struct DocumentDetails: Sendable {
        /// Nil for the base's id with `-amendment`.
        public var id: String?
        public var submittedBy: String?

        public init(id: String?, submittedBy: String?) {
            self.id = id
            self.submittedBy = submittedBy
        }
    }

    public struct Result: Sendable {
        /// The wording, or the whole document; nil when the two texts are the same.
        public var text: String?
        public var baseLabel: String
        public var targetLabel: String
    }

    public init(base: String, target: String, style: ConferenceProfile.AmendmentStyle? = nil, lineWidth: Int? = nil,
                document: DocumentDetails? = nil) {
        self.base = base
        self.target = target
        self.style = style
        self.lineWidth = lineWidth
        self.document = document
    }

    public func run(in context: AppContext) throws -> Result {
        try LineWidth.check(lineWidth)
        if let id = document?.id, !MotionID.isValid(id) {
            throw ApplicationError(.usage, "'\(id)' is not a valid id: use lower-case letters, digits and dashes")
        }
        let baseText = try context.resolve(base), targetText = try context.resolve(target)
        let baseMotion = try baseText.motion(), targetMotion = try targetText.motion()
        let settings = context.amendmentSettings(for: baseMotion)
        var lines = settings.lines
        if let lineWidth { lines.width = lineWidth }
        let wording = AmendmentWriter.wording(from: baseMotion, to: targetMotion, style: style ?? settings.style, lines: lines)
        var result = Result(text: wording.isEmpty ? nil : wording, baseLabel: baseText.label, targetLabel: targetText.label)
        if let document, !wording.isEmpty {
            result.text = AmendmentDocument.text(amending: baseMotion, at: baseText.revision?.reference ?? baseMotion.id,
                                                 id: document.id, submittedBy: document.submittedBy, wording: wording)
        }
        return result
    }
}

/// Applies one amendment and gives the motion as amended (`motion apply`).
public struct ApplyAmendment: Sendable {
    /// The motion; nil for the revision the amendment's `amends:` names.
    public var base: String?
    public var amendment: String
    /// The line width line numbers in the wording refer to; nil for the motion's profile's.
    public var lineWidth: Int?

    public struct Result: Sendable {
        public var motion: Motion
        /// What the delegate should know: the motion has moved on since the amendment was written,
        /// and whether it still applies to the latest revision.
        public var notes: [String]
    }

    public init(base: String?, amendment: String, lineWidth: Int? = nil) {
        self.base = base
        self.amendment = amendment
        self.lineWidth = lineWidth
    }

    public func run(in context: AppContext) throws -> Result {
        try LineWidth.check(lineWidth)
        let amendmentText = try context.resolve(amendment)
        let document = try amendmentText.amendment()
        let baseText: ResolvedText
        if let base {
            baseText = try context.resolve(base)
        } else if let amends = document.amends {
            do {
                baseText = try context.resolve(amends)
            } catch let error as any MotionKitError {
                throw ApplicationError(error.category, "\(error.description); the amendment amends '\(amends)': give the motion first, as in motion apply MOTION.md \(amendment)")
            }
        } else {
            throw ApplicationError(.usage, "\(amendmentText.label) does not say which motion it amends: give it first (motion apply BASE \(amendment)) or add 'amends: MOTION-ID' to its front matter")
        }
        let baseMotion = try baseText.motion()
        var lines = context.amendmentSettings(for: baseMotion).lines
        if let lineWidth { lines.width = lineWidth }
        let amended: Motion
        do {
            amended = try AmendmentApplier.apply(document.instructions, to: baseMotion, lines: lines)
        } catch {
            throw error.located(at: amendmentText.label)
        }
        return Result(motion: amended, notes: try context.standing(of: document, appliedTo: baseText, lines: lines))
    }
}

/// Applies several amendments to one motion in order, as a three-way merge at the level of the
/// base's words (`motion merge`), and optionally records the result.
public struct MergeAmendments: Sendable {
    public var base: String
    public var amendments: [String]
    /// Also the stored amendments to the base's motion with this status (carried).
    public var status: MotionStatus?
    /// Let an amendment that conflicts with an earlier one fall, and apply the rest.
    public var dropConflicting: Bool
    /// Record the result as the base's next revision (carried-as-amended, tag as-amended), by `author`.
    public var save: Bool
    public var author: String?

    public struct Result: Sendable {
        /// The motion as amended (carried-as-amended when saved).
        public var motion: Motion
        /// With `dropConflicting`: the amendments that fell, each with its conflict.
        public var fallen: [(label: String, message: String)]
        public var saved: History.DerivedSave?
    }

    /// Amendments that conflict with earlier ones, when they may not fall: nothing was saved.
    public struct Conflict: MotionKitError {
        /// Each amendment that conflicts, with the conflict (both wordings).
        public var fallen: [(label: String, message: String)]
        public var category: ErrorCategory { .conflict }
        public var description: String {
            "\(fallen.count) amendment\(fallen.count == 1 ? " conflicts" : "s conflict") with an earlier one; nothing was written. Composite them, or use --drop-conflicting to let the later ones fall"
        }
    }

    public init(base: String, amendments: [String], status: MotionStatus? = nil, dropConflicting: Bool = false,
                save: Bool = false, author: String? = nil) {
        self.base = base
        self.amendments = amendments
        self.status = status
        self.dropConflicting = dropConflicting
        self.save = save
        self.author = author
    }

    /// Merges, or throws ``Conflict``. `note` hears what the delegate should know as it happens.
    public func run(in context: AppContext, note: (String) -> Void = { _ in }) throws -> Result {
        guard !amendments.isEmpty || status != nil else {
            throw ApplicationError(.usage, "give the amendments after the motion, or take them from the store with --status carried")
        }
        let baseText = try context.resolve(base)
        let baseMotion = try baseText.motion()
        var documents: [(label: String, document: AmendmentDocument)] = []
        for reference in amendments {
            let resolved = try context.resolve(reference)
            documents.append((resolved.revision?.motionID ?? resolved.label, try resolved.amendment()))
        }
        if let status {
            let store = try context.store()
            let stored = try store.latestAmendments(to: baseMotion.id).filter { $0.status == status }
            for revision in stored where !documents.contains(where: { $0.label == revision.motionID }) {
                documents.append((revision.motionID, try context.resolve(revision.reference).amendment()))
            }
            if stored.isEmpty { note("no stored amendment to \(baseMotion.id) has status \(status.rawValue)") }
            // Amendments to those amendments, with the same status, are part of them.
            var queue = stored.map(\.motionID)
            while let amendment = queue.popLast() {
                for revision in try store.latestAmendments(to: amendment) where revision.status == status
                    && !documents.contains(where: { $0.label == revision.motionID }) {
                    documents.append((revision.motionID, try context.resolve(revision.reference).amendment()))
                    queue.append(revision.motionID)
                }
            }
        }
        documents = try Self.applyingSubAmendments(documents, to: baseMotion.id, lines: context.amendmentSettings(for: baseMotion).lines, note: note)
        let outcome: AmendmentMerger.Outcome
        do {
            outcome = try AmendmentMerger.merge(documents.map { AmendmentMerger.Amendment(label: $0.label, instructions: $0.document.instructions) },
                                                into: baseMotion, lines: context.amendmentSettings(for: baseMotion).lines)
        } catch {
            throw ApplicationError(.badData, error.message)
        }
        var result = Result(motion: outcome.motion, fallen: outcome.fallen.map { ($0.label, $0.conflict.message) })
        if !result.fallen.isEmpty, !dropConflicting { throw Conflict(fallen: result.fallen) }
        if save {
            guard let revision = baseText.revision else {
                throw ApplicationError(.usage, "--save records a revision of a stored motion; \(baseText.label) is a file")
            }
            let history = try context.history()
            result.saved = try history.saveAsAmended(outcome.motion, base: revision, author: try context.author(author),
                                                     message: "As amended by \(outcome.applied.joined(separator: ", "))")
            result.motion.metadata.status = .carriedAsAmended
        }
        return result
    }

    /// Amendments to amendments of this merge applied to those amendments' wording first, the
    /// deepest first, so that what is merged is each amendment as amended. An amendment whose
    /// `amends:` names neither the motion nor an amendment of the merge is refused.
    static func applyingSubAmendments(_ documents: [(label: String, document: AmendmentDocument)], to motion: String, lines: LineScheme,
                                      note: (String) -> Void) throws -> [(label: String, document: AmendmentDocument)] {
        var documents = documents
        // Matched by id: `amends:` names an id, and a file's label is its path.
        func id(_ entry: (label: String, document: AmendmentDocument)) -> String { entry.document.motion?.id ?? entry.label }
        let ids = Set(documents.map(id))
        func target(_ document: AmendmentDocument) -> String { document.amends.map(AmendmentIndex.motionID) ?? motion }
        func position(_ amendment: String) -> Int? { documents.firstIndex { id($0) == amendment } }
        func depth(_ amendment: String, _ seen: Set<String> = []) throws -> Int {
            guard let index = position(amendment) else { return 0 }
            let amended = target(documents[index].document)
            if amended == motion { return 0 }
            guard ids.contains(amended) else {
                throw ApplicationError(.usage, "\(documents[index].label) amends \(amended), which is neither \(motion) nor one of the amendments merged; name \(amended) too")
            }
            guard !seen.contains(amended) else { throw ApplicationError(.badData, "\(amendment) and \(amended) amend each other") }
            return try depth(amended, seen.union([amendment])) + 1
        }
        let depths = Dictionary(try documents.map { (id($0), try depth(id($0))) }, uniquingKeysWith: max)
        for amendment in documents.map(id).sorted(by: { depths[$0]! > depths[$1]! }) where depths[amendment]! > 0 {
            guard let sub = position(amendment) else { continue }
            let amended = target(documents[sub].document)
            guard let index = position(amended) else { continue }
            guard let base = documents[index].document.motion else {
                throw ApplicationError(.usage, "\(amended) is bare wording; an amendment to it needs it as a document with front matter")
            }
            let amendedMotion: Motion
            do {
                amendedMotion = try AmendmentApplier.apply(documents[sub].document.instructions, to: base, lines: lines)
            } catch {
                throw ApplicationError(.badData, "\(amendment) cannot be applied to \(amended): \(error.message)")
            }
            let wording = amendedMotion.wording ?? ""
            let instructions: [AmendmentInstruction]
            do { instructions = try AmendmentParser.parse(wording) } catch {
                throw ApplicationError(.badData, "\(amended) as amended by \(amendment) is no longer wording the tool can read: \(error.message)")
            }
            let label = documents[index].label
            let name = label.hasSuffix(")") ? String(label.dropLast()) + ", \(amendment))" : "\(label) (as amended by \(amendment))"
            documents[index] = (name, AmendmentDocument(motion: amendedMotion, wording: wording, wordingLine: 1, instructions: instructions))
            documents.remove(at: sub)
            note("\(amendment) is applied to \(amended) first")
        }
        return documents
    }
}

extension AppContext {
    /// When the motion has moved on since the amendment was written: notes saying so, and
    /// whether it still applies cleanly to the latest revision (a latest revision that cannot be
    /// read is an error, as any damage in the store is).
    func standing(of document: AmendmentDocument, appliedTo base: ResolvedText, lines: LineScheme) throws -> [String] {
        guard let amends = document.amends, let applied = base.revision, let opened = try? store(),
              let standing = try? opened.standing(ofAmendmentTo: amends), standing.named.motionID == applied.motionID else { return [] }
        var notes: [String] = []
        if standing.named.number != applied.number {
            notes.append("the amendment names \(standing.named.reference); it was applied to \(applied.reference) as asked")
        }
        guard applied.number != standing.latest.number else { return notes }
        var note = "the amendment was applied to \(applied.reference); the motion is now at \(standing.latest.reference)"
        let latest = try MotionReader.read(try opened.text(of: standing.latest)).motion
        do {
            _ = try AmendmentApplier.apply(document.instructions, to: latest, lines: lines)
            note += ", and the amendment still applies cleanly to it"
        } catch {
            note += ", and the amendment does not apply to it: \(error.message)"
        }
        notes.append(note)
        return notes
    }
}
