/// What a reference on a command line or in a form names, read: a stored revision's text, or a
/// file's.
public struct ResolvedText: Sendable {
    /// The stored revision, nil for a file.
    public var revision: Revision?
    public var text: String
    /// How messages name it: `ID@N`, or the file's path.
    public var label: String
    /// For a file: its byte-order mark and line endings, to give a rewritten file back as it was.
    var layout = SourceText.Layout()

    public init(revision: Revision?, text: String, label: String) {
        self.revision = revision
        self.text = text
        self.label = label
    }

    /// The motion this text holds; errors name the file or revision.
    public func motion() throws(MotionReadError) -> Motion {
        do {
            return try MotionReader.read(text, fileName: label).motion
        } catch {
            throw error.located(at: label)
        }
    }

    /// The amendment this text holds; errors name the file or revision and the line.
    public func amendment() throws -> AmendmentDocument {
        do {
            return try AmendmentDocument.read(text, fileName: label)
        } catch let error as MotionReadError {
            throw error.located(at: label)
        } catch let error as AmendmentError {
            throw error.located(at: label)
        }
    }
}

extension AmendmentError {
    /// `amendment.md:7: error: instruction 2 (line 7): ...`: the error as a delegate reads it,
    /// pointing at the file and line.
    /// Every problem, each on its own line.
    func located(at label: String) -> ApplicationError {
        let lines = ([self] + more).map { error in "\(error.line.map { "\(label):\($0)" } ?? label): error: \(error.message)" }
        return ApplicationError(category, lines.joined(separator: "\n"))
    }
}

extension AppContext {
    /// Reads what a reference names: `ID`, `ID@N`, `ID@TAG` (the store is opened only then) or a
    /// file. `ID` alone is the latest revision; when the working file differs, a warning says
    /// so (unless `warningOfUnsavedEdits` is false: the caller uses the working file too).
    public func resolve(_ reference: String, warningOfUnsavedEdits: Bool = true) throws -> ResolvedText {
        switch try RevisionReference(parsing: reference) {
        case .file(let path):
            // The one checked reader: size first, UTF-8, no NUL, line endings as check reads them.
            do {
                let (text, layout) = try SourceText.read(path)
                var resolved = ResolvedText(revision: nil, text: text, label: path)
                resolved.layout = layout
                return resolved
            } catch {
                if error.reason == .notFound { throw ApplicationError(.missingInput, "\(path): no such file") }
                throw error
            }
        case .stored(let id, let selector):
            let store = try store()
            let revision: Revision
            do {
                revision = try store.revision(id, selector)
            } catch {
                throw unsavedHint(for: id) ?? error
            }
            if warningOfUnsavedEdits, selector == .latest { warnIfWorkingFileDiffers(from: revision) }
            return ResolvedText(revision: revision, text: try store.text(of: revision), label: revision.reference)
        }
    }

    /// The latest revision stands for the motion, but its working file may hold more: say so
    /// every time, so that unsaved edits are never left out of an export or a paper unnoticed.
    private func warnIfWorkingFileDiffers(from revision: Revision) {
        guard let path = try? history().workspace.workingFile(for: revision.motionID), FileIO.fileExists(path) else { return }
        // Most working files are exactly their revision's canonical text: no need to read them as motions.
        if let bytes = try? FileIO.readBytes(path, limit: SourceText.maximumBytes + 1), SHA256.hex(bytes) == revision.hash { return }
        guard let copy = try? WorkingCopy(path: path) else {
            warning("\(path) cannot be read as a motion; using \(revision.reference) as stored")
            return
        }
        guard copy.hash != revision.hash else { return }
        warning("\(path) has unsaved changes; using \(revision.reference) as stored; save first ('motion save \(path)'), or name the file")
    }

    /// For a motion the store lacks but a working file holds: how to use it.
    private func unsavedHint(for id: String) -> ApplicationError? {
        guard (try? store().log(id)) == nil else { return nil }
        let workingFile = (try? history().workspace.workingFile(for: id)).flatMap { FileIO.fileExists($0) ? $0 : nil }
        guard let working = workingFile ?? (FileIO.fileExists("\(id).md") ? "\(id).md" : nil) else { return nil }
        return ApplicationError(.missingInput, "\(id) is not in the store yet, but \(working) is: save it first ('motion save \(working)'), or name the file instead of the id")
    }

    /// A stored revision a reference names, without reading its text; a file is refused with
    /// `refusal`.
    func storedRevision(_ reference: String, refusal: String) throws -> Revision {
        guard case .stored(let id, let selector) = try RevisionReference(parsing: reference) else {
            throw ApplicationError(.usage, refusal)
        }
        return try store().revision(id, selector)
    }
}

extension RevisionStore {
    /// A stored revision read as a motion, its errors located at `ID@N`.
    func motion(of revision: Revision) throws -> Motion {
        try ResolvedText(revision: revision, text: try text(of: revision), label: revision.reference).motion()
    }
}

extension AppContext {
    /// A stored revision read as a motion, each text parsed once for the context's life: texts
    /// never change, so a server (one context from start to stop) parses a revision once, and
    /// the agenda after a new amendment parses that amendment alone. (Two revisions with the
    /// same hash have the same text, so the same motion.)
    func storedMotion(_ revision: Revision) throws -> Motion {
        if let motion = parsedRevisions.withLock({ $0.byHash[revision.hash] }) { return motion }
        let motion = try store().motion(of: revision)
        parsedRevisions.withLock { parsed in
            // A bound for a long-lived server: a conference's whole store fits well within it.
            if parsed.byHash.count >= 50_000 { parsed.byHash.removeAll() }
            parsed.byHash[revision.hash] = motion
        }
        return motion
    }
}
