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
        let (revision, path) = try storeOptions.context.restore(reference, force: force)
        print(path)
        Terminal.error("restored \(revision.reference)")
    }
}
