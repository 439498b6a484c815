import ArgumentParser
import MotionKit

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Name a revision, such as 'submitted' or 'as-amended'.",
        discussion: """
            Examples:
              motion tag health-2026-lxp-recognition@3 submitted
              motion tag health-2026-lxp-recognition agreed-by-branch
            """)

    @Argument(help: "The revision: ID (the latest), ID@N or ID@TAG.")
    var reference: String

    @Argument(help: "The tag: letters, digits, '-', '_' or '.', starting with a letter.")
    var name: String

    @Flag(help: "Move the tag if it already names another revision.")
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let revision = try storeOptions.context.tag(reference, as: name, force: force)
        Output.report("\(revision.motionID)@\(name) -> \(revision.reference)")
    }
}
