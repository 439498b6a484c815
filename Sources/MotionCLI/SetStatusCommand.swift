import ArgumentParser
import MotionKit

struct SetStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Record a new status (submitted, carried, lost, ...) as a revision.",
        discussion: """
            Statuses: \(MotionStatus.allCases.map(\.rawValue).joined(separator: ", ")). \
            The working file's status line is updated too; nothing else in it changes. \
            A composite is admitted only when every mover has agreed to it as it stands \
            ('motion composite agree'), or with --override and the office's reason, which \
            is recorded.

            Examples:
              motion set-status health-2026-lxp-recognition submitted
              motion set-status health-2026-lxp carried -m "Carried on 26 April"
              motion set-status lxp-composite admitted --override "Mover away"
            """)

    @Argument(help: "The motion's id.")
    var id: String

    @Argument(help: "The new status.")
    var status: String

    @Option(name: .shortAndLong, help: "Why (default: 'Status: OLD -> NEW').")
    var message: String = ""

    @Option(help: "Who made the change.")
    var author: String?

    @Option(help: ArgumentHelp("Admit a composite before every mover has agreed, for this reason (recorded).", valueName: "reason"))
    var override: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let change = try storeOptions.context.setStatus(id, to: status, author: author, message: message, override: override)
        if let revision = change.revision {
            print(revision.reference)
        } else {
            Terminal.error("\(id) is already \(status); nothing recorded")
        }
        if let warning = change.warning { Terminal.warning(warning) }
    }
}
