import MotionDiff

/// Line widths a delegate may ask for: narrower than 20 characters, no line holds a phrase.
enum LineWidth {
    static let minimum = 20

    static func check(_ width: Int?) throws(ApplicationError) {
        if let width, width < minimum { throw ApplicationError(.usage, "--width must be at least \(minimum)") }
    }
}

/// Compares two versions word by word (`motion diff`): revisions or files, or with no `new`,
/// the latest revision of motion `old` and its working file.
public struct CompareVersions: Sendable {
    public var old: String
    public var new: String?
    public var options: DiffOptions

    public struct Result: Sendable {
        public var diff: DocumentDiff
        public var baseLabel: String
        public var targetLabel: String
    }

    public init(old: String, new: String?, options: DiffOptions = DiffOptions()) {
        self.old = old
        self.new = new
        self.options = options
    }

    public func run(in context: AppContext) throws -> Result {
        let base: ResolvedText, target: ResolvedText
        if let new {
            (base, target) = (try context.resolve(old), try context.resolve(new))
        } else {
            guard case .stored(let id, _) = try RevisionReference(parsing: old) else {
                throw ApplicationError(.usage, "name two versions to compare, or one ID to compare its working file with the latest revision")
            }
            base = try context.resolve(old, warningOfUnsavedEdits: false)
            target = try context.resolve(try context.history().workspace.workingFile(for: id))
        }
        let labels = (old: base.label, new: target.label)
        let (a, b) = try DiffInput.documents(base.text, target.text, labels: labels)
        // The texts are not needed once read into documents: let their memory go first.
        _ = consume base
        _ = consume target
        return Result(diff: DocumentDiff.compare(a, b, options: options), baseLabel: labels.old, targetLabel: labels.new)
    }
}

extension AppContext {
    /// A revision or file as numbered lines: the numbers amendments and exports use, at `width`
    /// or the motion's profile's line width.
    public func numberedLines(_ reference: String, width: Int?) throws -> String {
        let resolved = try resolve(reference)
        let motion = try resolved.motion()
        try LineWidth.check(width)
        var scheme = amendmentSettings(for: motion).lines
        if let width { scheme.width = width }
        return LineNumbering.render(LineNumbering.lines(of: motion, scheme: scheme))
    }

    /// Starts a motion from a skeleton in templates/motions/ and writes it, never over an
    /// existing file; returns its path (`output`, else the motions folder's ID.md).
    public func newMotion(template: String, id: String, title: String, conference: String?, submittedBy: String?,
                          amends: String?, output: String?) throws -> String {
        guard let (text, origin) = try resources.text("templates/motions/\(template).md") else {
            let known = resources.names(in: "templates/motions", ext: ".md").joined(separator: ", ")
            throw ApplicationError(.usage, "no template '\(template)'; available: \(known)")
        }
        var draft: Motion
        do {
            draft = MotionDrafter.draft(fromSkeleton: try MotionReader.read(text).motion, id: id, title: title,
                                        conference: conference, submittedBy: submittedBy)
        } catch {
            throw ApplicationError(.badData, "the template \(origin) is not a valid motion: \(error.message)")
        }
        if let amends {
            let amended = try amendedMotion(amends)
            draft.metadata.amends = amended.reference
            draft.metadata.conference = conference ?? amended.motion?.metadata.conference ?? draft.metadata.conference
            draft.metadata.profile = amended.motion?.metadata.profile ?? draft.metadata.profile
        }
        return try writeNewMotion(draft, output: output)
    }

    /// Writes a new motion to motions/ID.md (or `output`), never over a file; returns the path.
    func writeNewMotion(_ motion: Motion, output: String?) throws -> String {
        let path = output ?? "\(motionsFolder)/\(motion.id).md"
        do {
            try FileIO.createDirectory(FileIO.parentDirectory(of: path))
            try FileIO.writeAtomically(MarkdownWriter.write(motion), to: path, overwrite: false)
        } catch {
            if error.errno == EEXIST { throw ApplicationError(.cannotCreate, "\(path) already exists; choose another id, or edit that file") }
            throw error
        }
        return path
    }

    /// The motion an amendment is started against, and how its `amends:` names it: a stored
    /// motion by the revision it stands at now (`ID@N`, so the amendment keeps its base when the
    /// motion moves on), a file by its path. A motion that is not here (not saved yet, or known
    /// only from an agenda) is named as given, with a warning: no revision of it can be named.
    private func amendedMotion(_ reference: String) throws -> (motion: Motion?, reference: String) {
        let resolved: ResolvedText
        do {
            resolved = try resolve(reference, warningOfUnsavedEdits: false)
        } catch let error as any MotionKitError where error.category == .missingInput {
            // A file that is not there, or a revision or tag the stored motion lacks, is a typo.
            guard case .stored(let id, _) = try RevisionReference(parsing: reference), (try? store().log(id)) == nil else { throw error }
            if let path = try? history().workspace.workingFile(for: id), FileIO.fileExists(path) {
                warning("\(id) is not saved yet, so the amendment names it without a revision; save it ('motion save \(path)') and write 'amends: \(id)@1'")
                return (try? resolve(path).motion(), reference)
            }
            warning("no motion '\(id)' here (\(error.description)); the amendment names '\(reference)' as given, and its conference and profile are not copied")
            return (nil, reference)
        }
        return (try resolved.motion(), resolved.revision?.reference ?? reference)
    }
}

#if canImport(Glibc)
import Glibc
#endif
