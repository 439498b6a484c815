import ArgumentParser
import MotionKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a revision's Markdown.",
        discussion: """
            REF is ID (the latest revision), ID@N, ID@TAG, ID@latest, or a file.

            Examples:
              motion show health-2026-lxp-recognition@2
              motion show health-2026-lxp-recognition@submitted
            """)

    @Argument(help: "The revision: ID, ID@N, ID@TAG or a file.")
    var reference: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        print(try ResolvedReference(reference, history: try storeOptions.history()).text, terminator: "")
    }
}
