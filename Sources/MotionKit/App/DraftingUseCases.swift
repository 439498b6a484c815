import MotionDiff

/// An amendment drafted in a form (the web page, the JSON API): from the motion's text as the
/// delegate edited it, or from wording they wrote. Nothing is stored until it is submitted, and
/// wording that does not apply to the motion is never stored.
public struct AmendmentDraft: Sendable {
    /// One thing wrong with the draft, at the line of the text or wording the delegate sent.
    public struct Problem: Sendable, Hashable {
        public var line: Int?
        public var message: String
    }

    /// The revision amended, and its motion.
    public var base: Revision
    var motion: Motion
    /// The wording in the profile's style (as written, for pasted wording); empty when the
    /// edited text changes nothing.
    public var wording: String
    public var problems: [Problem]
    /// The motion as amended, when the wording applies.
    public var amended: Motion?
    /// The amendment's words, and its profile's limit.
    public var words: Int
    public var wordLimit: Int?
    /// The motion with the amendment as tracked changes (HTML, every word escaped).
    public var trackedHTML: String?

    public var isReady: Bool { problems.isEmpty && !wording.isEmpty && amended != nil }
    public var isOverLimit: Bool { wordLimit.map { words > $0 } ?? false }
}

extension AppContext {
    /// The body of a stored revision (its text after the front matter): what a delegate edits
    /// in the browser; the front matter is not theirs to change in an amendment.
    public func editableBody(_ reference: String) throws -> (revision: Revision, body: String) {
        let (resolved, revision) = try storedBase(reference)
        let (_, body, _) = try FrontMatter.split(resolved.text)
        return (revision, String(body))
    }

    /// The stored revision an amendment is drafted against, read once.
    private func storedBase(_ reference: String) throws -> (text: ResolvedText, revision: Revision) {
        let resolved = try resolve(reference, warningOfUnsavedEdits: false)
        guard let revision = resolved.revision else { throw ApplicationError(.usage, "amendments are drafted against stored motions") }
        return (resolved, revision)
    }

    /// The wording that turns the motion at `reference` into `editedBody` (the body as the
    /// delegate edited it), in its profile's style, with the motion as amended.
    public func draftAmendment(to reference: String, editedBody: String) throws -> AmendmentDraft {
        let (resolved, revision) = try storedBase(reference)
        let base = try resolved.motion()
        let (_, body, bodyLine) = try FrontMatter.split(resolved.text)
        let frontMatter = String(resolved.text.unicodeScalars.dropLast(body.unicodeScalars.count))
        let edited: Motion
        do {
            edited = try MotionReader.read(frontMatter + editedBody, fileName: "the edited text").motion
        } catch {
            // Lines of the edited body, not of the whole document.
            let line = error.line > 0 ? max(1, error.line - bodyLine + 1) : nil
            return draft(base: revision, wording: "", problems: [.init(line: line, message: error.message)], amended: nil, motion: base)
        }
        let settings = amendmentSettings(for: base)
        let wording = AmendmentWriter.wording(from: base, to: edited, style: settings.style, lines: settings.lines)
        guard !wording.isEmpty else {
            return draft(base: revision, wording: "", problems: [.init(line: nil, message: "the edited text changes nothing in the motion's words")],
                         amended: nil, motion: base)
        }
        // The wording is read back and applied, as the office will apply it.
        return draft(wording, amending: base, at: revision)
    }

    /// Hand-written wording read and applied to the motion at `reference`: each problem at its
    /// line of the wording.
    public func draftAmendment(to reference: String, wording: String) throws -> AmendmentDraft {
        let (resolved, revision) = try storedBase(reference)
        return draft(wording, amending: try resolved.motion(), at: revision)
    }

    private func draft(_ wording: String, amending base: Motion, at revision: Revision) -> AmendmentDraft {
        let wording = wording.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wording.isEmpty else {
            return draft(base: revision, wording: "", problems: [.init(line: nil, message: "the wording is empty: write what the amendment changes, as in In point 3, after 'Band 7' insert 'or above'.")],
                         amended: nil, motion: base)
        }
        switch Self.apply(wording, to: base, lines: amendmentSettings(for: base).lines) {
        case .success(let amended):
            return draft(base: revision, wording: wording, problems: [], amended: amended, motion: base)
        case .failure(let error):
            let problems = ([error] + error.more).map { error in
                // The messages name their line for the command line; the page puts it in front.
                let message = error.line.map { line in
                    error.message.replacing(try! Regex("^(instruction \\d+ \\(line \(line)\\)|line \(line)): "), with: "")
                } ?? error.message
                return AmendmentDraft.Problem(line: error.line, message: message)
            }
            return draft(base: revision, wording: wording, problems: problems, amended: nil, motion: base)
        }
    }

    private static func apply(_ wording: String, to base: Motion, lines: LineScheme) -> Result<Motion, AmendmentError> {
        Result { () throws(AmendmentError) -> Motion in
            try AmendmentApplier.apply(try AmendmentParser.parse(wording), to: base, lines: lines)
        }
    }

    private func draft(base: Revision, wording: String, problems: [AmendmentDraft.Problem], amended: Motion?, motion: Motion) -> AmendmentDraft {
        let document = Self.amendment(to: motion, at: base.reference, id: "\(motion.id)-a0", submittedBy: nil, status: .draft, wording: wording)
        let words = (try? MotionReader.read(document).motion.wordCounts.body) ?? 0
        let limit = motion.metadata.profile.flatMap { try? resources.profile(named: $0) }?.amendmentWordLimit
        let tracked = amended.flatMap { amended in
            (try? DiffInput.compare(MarkdownWriter.write(motion), MarkdownWriter.write(amended))).map { HTMLDiffRenderer.fragment($0) }
        }
        return AmendmentDraft(base: base, motion: motion, wording: wording, problems: problems, amended: amended, words: words,
                              wordLimit: limit, trackedHTML: tracked)
    }

    /// Stores a draft as a new amendment to its motion, with the next free number
    /// (`MOTION-ID-a1`, `-a2`, ...): submissions from many browsers at once each get their own
    /// number and none is lost. The wording is read and applied again first.
    public func submitAmendment(to reference: String, wording: String, submittedBy: String?, status: MotionStatus,
                                author: String) throws -> Revision {
        let checked = try draftAmendment(to: reference, wording: wording)
        guard checked.isReady else {
            let problems = checked.problems.map { ($0.line.map { "line \($0): " } ?? "") + $0.message }
            throw ApplicationError(.badData, "the amendment was not submitted: " + problems.joined(separator: "; "))
        }
        let store = try store()
        let motion = checked.motion
        let prefix = "\(motion.id)-a"
        guard MotionID.isValid("\(prefix)999") else {
            throw ApplicationError(.usage, "the motion's id is too long to number amendments after it")
        }
        // The store picks the next free number and saves in one step, so submissions to one
        // motion from many branches queue rather than race for the same id.
        return try store.createNext(after: prefix, author: author, message: "Amendment drafted on the web") { id throws(StoreError) in
            let text = Self.amendment(to: motion, at: checked.base.reference, id: id, submittedBy: submittedBy,
                                      status: status, wording: checked.wording)
            do { return try MotionReader.read(text).motion } catch {
                throw StoreError(.invalidArgument, "the amendment \(id) cannot be read back: \(error)")
            }
        }
    }

    /// An amendment document: the motion's conference and profile, `amends:` the revision, the
    /// title "Amendment N to TITLE".
    static func amendment(to motion: Motion, at reference: String, id: String, submittedBy: String?, status: MotionStatus,
                          wording: String) -> String {
        let number = id.split(separator: "-").last.map { $0.dropFirst() }.map(String.init) ?? ""
        let metadata = Motion.Metadata(id: id, conference: motion.metadata.conference, submittedBy: submittedBy, kind: .amendment,
                                       status: status, profile: motion.metadata.profile, amends: reference)
        return MarkdownWriter.write(Motion(metadata: metadata, title: [.text("Amendment \(number) to \(motion.titleText)")])) + "\n" + wording + "\n"
    }
}
