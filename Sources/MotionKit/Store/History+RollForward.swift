import Foundation

extension History {
    /// Brings a working file up to its motion's latest revision when a command recorded that
    /// revision from it and was stopped before it rewrote the file (`set-status`, or a derived
    /// save, killed between its commit and its write). Such a file holds the latest revision's
    /// parent unchanged and was last written before the latest revision was made; saving it as
    /// it is would quietly undo that revision. A file edited after the revision is the
    /// delegate's own and is left alone. Returns a note saying what was done, or nil.
    public func rollForwardIfLeftBehind(_ path: String) -> String? {
        guard let copy = try? WorkingCopy.read(path, in: workspace),
              let latest = try? store.revision(copy.id, .latest), copy.hash != latest.hash else { return nil }
        return try? rollForward(copy, to: latest)
    }

    func rollForward(_ copy: WorkingCopy, to latest: Revision) throws -> String? {
        guard let parent = latest.parent, let written = FileIO.modificationTime(copy.path),
              let made = Timestamp.date(latest.time), written < made.timeIntervalSince1970,
              try store.revision(latest.motionID, .number(parent)).hash == copy.hash else { return nil }
        let text = try store.text(of: latest)
        let motion = try MotionReader.read(text).motion
        var asFile = copy.document.motion
        asFile.metadata.status = motion.metadata.status
        // A status change rewrites only the status line, keeping the file as the delegate wrote it.
        if asFile == motion, let source = try? SourceText.read(copy.path).text,
           let updated = FrontMatterEditor.settingField("status", to: motion.metadata.status.rawValue, in: source),
           (try? MotionReader.read(updated).motion) == motion {
            try FileIO.writeAtomically(updated, to: copy.path)
        } else {
            try FileIO.writeAtomically(text, to: copy.path)
        }
        return "\(copy.path) still held \(latest.motionID)@\(parent), unchanged, though \(latest.reference) (\(latest.message)) was recorded after it; "
            + "brought it up to \(latest.reference), so that saving it does not undo that revision"
    }
}
