import ArgumentParser
import MotionKit

struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Record a new status (submitted, carried, lost, ...) as a revision.",
        discussion: """
            Statuses: \(MotionStatus.allCases.map(\.rawValue).joined(separator: ", ")).
            The working file's status line is updated too; nothing else in it changes.

            Examples:
              motion set-status health-2026-lxp-recognition submitted
              motion set-status health-2026-lxp-recognition carried -m "Carried at conference, 26 April"
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
        guard let newStatus = MotionStatus(rawValue: status) else {
            throw CLIFailure("unknown status '\(status)'; use one of \(MotionStatus.allowedList)", status: ExitStatus.usage)
        }
        guard MotionID.isValid(id) else { throw CLIFailure("'\(id)' is not a motion id", status: ExitStatus.usage) }
        let history = try storeOptions.history()
        let author = history.workspace.author(option: author, environment: storeOptions.environment)
        let change = try history.setStatus(id, to: newStatus, author: author, message: message)
        if let revision = change.revision {
            print(revision.reference)
        } else {
            Terminal.error("\(id) is already \(newStatus.rawValue); nothing recorded")
        }
        if let warning = change.warning { Terminal.error("motion: warning: \(warning)") }
    }
}
