import ArgumentParser
import MotionKit

struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Write the amendment wording that turns one motion into another.",
        discussion: """
            BASE is the motion as it stands (ID, ID@N, ID@TAG or a file); TARGET is the text a
            delegate edited (a file, or a stored revision). Prints formal wording such as
              In point 2, after 'workers' insert 'and survivor researchers'.
            Quoted style names titles, sections, paragraphs and points and quotes words until
            they are unique; lines style names computed line numbers (motion show --line-numbers).
            The default style and line width come from BASE's profile. The wording always
            applies back exactly: motion apply BASE WORDING gives TARGET.

            Examples:
              motion amend health-2026-lxp-recognition my-edit.md
              motion amend health-2026-lxp-recognition@1 health-2026-lxp-recognition@3 --style lines
              motion amend health-2026-lxp-recognition my-edit.md --document --id lxp-amendment-1 -o amendments/lxp-1.md
            """)

    @Argument(help: "The motion as it stands: ID, ID@N, ID@TAG or a file.")
    var base: String

    @Argument(help: "The edited text: a file or a stored revision.")
    var target: String

    @Option(help: "Wording style: quoted or lines (default: BASE's profile's).")
    var style: ConferenceProfile.AmendmentStyle?

    @Option(help: "Line width for lines style (default: BASE's profile's, else 80).")
    var width: Int?

    @Flag(help: "Write a whole amendment document (front matter and wording), ready to save.")
    var document = false

    @Option(help: "The amendment's id with --document (default: BASE's id with '-amendment').")
    var id: String?

    @Option(help: "Who submits the amendment, with --document.")
    var submittedBy: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
        if let id, !MotionID.isValid(id) { throw ValidationError("--id '\(id)' is not valid: use lower-case letters, digits and dashes") }
    }

    func run() throws {
        let baseRef = try ResolvedReference(base, history: try storeOptions.history())
        let targetRef = try ResolvedReference(target, history: try storeOptions.history())
        let baseMotion = try baseRef.motion(), targetMotion = try targetRef.motion()
        let settings = CommandContext().resources.amendmentSettings(for: baseMotion)
        let wording = AmendmentWriter.wording(from: baseMotion, to: targetMotion, style: style ?? settings.style,
                                              lineWidth: width ?? settings.lineWidth)
        if wording.isEmpty {
            Terminal.error("motion: \(targetRef.label) has the same text as \(baseRef.label): no amendment to write")
            return
        }
        guard document else { return try DocumentOutput.write(wording, to: output) }
        let amends = baseRef.revision?.reference ?? baseMotion.id
        let metadata = Motion.Metadata(id: id ?? "\(baseMotion.id)-amendment", conference: baseMotion.metadata.conference,
                                       submittedBy: submittedBy, kind: .amendment, status: .draft,
                                       profile: baseMotion.metadata.profile, amends: amends)
        let header = MarkdownWriter.write(Motion(metadata: metadata, title: [.text("Amendment to \(baseMotion.titleText)")]))
        try DocumentOutput.write(header + "\n" + wording, to: output)
    }
}

extension ConferenceProfile.AmendmentStyle: ExpressibleByArgument {}
