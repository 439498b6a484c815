import ArgumentParser
import MotionKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a workspace: a store, a motions/ folder, and copies of the templates and glossary.",
        discussion: """
            Safe to run again: it only adds what is missing and never replaces your files.

            Examples:
              motion init
              motion init ~/branch-motions
            """)

    @Argument(help: "The folder to make a workspace of (default: the current folder).")
    var directory: String = "."

    func run() throws {
        let root = directory == "." ? WorkspaceLocator.currentDirectory() : directory
        let result = try WorkspaceSetup.initialize(at: root)
        if result.alreadyExisted {
            Terminal.error("\(root) is already a workspace; added \(result.created.isEmpty ? "nothing" : result.created.joined(separator: ", "))")
        } else {
            Terminal.error("Initialised a motion workspace in \(root) (\(result.created.count) files and folders)")
        }
        print(result.workspace.storePath)
    }
}
