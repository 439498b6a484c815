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
        let (motion, report) = try composeComposite(of: references, id: id, title: title)
        return DraftedComposite(path: try writeNewMotion(motion, output: output), motion: motion, report: report)
    }

    /// The composite of `references` and its report, written nowhere (the web page shows it to edit).
    public func composeComposite(of references: [String], id: String, title: String?) throws -> (motion: Motion, report: CompositeReport) {
        let sources = try references.map { reference in
            let resolved = try resolve(reference)
            let motion = try resolved.motion()
            return CompositeDrafter.Source(reference: resolved.revision?.reference ?? motion.id, motion: motion)
        }
        return try CompositeDrafter.draft(sources, id: id, title: title)
    }

    /// Stores a composite from its text (as the web page's committee edited it) as a new motion,
    /// refusing an id that is taken, and sets its sources to composited, as `motion save` does.
    /// Returns the revision and what happened to the sources.
    public func saveComposite(text: String, author option: String?) throws -> (revision: Revision, notes: [String]) {
        let motion: Motion
        do { motion = try MotionReader.read(text).motion } catch {
            throw ApplicationError(.badData, "the composite cannot be read: \(error.message)")
        }
        guard motion.metadata.kind == .composite, !motion.metadata.composites.isEmpty else {
            throw ApplicationError(.badData, "this is not a composite any more: keep 'kind: composite' and its 'composites:' line")
        }
        let author = try author(option)
        let history = try history()
        let revision = try history.store.create(motion, canonical: MarkdownWriter.write(motion), author: author, message: "Composite drafted")
        return (revision, markSourcesComposited(of: revision, history: history, author: author))
    }
}

extension AppContext {
    /// Records that the mover of `source` agrees to the composite `id` as it stands, as a new
    /// revision of the composite (agreements of several movers at once queue; none is lost).
    /// `name` defaults to the source motion's `submitted-by`. Returns the revision, nil when
    /// the same agreement to the same text was recorded already.
    public func agreeToComposite(_ id: String, for source: String, by name: String?, author option: String?) throws -> History.StatusChange {
        let history = try history()
        let author = try author(option)
        let who = try name ?? (try? storedMotion(store().revision(source, .latest)))?.metadata.submittedBy ?? author
        return try history.changeFrontMatter(id, author: author, message: { _ in "Agreed for \(source) by \(who)" },
                                             fields: ["agreements"]) { (motion) throws(StoreError) in
            guard motion.metadata.kind == .composite else { throw StoreError(.invalidArgument, "\(id) is not a composite; agreements are to composites") }
            let sources = motion.metadata.composites.map(AmendmentIndex.motionID)
            guard sources.contains(source) else {
                throw StoreError(.invalidArgument, "\(source) is not one of the motions of \(id) (\(sources.joined(separator: ", ")))")
            }
            let agreement = CompositeAgreement(source: source, by: who, on: Timestamp.now(), text: CompositeAgreements.textDigest(of: motion))
            if motion.metadata.agreements.contains(where: { $0.source == source && $0.by == who && $0.text == agreement.text }) { return nil }
            var changed = motion
            changed.metadata.agreements.removeAll { $0.source == source }
            changed.metadata.agreements.append(agreement)
            return changed
        }
    }

    /// Where a composite's agreements stand.
    public struct CompositeStanding: Sendable {
        public struct Source: Sendable {
            public var id: String
            /// As `composites:` names it (`ID@N`).
            public var reference: String
            /// The agreement recorded, if any.
            public var agreement: CompositeAgreement?
            /// The agreement is to the composite as it stands (not to an earlier text).
            public var isCurrent: Bool
        }

        public var revision: Revision
        public var sources: [Source]
        public var agreementOverride: AgreementOverride?
        /// Choices of near-duplicates still open (each with more than one block left).
        public var openChoices: [Int]

        /// Whether it can be set to `admitted` without an override.
        public var allAgreed: Bool { sources.allSatisfy(\.isCurrent) }
    }

    public func compositeStanding(_ id: String) throws -> CompositeStanding {
        let revision = try store().revision(id, .latest)
        let motion = try storedMotion(revision)
        guard motion.metadata.kind == .composite else { throw ApplicationError(.usage, "\(id) is not a composite") }
        return Self.standing(of: motion, at: revision)
    }

    /// Where the agreements of `motion` (a composite, as stored in `revision`) stand.
    static func standing(of motion: Motion, at revision: Revision) -> CompositeStanding {
        let digest = CompositeAgreements.textDigest(of: motion)
        let sources = motion.metadata.composites.map { reference in
            let id = AmendmentIndex.motionID(reference)
            let agreement = motion.metadata.agreements.last { $0.source == id }
            return CompositeStanding.Source(id: id, reference: reference, agreement: agreement, isCurrent: agreement?.text == digest)
        }
        var choices: [Int: Int] = [:]
        for block in ([motion.preamble] + motion.sections.map(\.blocks)).joined() {
            if let choice = block.provenance?.choice { choices[choice, default: 0] += 1 }
        }
        return CompositeStanding(revision: revision, sources: sources, agreementOverride: motion.metadata.agreementOverride,
                                 openChoices: choices.filter { $0.value > 1 }.keys.sorted())
    }

    /// Why a composite cannot be admitted now: the movers who have not agreed to it as it stands.
    static func admissionRefusal(of motion: Motion) -> String? {
        let missing = CompositeAgreements.missing(in: motion)
        guard motion.metadata.kind == .composite, let first = missing.first else { return nil }
        return "\(missing.joined(separator: ", ")) \(missing.count == 1 ? "has" : "have") not agreed to the composite \(motion.id) as it stands; "
            + "record it with 'motion composite agree \(motion.id) --for \(first)', or admit it anyway with --override REASON"
    }
}
