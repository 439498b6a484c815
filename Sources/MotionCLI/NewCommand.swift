import ArgumentParser
import MotionKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a motion from a skeleton in templates/motions/.",
        discussion: """
            Writes motions/ID.md (in the workspace, else in ./motions) and prints its path. It never \
            overwrites a file. Skeletons: unison-health, emergency-motion, amendment, generic, \
            branch, tuc-congress, or any NAME.md in your templates/motions/ folder.

            Examples:
              motion new --template unison-health --id health-2026-lxp \\
                --title "Recognition for peer workers"
              motion new --template amendment --id lxp-a1 --title "Amendment 1" \\
                --amends health-2026-lxp
            """)

    @Option(help: "The skeleton to start from (templates/motions/NAME.md).")
    var template: String = "generic"

    @Option(help: "The motion's id: lower-case letters, digits and dashes, such as health-2026-pay.")
    var id: String

    @Option(help: "The motion's title.")
    var title: String

    @Option(help: "The conference it goes to.")
    var conference: String?

    @Option(help: "Who submits it: a branch, region or group.")
    var submittedBy: String?

    @Option(help: "For an amendment: the motion it amends, ID, ID@REV or a file. An ID is written as ID@N, its latest revision, so the amendment keeps its base when the motion moves on; the motion's conference and profile are copied.")
    var amends: String?

    @Option(name: [.short, .customLong("output")], help: "Write here instead of motions/ID.md.")
    var output: String?

    func validate() throws {
        guard MotionID.isValid(id) else {
            throw ValidationError("'\(id)' is not a valid id: use lower-case letters, digits and dashes, starting with a letter or digit, such as '\(MotionID.slug(id))'")
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the title is empty") }
        guard ResourceLibrary.isPlainName(template) else { throw ValidationError("'\(template)' is not a template name") }
    }

    func run() throws {
        print(try AppContext(warn: { Terminal.warning($0) }).newMotion(template: template, id: id, title: title, conference: conference,
                                         submittedBy: submittedBy, amends: amends, output: output))
    }
}

