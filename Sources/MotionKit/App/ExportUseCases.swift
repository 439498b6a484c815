/// Exports motions as one document (`motion export`): several motions, one motion against an
/// earlier version as tracked changes, or an amendment as its motion with the amendment's
/// changes tracked.
public struct ExportMotions: Sendable {
    /// Motions: `ID`, `ID@N`, `ID@TAG` or files.
    public var references: [String]
    public var format: DocumentFormat
    /// Number each body's lines at its profile's line width.
    public var lineNumbers: Bool
    /// Show the one motion's changes from this revision or file.
    public var changesFrom: String?
    /// In Word, a margin comment on each block of a composite naming the source blocks it came from.
    public var provenanceComments = false

    public struct Result: Sendable {
        public var bytes: [UInt8]
        /// `ID.docx` for one motion, `motions.docx` for several.
        public var defaultFileName: String
        /// What the delegate should know: for an amendment, that its motion has moved on since.
        public var notes: [String] = []
    }

    public init(references: [String], format: DocumentFormat, lineNumbers: Bool = false, changesFrom: String? = nil) {
        self.references = references
        self.format = format
        self.lineNumbers = lineNumbers
        self.changesFrom = changesFrom
    }

    public func run(in context: AppContext) throws -> Result {
        guard !references.isEmpty else { throw ApplicationError(.usage, "name the motions to export") }
        if changesFrom != nil, references.count != 1 {
            throw ApplicationError(.usage, "--changes-from compares one motion: motion export ID@3 --changes-from ID@1 --to docx")
        }
        let resolved = try references.map { try context.resolve($0) }
        let motions = try resolved.map { try $0.motion() }
        let document: ExportDocument
        var notes: [String] = []
        if let changesFrom {
            let base = try context.resolve(changesFrom).motion()
            document = .comparison(base: base, target: motions[0], author: Self.author(of: resolved[0], motions[0]))
        } else if motions.count == 1, motions[0].metadata.kind == .amendment {
            // An amendment: the motion it amends, with the amendment as tracked changes.
            let amendment = try resolved[0].amendment()
            guard let amends = amendment.amends else {
                throw ApplicationError(.badData, "\(resolved[0].label) does not say which motion it amends: add 'amends: MOTION-ID' to its front matter")
            }
            // The revision the amendment names, never a later one it was not written against.
            let baseText = try context.resolve(amends)
            let base = try baseText.motion()
            if base.metadata.kind == .amendment {
                // An amendment to an amendment: shown on the motion, each amendment its own author.
                let layers = try context.amendmentLayers(resolved[0], motions[0], amendment, on: baseText, base)
                document = .layered(base: layers.base, first: layers.first, second: layers.second, authors: layers.authors, amendment: layers.heading)
            } else {
                let lines = context.amendmentSettings(for: base).lines
                let amended: Motion
                do {
                    amended = try AmendmentApplier.apply(amendment.instructions, to: base, lines: lines)
                } catch {
                    throw error.located(at: resolved[0].label)
                }
                notes = try context.standing(of: amendment, appliedTo: baseText, lines: lines)
                document = .comparison(base: base, target: amended, author: Self.author(of: resolved[0], motions[0]),
                                       amendment: AmendmentHeading(amendment: motions[0], motion: base, reference: baseText.revision?.reference))
            }
        } else {
            let ordered = DocumentWriters.amendmentsUnderTheirMotion(motions)
            document = .motions(ordered, lines: lineNumbers ? ordered.map { context.amendmentSettings(for: $0).lines } : nil)
        }
        let bytes = try DocumentWriters.writer(for: format, resources: context.resources, provenanceComments: provenanceComments).write(document)
        return Result(bytes: bytes, defaultFileName: "\(motions.count == 1 ? motions[0].id : "motions").\(format.fileExtension)", notes: notes)
    }

    /// Each layer's author by its branch and id ("Leeds Branch (lxp-a1-1)"), so the two never
    /// look alike in Word, though one person saved both.
    static func layerAuthor(_ text: ResolvedText, _ amendment: Motion) -> ChangeAuthor {
        let saved = author(of: text, amendment)
        return ChangeAuthor(name: "\(amendment.metadata.submittedBy ?? saved.name) (\(amendment.id))", date: saved.date)
    }

    /// Who made the changes: the stored revision's author and time; for a file, who submitted
    /// it and when the file last changed. Never the clock, so exports are reproducible.
    static func author(of reference: ResolvedText, _ motion: Motion) -> ChangeAuthor {
        if let revision = reference.revision {
            // Stored times carry milliseconds ("...:58.148Z"); Word's dates are to the second.
            let date = revision.time.split(separator: ".").first.map { $0.hasSuffix("Z") ? String($0) : $0 + "Z" } ?? revision.time
            return ChangeAuthor(name: revision.author, date: date)
        }
        return ChangeAuthor(name: motion.metadata.submittedBy ?? "motion",
                            date: FileIO.modificationSeconds(reference.label).map(Timestamp.iso8601(seconds:)) ?? "")
    }
}

/// Assembles a branch-meeting paper (`motion paper`): an agenda from a Mustache template in
/// templates/paper/, then the motions in full with their amendments: those named, and in a
/// workspace the stored amendments to each motion.
public struct AssemblePaper: Sendable {
    /// Motions and amendments: IDs, `ID@N` or files.
    public var references: [String]
    /// templates/paper/NAME.md.mustache
    public var template: String
    public var title: String
    public var branch: String?
    public var date: String?
    public var format: DocumentFormat

    public init(references: [String], template: String = "branch-meeting", title: String = "Branch meeting paper",
                branch: String? = nil, date: String? = nil, format: DocumentFormat) {
        self.references = references
        self.template = template
        self.title = title
        self.branch = branch
        self.date = date
        self.format = format
    }

    public func run(in context: AppContext) throws -> [UInt8] {
        guard ResourceLibrary.isPlainName(template) else {
            throw ApplicationError(.usage, "'\(template)' is not a template name: use a plain name such as branch-meeting")
        }
        let resources = context.resources
        guard let (templateText, _) = try resources.text("templates/paper/\(template).md.mustache") else {
            let names = resources.names(in: "templates/paper", ext: ".md.mustache")
            throw ApplicationError(.missingInput, "no paper template '\(template)'; the templates are \(names.joined(separator: ", "))")
        }
        var motions: [Motion] = []
        var amendments: [Motion] = []
        for reference in references {
            let motion = try context.resolve(reference).motion()
            if motion.metadata.kind == .amendment { amendments.append(motion) } else { motions.append(motion) }
        }
        amendments += try storedAmendments(to: motions, besides: amendments, in: context)
        let items = motions.map { motion in
            BranchPaper.Item(motion: motion, amendments: amendments.filter { $0.metadata.amends.map(AmendmentIndex.motionID) == motion.id })
        }
        let paper = try BranchPaper(title: title, branch: branch, date: date, items: items, template: templateText)
        return try DocumentWriters.writer(for: format, resources: resources).write(.paper(paper))
    }

    /// The stored amendments to `motions` not named already. Outside a workspace there are none;
    /// an amendment the store cannot give is an error, never quietly left off the paper.
    private func storedAmendments(to motions: [Motion], besides named: [Motion], in context: AppContext) throws -> [Motion] {
        let store: any RevisionStore
        switch Result(catching: { () throws(StoreError) in try context.store() }) {
        case .success(let opened): store = opened
        case .failure(let error) where error.reason == .noWorkspace: return []
        case .failure(let error): throw error
        }
        var out: [Motion] = []
        for motion in motions {
            for revision in try store.latestAmendments(to: motion.id) where !(named + out).contains(where: { $0.id == revision.motionID }) {
                out.append(try store.motion(of: revision))
            }
        }
        return out
    }
}

extension AppContext {
    /// An amendment to an amendment on the motion: the motion, it as the amendment amends it,
    /// it as the amendment amended by `sub` amends it, each layer's author, and `sub`'s heading.
    func amendmentLayers(_ subText: ResolvedText, _ sub: Motion, _ subDocument: AmendmentDocument, on amendedText: ResolvedText,
                         _ amended: Motion) throws -> (base: Motion, first: Motion, second: Motion, authors: [ChangeAuthor], heading: AmendmentHeading) {
        let amendedDocument = try amendedText.amendment()
        guard let target = amendedDocument.amends else {
            throw ApplicationError(.badData, "\(amendedText.label) does not say which motion it amends: add 'amends: MOTION-ID' to its front matter")
        }
        let motion = try resolve(target).motion()
        guard motion.metadata.kind != .amendment else {
            throw ApplicationError(.usage, "\(subText.label) amends an amendment to an amendment; export \(amendedText.label) as amended first ('motion apply')")
        }
        let lines = amendmentSettings(for: motion).lines
        let first: Motion, second: Motion
        do {
            first = try AmendmentApplier.apply(amendedDocument.instructions, to: motion, lines: lines)
            let amendedAmendment = try AmendmentApplier.apply(subDocument.instructions, to: amended, lines: lines)
            second = try AmendmentApplier.apply(try AmendmentParser.parse(amendedAmendment.wording ?? ""), to: motion, lines: lines)
        } catch {
            throw error.located(at: subText.label)
        }
        return (motion, first, second, [ExportMotions.layerAuthor(amendedText, amended), ExportMotions.layerAuthor(subText, sub)],
                AmendmentHeading(amendment: sub, motion: amended, reference: amendedText.revision?.reference))
    }

    /// The stored amendment `id` when it amends an amendment to motion `motion`: shown on the
    /// motion with both layers (the web page's second colour); nil for any other amendment.
    func subAmendmentView(_ id: String, on motion: String) throws -> TrackedView? {
        guard let revision = try? store().revision(id, .latest), revision.kind == .amendment, let amends = revision.amends,
              let amendedRevision = try? store().revision(AmendmentIndex.motionID(amends), .latest), amendedRevision.kind == .amendment,
              amendedRevision.amends.map(AmendmentIndex.motionID) == motion else { return nil }
        let subText = try resolve(revision.reference, warningOfUnsavedEdits: false)
        let amendedText = try resolve(amends, warningOfUnsavedEdits: false)
        let sub = try subText.motion()
        let layers = try amendmentLayers(subText, sub, try subText.amendment(), on: amendedText, try amendedText.motion())
        return TrackedView(html: ChangeLayers(base: layers.base, first: layers.first, second: layers.second).html(second: layers.authors[1].name),
                           shown: [layers.heading.title], problems: [])
    }
}
