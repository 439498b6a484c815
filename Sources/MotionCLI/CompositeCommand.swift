import ArgumentParser
import MotionKit

/// `motion composite`, parsed on its own (see ``MotionCommand/main()``); `motion --help` names it.
struct CompositeCommand: ParsableCommand {
    static let name = "composite"

    static let configuration = CommandConfiguration(
        commandName: "motion composite",
        abstract: "Draft one composite motion from motions on the same subject.",
        discussion: """
            Writes motions/ID.md (or -o FILE), never over a file, and prints its path; the \
            report goes to stderr (or, with --json, to stdout). Sections are aligned by what \
            they do (notes with notes, resolves with resolves). A paragraph or point whose \
            every sentence another motion says in the same words is written once, and the \
            report lists each sentence left out with the block that says it; a block with \
            any words of its own is kept whole. Near-duplicates are kept side by side, each \
            marked 'choose: N', for the committee to keep one. Points said by more motions \
            come first, then each motion's own. Every block ends with a comment naming the \
            source blocks it came from. MOTION is an ID (its latest revision), ID@REV or a \
            file; all must go to one conference under one profile.

            Examples:
              motion composite lxp-camden lxp-leeds lxp-bristol --id lxp-composite \\
                --title "Recognition for Lived Experience Professionals"
              motion composite lxp-camden@3 motions/lxp-leeds.md --id lxp-composite --json
            """)

    @Argument(help: "The motions to composite (two or more).") var motions: [String]
    @Option(help: "The composite's id: lower-case letters, digits and dashes.") var id: String
    @Option(help: "Its title (default: the first motion's).") var title: String?
    @Option(name: [.short, .customLong("output")], help: "Write here instead of motions/ID.md.") var output: String?
    @Flag(help: "Print the path and the report as JSON on stdout.") var json = false

    func validate() throws {
        guard motions.count >= 2 else { throw ValidationError("name at least two motions to composite") }
        guard MotionID.isValid(id) else {
            throw ValidationError("'\(id)' is not a valid id: use lower-case letters, digits and dashes, starting with a letter or digit, such as '\(MotionID.slug(id))'")
        }
    }

    func run() throws {
        let drafted = try AppContext(warn: { Terminal.warning($0) }).draftComposite(of: motions, id: id, title: title, output: output)
        if json {
            struct Output: Encodable { var path: String; var report: CompositeReport }
            print(try JSONOutput.string(Output(path: drafted.path, report: drafted.report)))
        } else {
            print(drafted.path)
            Terminal.error(drafted.report.text)
        }
    }
}
