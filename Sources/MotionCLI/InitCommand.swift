import ArgumentParser
import Foundation
import MotionKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a workspace: a store, a motions/ folder, and copies of the templates and glossary.",
        discussion: """
            Safe to run again: it only adds what is missing and never replaces your files.

            With --store, the store is made there instead of in .motion/store.sqlite: a file, or
            an empty PostgreSQL database (its password from PGPASSWORD or ~/.pgpass). Commands
            then name it with --store or MOTION_STORE.

            Examples:
              motion init
              motion init ~/branch-motions
              motion init --store postgres://office@db.example.org/conference
            """)

    @Argument(help: "The folder to make a workspace of (default: the current folder).")
    var directory: String = "."

    @Option(help: ArgumentHelp("Make the store here instead: a store file, or a PostgreSQL address (also MOTION_STORE).", valueName: "store"))
    var store: String?

    func run() throws {
        let root = directory == "." ? WorkspaceLocator.currentDirectory() : directory
        let store = store ?? ProcessInfo.processInfo.environment["MOTION_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        let result = try WorkspaceSetup.initialize(at: root, store: store)
        if result.alreadyExisted {
            Terminal.error("\(root) is already a workspace; added \(result.created.isEmpty ? "nothing" : result.created.joined(separator: ", "))")
        } else {
            Terminal.error("Initialised a motion workspace in \(root) (\(result.created.count) files and folders)")
        }
        print(result.workspace.storePath)
    }
}
