extension AppContext {
    /// A revision or file as numbered lines: the numbers amendments and exports use, at `width`
    /// or the motion's profile's line width.
    public func numberedLines(_ reference: String, width: Int?) throws -> String {
        let resolved = try resolve(reference)
        let motion = try resolved.motion()
        let lineWidth = width ?? profileLineWidth(of: motion)
        return LineNumbering.render(LineNumbering.lines(of: motion, width: lineWidth))
    }

    /// The line width of a motion's profile, or the default when it names none or one that
    /// cannot be read (`motion check` reports that).
    func profileLineWidth(of motion: Motion) -> Int {
        guard let name = motion.metadata.profile, let profile = try? resources.profile(named: name) else {
            return ConferenceProfile.defaultLineWidth
        }
        return profile.lineWidth
    }

    /// The two sides of a diff: `old` and `new`, or with no `new`, the latest revision of motion
    /// `old` and its working file.
    public func diffSides(_ old: String, _ new: String?) throws -> (base: ResolvedText, target: ResolvedText) {
        if let new { return (try resolve(old), try resolve(new)) }
        guard case .stored(let id, _) = try RevisionReference(parsing: old) else {
            throw ApplicationError(.usage, "name two versions to compare, or one ID to compare its working file with the latest revision")
        }
        let base = try resolve(old)
        return (base, try resolve(try history().workspace.workingFile(for: id)))
    }

    /// Starts a motion from a skeleton in templates/motions/ and writes it, never over an
    /// existing file; returns its path (`output`, else the motions folder's ID.md).
    public func newMotion(template: String, id: String, title: String, conference: String?, submittedBy: String?,
                          amends: String?, output: String?) throws -> String {
        guard let (text, origin) = try resources.text("templates/motions/\(template).md") else {
            let known = resources.names(in: "templates/motions", ext: ".md").joined(separator: ", ")
            throw ApplicationError(.usage, "no template '\(template)'; available: \(known)")
        }
        let draft: Motion
        do {
            draft = MotionDrafter.draft(fromSkeleton: try MotionReader.read(text).motion, id: id, title: title,
                                        conference: conference, submittedBy: submittedBy, amends: amends)
        } catch {
            throw ApplicationError(.badData, "the template \(origin) is not a valid motion: \(error.message)")
        }
        let path = output ?? "\(motionsFolder)/\(id).md"
        do {
            try FileIO.createDirectory(FileIO.parentDirectory(of: path))
            try FileIO.writeAtomically(MarkdownWriter.write(draft), to: path, overwrite: false)
        } catch {
            if error.errno == EEXIST { throw ApplicationError(.cannotCreate, "\(path) already exists; choose another id, or edit that file") }
            throw error
        }
        return path
    }
}

#if canImport(Glibc)
import Glibc
#endif
