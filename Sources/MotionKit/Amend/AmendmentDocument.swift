/// An amendment as a file or a stored revision holds it: front matter (`kind: amendment`,
/// `amends: MOTION-ID[@REV]`, submitted-by, status) and the wording as its body. Bare wording
/// with no front matter is read too, for `motion apply BASE wording.txt`.
public struct AmendmentDocument: Sendable {
    /// The amendment as a document; nil for bare wording.
    public var motion: Motion?
    public var wording: String
    /// The file line the wording starts on, so messages point at the delegate's lines.
    var wordingLine: Int
    public var instructions: [AmendmentInstruction]

    /// The motion it amends, `ID` or `ID@REV`, from the front matter.
    public var amends: String? { motion?.metadata.amends }

    /// Reads and parses an amendment; throws ``MotionReadError`` for bad front matter and
    /// ``AmendmentError`` for wording it cannot read.
    public static func read(_ text: String, fileName: String? = nil) throws -> AmendmentDocument {
        let stripped = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard stripped.hasPrefix("---") else {
            return AmendmentDocument(motion: nil, wording: text, wordingLine: 1, instructions: try AmendmentParser.parse(stripped))
        }
        let document = try MotionReader.read(text, fileName: fileName)
        return AmendmentDocument(motion: document.motion, wording: document.body, wordingLine: document.bodyLine,
                                 instructions: try AmendmentParser.parse(document.body, firstLine: document.bodyLine))
    }
}

extension AmendmentDocument {
    /// A new amendment document: front matter naming the motion it amends (at `reference`),
    /// with the motion's conference and profile, then the wording.
    public static func text(amending motion: Motion, at reference: String, id: String?, submittedBy: String?,
                            wording: String) -> String {
        let metadata = Motion.Metadata(id: id ?? "\(motion.id)-amendment", conference: motion.metadata.conference,
                                       submittedBy: submittedBy, kind: .amendment, status: .draft,
                                       profile: motion.metadata.profile, amends: reference)
        return MarkdownWriter.write(Motion(metadata: metadata, title: [.text("Amendment to \(motion.titleText)")])) + "\n" + wording
    }
}

/// How an amendment that names a revision stands against the motion's latest revision.
struct AmendmentStanding: Sendable {
    /// The revision the amendment names (the latest when it names none).
    public var named: Revision
    public var latest: Revision
    /// The motion has moved on since the amendment was written.
    var isOutdated: Bool { named.number != latest.number }
}

extension RevisionStore {
    /// The revision an `amends:` value names, and the motion's latest.
    func standing(ofAmendmentTo amends: String) throws(StoreError) -> AmendmentStanding {
        guard case .stored(let id, let selector)? = try? RevisionReference(parsing: amends) else {
            throw StoreError(.unknownMotion, "'amends: \(amends)' does not name a stored motion; write 'amends: MOTION-ID' or 'MOTION-ID@REV'")
        }
        return AmendmentStanding(named: try revision(id, selector), latest: try revision(id, .latest))
    }
}

extension ResourceLibrary {
    /// The line width and wording style of a motion's profile: the defaults when it names none,
    /// or names one that cannot be read (`motion check` reports that).
    func amendmentSettings(for motion: Motion) -> (lines: LineScheme, style: ConferenceProfile.AmendmentStyle) {
        guard let name = motion.metadata.profile, let profile = try? profile(named: name) else {
            return (LineScheme(), .quoted)
        }
        return (profile.lineScheme, profile.amendmentStyle)
    }
}
