import ArgumentParser
import MotionKit

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Write a revision back to its working file, motions/ID.md.",
        discussion: """
            Refuses to overwrite changes that are not saved in the store, unless --force.

            Examples:
              motion restore health-2026-lxp-recognition@2
              motion restore health-2026-lxp-recognition@submitted --force
            """)

    @Argument(help: "The revision: ID, ID@N or ID@TAG.")
    var reference: String

    @Flag(help: "Discard unsaved changes in the working file.")
    var force = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let history = try storeOptions.history()
        let revision = try history.storedRevision(reference, refusal: "restore takes a stored revision (ID, ID@N, ID@TAG), not a file")
        try history.restore(revision, force: force)
        print(history.workspace.workingFile(for: revision.motionID))
        Terminal.error("restored \(revision.reference)")
    }
}
