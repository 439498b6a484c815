import ArgumentParser
import MotionKit

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply an amendment's wording and write the motion as amended.",
        discussion: """
            AMENDMENT is an amendment document (front matter with 'amends:', wording as body), a \
            stored amendment, or a file of bare wording. BASE is the motion it applies to; without \
            it, the revision the amendment's 'amends:' names. All instructions refer to the base \
            as it stands. If any instruction cannot be applied (quoted words missing or not \
            unique, a point that does not exist), the error names it and nothing is written.

            When the amendment names an older revision than the motion's latest, it is applied to \
            the revision it names, and a note says whether it still applies cleanly to the latest.

            Examples:
              motion apply health-2026-lxp-recognition amendments/lxp-1.md
              motion apply lxp-amendment-1 -o as-amended.md
              motion apply motions/branch.md wording.txt
            """)

    @Argument(help: "[BASE] AMENDMENT: the motion (optional) and the amendment.")
    var references: [String]

    @Option(help: "Line width that line numbers in the wording refer to (default: the motion's profile's).")
    var width: Int?

    @Option(name: .shortAndLong, help: "Write the motion as amended to this file instead of standard output.")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard (1...2).contains(references.count) else {
            throw ValidationError("give the amendment, or the motion and then the amendment: motion apply [BASE] AMENDMENT")
        }
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let result = try ApplyAmendment(base: references.count == 2 ? references[0] : nil, amendment: references.last!, lineWidth: width)
            .run(in: storeOptions.context)
        for note in result.notes { Terminal.note(note) }
        try DocumentOutput.write(MarkdownWriter.write(result.motion), to: output, defaultName: "\(result.motion.id).md")
    }
}
