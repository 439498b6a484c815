import ArgumentParser
import MotionKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a revision's Markdown.",
        discussion: """
            REF is ID (the latest revision), ID@N, ID@TAG, ID@latest, or a file. With \
            --line-numbers, prints the body wrapped at the profile's line width and numbered from \
            its first line: the numbers amendments and exports use.

            Examples:
              motion show health-2026-lxp-recognition@2
              motion show health-2026-lxp-recognition@submitted
              motion show --line-numbers health-2026-lxp-recognition
            """)

    @Argument(help: "The revision: ID, ID@N, ID@TAG or a file.")
    var reference: String

    @Flag(help: "Print the body with its computed line numbers.")
    var lineNumbers = false

    @Option(help: "Line width for --line-numbers (default: the motion's profile's, else 80).")
    var width: Int?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let context = storeOptions.context
        Output.document(lineNumbers ? try context.numberedLines(reference, width: width) : try context.resolve(reference).text)
    }
}
