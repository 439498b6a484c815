import ArgumentParser
import MotionKit

@main
struct MotionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motion",
        abstract: "Draft, check, amend, compare and export trade-union conference motions.",
        discussion: """
            Motions are Markdown files with YAML front matter (see docs/motion-format.md).

            Examples:
              motion new --template unison-health --id health-2026-pay --title "Fair pay"
              motion check motions/*.md
            """,
        version: MotionKitVersion.string,
        subcommands: [CheckCommand.self, NewCommand.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            failure.report()
        } catch {
            exit(withError: error)
        }
    }
}
