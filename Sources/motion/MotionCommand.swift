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
        do {
            if getenv("MOTION_NO_FAST_PATH") == nil, let request = DiffFastPath.request(from: CommandLine.arguments) {
                try request.run()
                return
            }
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CleanExit {
            // Help and --version, caught by their concrete type first: asking whether an error
            // conforms to a protocol scans every conformance in the binary (about 0.5M
            // instructions, a quarter of start-up).
            exit(withError: error)
        } catch let error as ExitCode {
            exit(withError: error)
        } catch let error as any MotionKitError {
            ErrorReport.exit(error)
        } catch {
            // ArgumentParser's own: usage errors, help, --version, exit codes.
            exit(withError: error)
        }
    }
}
