/// The use cases over a workspace's history: saving working files, reading the log and the
/// list, tags, statuses, restoring, checking and moving a store. Each opens the store once,
/// through its ``AppContext``.
extension AppContext {
    /// What saving working files did, file by file in order: the revision made (nil when the
    /// file was unchanged), or why it failed.
    public struct SaveOutcome: Sendable {
        public var files: [(path: String, result: Result<Revision?, any Error>)] = []
        /// Working files brought up to a revision a stopped command had recorded, before saving.
        public var notes: [String] = []

        public var saved: [Revision] { files.compactMap { try? $0.result.get() } }
        public var failures: [(path: String, error: any Error)] {
            files.compactMap { file in
                guard case .failure(let error) = file.result else { return nil }
                return (file.path, error)
            }
        }
    }

    /// Saves `paths` (every working file when empty); an unchanged file makes no revision, and
    /// one file's failure does not stop the others.
    public func save(_ paths: [String], author option: String?, message: String) throws -> SaveOutcome {
        let history = try history()
        history.workspace.removeStaleTemporaryFiles()
        let paths = paths.isEmpty ? history.workspace.workingFiles() : paths
        guard !paths.isEmpty else {
            throw ApplicationError(.missingInput, "no working files in \(history.workspace.motionsFolder); 'motion new' starts one")
        }
        let author = try author(option)
        var outcome = SaveOutcome()
        for path in paths {
            if let note = history.rollForwardIfLeftBehind(path) { outcome.notes.append(note) }
            let result = Result { try history.save(path, author: author, message: message) }
            outcome.files.append((path, result))
            if case .success(let revision?) = result, revision.kind == .composite {
                outcome.notes += markSourcesComposited(of: revision, history: history, author: author)
            }
        }
        return outcome
    }

    /// A saved composite's sources get status `composited`, each in a revision of its own, when
    /// they stand before debate (draft, submitted, admitted); sources already composited, or
    /// decided, or not in the store, are left as they are and named. Every save of the composite
    /// does this again, so a source missed once (a command stopped) is caught up next time.
    func markSourcesComposited(of composite: Revision, history: History, author: String) -> [String] {
        // The composite was saved: nothing here may undo that, so each source's failure is a note.
        guard let motion = try? storedMotion(composite) else {
            return ["\(composite.reference) cannot be read back, so its sources' statuses are not set to composited"]
        }
        var notes: [String] = []
        for source in motion.metadata.composites.map(AmendmentIndex.motionID) {
            guard let latest = try? history.store.revision(source, .latest) else {
                notes.append("\(source) is not in the store, so its status is not set to composited")
                continue
            }
            switch latest.status {
            case .composited: continue
            case .draft, .submitted, .admitted:
                do {
                    let change = try history.setStatus(source, to: .composited, author: author, message: "Composited into \(composite.motionID)")
                    notes.append("\(change.revision?.reference ?? source): status composited (into \(composite.motionID))")
                    if let warning = change.warning { notes.append(warning) }
                } catch {
                    notes.append("\(source) could not be set to composited (\(error)); 'motion set-status \(source) composited' does it")
                }
            default:
                notes.append("\(source) is \(latest.status.words), so its status is left as it is (not set to composited)")
            }
        }
        return notes
    }

    /// A motion's revisions, newest first, and the latest revisions of the amendments to it.
    public func log(_ id: String) throws -> (revisions: [Revision], amendments: [Revision]) {
        guard MotionID.isValid(id) else {
            throw ApplicationError(.usage, "'\(id)' is not a motion id; ids look like health-2026-lxp-recognition")
        }
        let store = try store()
        return (try store.log(id), try store.latestAmendments(to: id))
    }

    /// The latest revision of every motion (with `status`, when given), each motion followed by
    /// the amendments to it.
    public func list(status: String?) throws -> [(revision: Revision, isUnderMotion: Bool)] {
        let wanted = try status.map(MotionStatus.parse)
        let revisions = try store().latestRevisions().filter { wanted == nil || $0.status == wanted }
        return AmendmentIndex.grouped(revisions)
    }

    /// Names a stored revision; returns it.
    public func tag(_ reference: String, as name: String, force: Bool) throws -> Revision {
        let store = try store()
        let revision = try storedRevision(reference, refusal: "only stored revisions can be tagged; save the file first")
        try store.tag(revision, as: name, force: force)
        return revision
    }

    /// Records a new status as a revision, and updates the working file's status line.
    /// A composite is admitted only when every mover has agreed to it as it stands, or with
    /// `override`, the office's reason, which is recorded in the same revision.
    public func setStatus(_ id: String, to status: String, author option: String?, message: String,
                          override reason: String? = nil) throws -> History.StatusChange {
        let newStatus = try MotionStatus.parse(status)
        guard MotionID.isValid(id) else { throw ApplicationError(.usage, "'\(id)' is not a motion id") }
        if reason != nil, newStatus != .admitted { throw ApplicationError(.usage, "--override is for admitting a composite whose movers have not all agreed") }
        let author = try author(option)
        return try history().changeFrontMatter(id, author: author, message: { old in
            let note = reason.map { " (override: \($0))" } ?? ""
            return message.isEmpty ? "Status: \(old.metadata.status.rawValue) -> \(newStatus.rawValue)" + note : message + note
        }, fields: ["status", "agreement-override"]) { (motion) throws(StoreError) in
            guard motion.metadata.status != newStatus else { return nil }
            var changed = motion
            changed.metadata.status = newStatus
            if newStatus == .admitted, let problem = Self.admissionRefusal(of: motion) {
                guard let reason else { throw StoreError(.refused, problem) }
                changed.metadata.agreementOverride = AgreementOverride(by: author, on: Timestamp.now(), reason: reason)
            } else if reason != nil {
                throw StoreError(.invalidArgument, motion.metadata.kind == .composite
                    ? "every mover has agreed to \(id): admit it without --override" : "\(id) is not a composite: --override is for admitting a composite")
            }
            return changed
        }
    }

    /// Writes a stored revision back to its working file; returns the revision and the file.
    public func restore(_ reference: String, force: Bool) throws -> (revision: Revision, path: String) {
        let history = try history()
        let revision = try storedRevision(reference, refusal: "restore takes a stored revision (ID, ID@N, ID@TAG), not a file")
        try history.restore(revision, force: force)
        return (revision, history.workspace.workingFile(for: revision.motionID))
    }

    /// Working files and stored motions, each with its state.
    public func status() throws -> [History.StatusEntry] {
        let history = try history()
        history.workspace.removeStaleTemporaryFiles()
        return try history.status()
    }

    /// Checks the whole store.
    public func fsck() throws -> FsckReport { try store().fsck() }

    /// Writes the store's whole history into a new folder; a damaged store is refused unless
    /// `salvage`, which writes what is intact and says what is not.
    public func exportHistory(to directory: String, salvage: Bool = false) throws -> HistoryArchive.ExportOutcome {
        try HistoryArchive.export(try store(), to: directory, salvage: salvage)
    }

    /// Rebuilds history from a folder written by ``exportHistory(to:)``.
    public func importHistory(from directory: String) throws -> HistoryArchive.Manifest {
        try HistoryArchive.importHistory(from: directory, into: try store())
    }
}

extension MotionStatus {
    /// A status as a delegate names it; the error lists the statuses.
    public static func parse(_ name: String) throws(ApplicationError) -> MotionStatus {
        guard let status = MotionStatus(rawValue: name) else {
            throw ApplicationError(.usage, "unknown status '\(name)'; use one of \(MotionStatus.allowedList)")
        }
        return status
    }
}
