import ArgumentParser
import MotionKit

struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Record a new status (submitted, carried, lost, ...) as a revision.",
        discussion: """
            Statuses: \(MotionStatus.allCases.map(\.rawValue).joined(separator: ", ")). \
            The working file's status line is updated too; nothing else in it changes.

            Examples:
              motion set-status health-2026-lxp-recognition submitted
              motion set-status health-2026-lxp carried -m "Carried at conference, 26 April"
            """)

    @Argument(help: "The motion's id.")
    var id: String

    @Argument(help: "The new status.")
    var status: String

    @Option(name: .shortAndLong, help: "Why (default: 'Status: OLD -> NEW').")
    var message: String = ""

    @Option(help: "Who made the change.")
    var author: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let change = try storeOptions.context.setStatus(id, to: status, author: author, message: message)
        if let revision = change.revision {
            print(revision.reference)
        } else {
            Terminal.error("\(id) is already \(status); nothing recorded")
        }
        if let warning = change.warning { Terminal.warning(warning) }
    }
}
