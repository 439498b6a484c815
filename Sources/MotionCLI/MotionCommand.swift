import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MotionKit

/// The command line, shared by `motion` and `motion-pg` (the same commands, linked with the
/// PostgreSQL store), whose `main` is all either program does.
package struct MotionCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "motion",
        abstract: "Draft, check, amend, compare and export trade-union conference motions.",
        discussion: """
            Motions are Markdown files with YAML front matter (see docs/motion-format.md).
            Whole stores are copied with 'motion store copy FROM TO', and composites
            drafted with 'motion composite MOTION... --id ID' (see their --help).

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
            ServeCommand.self,
            UserCommand.self,
        ])

    package init() {}

    package static func main() {
        // With a file size limit set, a write that crosses it should fail with EFBIG (and a
        // clear message), not kill the process half-way.
        signal(SIGXFSZ, SIG_IGN)
        // A PostgreSQL store is motion-pg's: this program does not link a client for it.
        if !AppContext.opensPostgres, PostgresHandOff.isNeeded(CommandLine.arguments) {
            do { try Sibling.exec("motion-pg", CommandLine.arguments.dropFirst(), purpose: "the PostgreSQL store") } catch { fail(error) }
        }
        if getenv("MOTION_NO_FAST_PATH") == nil, let request = FastPath.request(from: CommandLine.arguments) {
            FastPath.keepFreedMemory()
            do { try request.run() } catch { fail(error) }
            Glibc.exit(0)
        }
        // `motion store ...` and `motion composite ...` are trees of their own: ArgumentParser
        // reflects on every command in the tree it parses, about a million instructions each,
        // paid by every command.
        if CommandLine.arguments.count > 1, CommandLine.arguments[1] == StoreCommand.name {
            execute(StoreCommand.self, Array(CommandLine.arguments.dropFirst(2)))
        }
        if CommandLine.arguments.count > 1, CommandLine.arguments[1] == CompositeCommand.name {
            execute(CompositeCommand.self, Array(CommandLine.arguments.dropFirst(2)))
        }
        if let suggestion = CommandSuggestion.forUnknown(CommandLine.arguments) {
            Terminal.error("motion: error: \(suggestion)")
            Glibc.exit(ExitStatus.usage)
        }
        execute(Self.self, nil)
    }

    /// Parses `arguments` (nil: the command line's) as `root`'s and runs the command.
    static func execute<Root: ParsableCommand>(_ root: Root.Type, _ arguments: [String]?) -> Never {
        let command: any ParsableCommand
        do {
            command = try root.parseAsRoot(arguments)
        } catch {
            // Help, --version and usage errors are ArgumentParser's own, and only it throws
            // here: they never meet the cast below.
            root.exit(withError: error)
        }
        var running = command
        do { try running.run() } catch { fail(error) }
        Glibc.exit(0)
    }

    /// Exits as the error says. `ExitCode` (how `check` and others report findings) is caught by
    /// its concrete type first, and carries no message: asking whether an error conforms to a
    /// protocol scans every conformance in the binary when it does not, about half a million
    /// instructions, and ArgumentParser's own exit builds the command tree it reflects on.
    static func fail(_ error: any Error) -> Never {
        if let exitCode = error as? ExitCode { Glibc.exit(exitCode.rawValue) }
        if let error = error as? any MotionKitError { ErrorReport.exit(error) }
        exit(withError: error)
    }
}

/// A mistyped command name gets the command it most likely meant, as git does.
enum CommandSuggestion {
    static var names: [String] {
        MotionCommand.configuration.subcommands.compactMap { $0.configuration.commandName } + [StoreCommand.name, CompositeCommand.name, "help"]
    }

    /// The message for `arguments` whose command is not one motion has, or nil.
    static func forUnknown(_ arguments: [String]) -> String? {
        guard arguments.count > 1, let typed = arguments.dropFirst().first, !typed.hasPrefix("-"), !names.contains(typed) else { return nil }
        let ranked = names.map { (name: $0, distance: editDistance(typed.lowercased(), $0)) }.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
        let close = ranked.filter { $0.distance <= max(1, min(2, typed.count / 3)) || $0.name.hasPrefix(typed.lowercased()) }
        let shown = TerminalText.escaped(typed)
        guard let best = close.first else {
            return "'\(shown)' is not a motion command; 'motion --help' lists them"
        }
        return "'\(shown)' is not a motion command; did you mean '\(best.name)'? ('motion --help' lists them)"
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit ("stauts").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
