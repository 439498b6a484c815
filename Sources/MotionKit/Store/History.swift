/// The operations that join a workspace's working files to its store: save, status, restore,
/// set-status. The CLI is a thin shell over these.
public struct History: Sendable {
    public let workspace: Workspace
    public let store: any RevisionStore

    public init(workspace: Workspace, store: any RevisionStore) {
        self.workspace = workspace
        self.store = store
    }

    /// Saves one working file; a bare id (`motion save pay`) means its file, motions/pay.md.
    /// Returns the new revision, or nil when it is unchanged.
    public func save(_ path: String, author: String, message: String) throws -> Revision? {
        let named = MotionID.isValid(path) && !FileIO.fileExists(path) ? workspace.workingFile(for: path) : path
        let copy = try WorkingCopy.read(named, in: workspace)
        return try store.save(copy.document.motion, canonical: copy.canonical, author: author,
                              message: message.isEmpty ? defaultMessage(for: copy) : message)
    }

    private func defaultMessage(for copy: WorkingCopy) -> String {
        (try? store.revision(copy.id, .latest)) == nil ? "First draft" : "Edited"
    }

    /// How a working file stands against its motion's latest revision.
    public enum FileState: String, Sendable, Codable {
        case new, modified, unchanged, missing, unreadable
    }

    public struct StatusEntry: Sendable, Codable {
        public var id: String
        public var path: String
        public var state: FileState
        public var latest: Int?
        public var problem: String?
        /// What was done to the file on the way, such as bringing it up to a revision a stopped
        /// command had recorded.
        public var note: String?
    }

    /// Every working file and every stored motion, with its state.
    public func status() throws -> [StatusEntry] {
        let latest = Dictionary(uniqueKeysWithValues: try store.latestRevisions().map { ($0.motionID, $0) })
        var entries: [StatusEntry] = []
        var seen = Set<String>()
        for path in workspace.workingFiles() {
            let fileID = FileIO.baseName(of: path).replacingSuffix(".md")
            do {
                let copy = try WorkingCopy.read(path, in: workspace)
                seen.insert(copy.id)
                let stored = latest[copy.id]
                var state: FileState = stored == nil ? .new : stored!.hash == copy.hash ? .unchanged : .modified
                var note: String?
                if state == .modified, let stored, let rolled = try? rollForward(copy, to: stored) {
                    (state, note) = (.unchanged, rolled)
                }
                entries.append(StatusEntry(id: copy.id, path: path, state: state, latest: stored?.number, note: note))
            } catch {
                seen.insert(fileID)
                entries.append(StatusEntry(id: fileID, path: path, state: .unreadable, latest: latest[fileID]?.number,
                                           problem: "\(error)"))
            }
        }
        for revision in latest.values where !seen.contains(revision.motionID) {
            entries.append(StatusEntry(id: revision.motionID, path: workspace.workingFile(for: revision.motionID),
                                       state: .missing, latest: revision.number))
        }
        return entries.sorted { $0.id < $1.id }
    }

    /// Writes a revision to motions/ID.md. Unsaved changes in that file are kept unless `force`.
    public func restore(_ revision: Revision, force: Bool) throws {
        let path = workspace.workingFile(for: revision.motionID)
        if !force, FileIO.fileExists(path) {
            let latest = try store.revision(revision.motionID, .latest)
            let copy = try? WorkingCopy(path: path)
            if copy?.hash != latest.hash, copy?.hash != revision.hash {
                throw StoreError(.unsavedChanges,
                                 "\(path) has changes not saved in the store; save them first ('motion save \(path)') or use --force to discard them")
            }
        }
        let text = try store.text(of: revision)
        try FileIO.createDirectory(workspace.motionsFolder)
        try FileIO.writeAtomically(text, to: path)
    }

    /// What `setStatus` did.
    public struct StatusChange: Sendable {
        /// The new revision, or nil when the motion already had that status.
        public var revision: Revision?
        /// Set when the working file could not be brought into line: say so to the delegate.
        public var warning: String?
    }

    /// Records a new status as a revision of the latest text, and updates the working file's
    /// `status:` line (only that line, so unsaved edits stay as they are).
    public func setStatus(_ id: String, to status: MotionStatus, author: String, message: String) throws -> StatusChange {
        try changeFrontMatter(id, author: author, message: { old in
            message.isEmpty ? "Status: \(old.metadata.status.rawValue) -> \(status.rawValue)" : message
        }, fields: ["status"]) { motion in
            guard motion.metadata.status != status else { return nil }
            var changed = motion
            changed.metadata.status = status
            return changed
        }
    }

    /// Records a change of front matter as a revision of the latest text (`change` gets the
    /// latest motion, in the transaction; nil for no change), and updates those `fields` in the
    /// working file, only those lines, so unsaved edits stay as they are.
    public func changeFrontMatter(_ id: String, author: String, message: (Motion) -> String, fields: [String],
                                  change: (Motion) throws(StoreError) -> Motion?) throws -> StatusChange {
        var changed: Motion?
        let revision = try store.derive(id, author: author, message: { old, _ in message(old) }, change: { (motion) throws(StoreError) in
            changed = try change(motion)
            return changed
        })
        let path = workspace.workingFile(for: id)
        guard FileIO.fileExists(path) else { return StatusChange(revision: revision) }
        // With no change to record, the file is still brought into line with the store.
        guard let target = changed ?? (try? store.motion(of: store.revision(id, .latest))) else { return StatusChange(revision: revision) }
        let what = fields.map { "'\($0)'" }.joined(separator: " and ")
        // Only those lines change, so the file is read exactly as it is (its own line endings
        // and byte-order mark), and never rewritten when it is not UTF-8 text.
        guard let bytes = try? FileIO.readBytes(path, limit: SourceText.maximumBytes + 1), bytes.count <= SourceText.maximumBytes,
              !bytes.contains(0), var text = String(validating: bytes, as: UTF8.self) else {
            return StatusChange(revision: revision, warning:
                "\(path) is not a UTF-8 text file the tool can edit, so its \(what) is not updated; fix the file before the next 'motion save', or that save records the old one again")
        }
        let original = text
        for field in fields {
            guard let updated = FrontMatterEditor.settingField(field, lines: FrontMatterEditor.canonicalLines(field, of: target), in: text) else {
                return StatusChange(revision: revision, warning:
                    "\(path) has no front matter to update, so its \(what) is not updated; add the lines before the next 'motion save', or that save records the old ones again")
            }
            text = updated
        }
        if text != original { try FileIO.writeAtomically(text, to: path) }
        return StatusChange(revision: revision)
    }
}
