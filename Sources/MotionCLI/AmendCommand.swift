import ArgumentParser
import MotionKit

struct AmendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Write the amendment wording that turns one motion into another.",
        discussion: """
            BASE is the motion as it stands (ID, ID@N, ID@TAG or a file); TARGET is the text a \
            delegate edited (a file, or a stored revision). Prints formal wording such as
              In point 2, after 'workers' insert 'and survivor researchers'.
            Quoted style names titles, sections, paragraphs and points and quotes words until \
            they are unique; lines style names computed line numbers (motion show --line-numbers). \
            The default style and line width come from BASE's profile. The wording always \
            applies back exactly: motion apply BASE WORDING gives TARGET.

            Examples:
              motion amend health-2026-lxp-recognition my-edit.md
              motion amend health-2026-lxp@1 health-2026-lxp@3 --style lines
              motion amend health-2026-lxp my-edit.md --document --id lxp-a1 \\
                -o motions/lxp-a1.md
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
        let draft = DraftAmendment(base: base, target: target, style: style, lineWidth: width,
                                   document: document ? .init(id: id, submittedBy: submittedBy) : nil)
        let result = try draft.run(in: storeOptions.context)
        guard let text = result.text else {
            return Terminal.error("motion: \(result.targetLabel) has the same text as \(result.baseLabel): no amendment to write")
        }
        try DocumentOutput.write(text, to: output, defaultName: "\(id ?? "amendment").md")
    }
}

extension ConferenceProfile.AmendmentStyle: ExpressibleByArgument {}
