import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
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
        subcommands: [
            CheckCommand.self, NewCommand.self, DiffCommand.self,
            InitCommand.self, SaveCommand.self, StatusCommand.self, LogCommand.self, ShowCommand.self, ListCommand.self,
            TagCommand.self, SetStatusCommand.self, RestoreCommand.self, FsckCommand.self,
            ExportHistoryCommand.self, ImportHistoryCommand.self, AmendCommand.self, ApplyCommand.self, MergeCommand.self, GlossaryCommand.self, ExportCommand.self, PaperCommand.self,
        ])

    static func main() {
        // With a file size limit set, a write that crosses it should fail with EFBIG (and a
        // clear message), not kill the process half-way.
        signal(SIGXFSZ, SIG_IGN)
        if getenv("MOTION_NO_FAST_PATH") == nil, let request = DiffFastPath.request(from: CommandLine.arguments) {
            do { try request.run() } catch { fail(error) }
            return
        }
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // Help, --version and usage errors are ArgumentParser's own, and only it throws
            // here: they never meet the cast below.
            exit(withError: error)
        }
        var running = command
        do { try running.run() } catch { fail(error) }
    }

    /// Exits as the error says. `ExitCode` (how `check` and others report findings) is caught by
    /// its concrete type first: asking whether an error conforms to a protocol scans every
    /// conformance in the binary when it does not, about half a million instructions.
    static func fail(_ error: any Error) -> Never {
        if let exitCode = error as? ExitCode { exit(withError: exitCode) }
        if let error = error as? any MotionKitError { ErrorReport.exit(error) }
        exit(withError: error)
    }
}
