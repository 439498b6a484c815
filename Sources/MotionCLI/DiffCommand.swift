import ArgumentParser
import Foundation
import MotionDiff
import MotionKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions, word by word.",
        discussion: """
            A and B are revisions (ID, ID@N, ID@TAG) or files. With only an ID, compares the latest \
            revision with the working file motions/ID.md. Motions are compared section by section \
            and block by block; other files as plain prose.

            Formats: color (the default on a terminal), plain ([-old-]{+new+}, git's word-diff \
            style), critic (CriticMarkup), side-by-side, html (a standalone page), json.

            Examples:
              motion diff health-2026-lxp-recognition
              motion diff health-2026-lxp@1 health-2026-lxp@submitted
              motion diff old.md new.md --format critic --context all
              motion diff health-2026-lxp@1 motions/health-2026-lxp.md --stat
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case color, plain, critic, sideBySide = "side-by-side", html, json

        /// The inline notation this format is, if it is one.
        var inlineNotation: InlineDiffRenderer.Notation? {
            switch self {
            case .color: .color
            case .plain: .plain
            case .critic: .critic
            case .sideBySide, .html, .json: nil
            }
        }
    }

    @Argument(help: "The old version: ID, ID@N, ID@TAG or a file.")
    var old: String

    @Argument(help: "The new version (default: the working file of ID).")
    var new: String?

    @Option(help: "color, plain, critic, side-by-side, html or json.")
    var format: Format?

    @Option(help: ArgumentHelp("Lines of context around changes, or 'all'.", valueName: "N|all"))
    var context: String = "3"

    @Flag(help: "Print words added and removed per section instead of the changes.")
    var stat = false

    @Flag(help: "Exit with 1 when there are differences, as git does.")
    var exitCode = false

    @Flag(help: "Treat curly and straight quotes, dashes and hyphens, and no-break spaces as equal.")
    var ignoreTypography = false

    @Option(help: "Width of the side-by-side view (default: the terminal's).")
    var width: Int?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard context == "all" || Int(context).map({ $0 >= 0 }) == true else {
            throw ValidationError("--context takes a number of lines or 'all', not '\(context)'")
        }
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        try DiffRequest(old: old, new: new, format: format, context: context, stat: stat, exitCode: exitCode,
                        ignoreTypography: ignoreTypography, width: width, store: storeOptions.store).run()
    }
}

/// A diff to make, however it was asked for: through ArgumentParser, or through the fast path
/// that spares the most frequent command ArgumentParser's start-up (see DiffFastPath).
struct DiffRequest {
    var old: String
    var new: String?
    var format: DiffCommand.Format?
    var context: String = "3"
    var stat = false
    var exitCode = false
    var ignoreTypography = false
    var width: Int?
    /// `--store`.
    var store: String?

    func run() throws {
        let appContext = AppContext(storeOption: store, warn: { Terminal.warning($0) })
        let compared = try CompareVersions(old: old, new: new, options: DiffOptions(ignoreTypography: ignoreTypography)).run(in: appContext)
        let diff = compared.diff
        let lines = context == "all" ? nil : Int(context)
        let terminal = isatty(STDOUT_FILENO) != 0
        let useColor = terminal && (getenv("NO_COLOR").map { $0.pointee == 0 } ?? true)
        let chosen = format ?? (useColor ? .color : .plain)
        if !stat, let notation = chosen.inlineNotation {
            // On a terminal, control characters in the motions are shown, never obeyed; piped,
            // the text is exact, rendered from the diff's bytes straight to stdout.
            let renderer = InlineDiffRenderer(notation: notation, context: lines)
            var bytes = terminal
                ? Array(renderer.render(diff.pieces.map { DiffPiece(style: $0.style, text: TerminalText.escaped($0.text), note: $0.note) }).utf8)
                : renderer.utf8(diff)
            // With all context the output is the text itself, final line break or not; trimmed,
            // it ends its last line.
            if lines != nil, let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            Output.write(utf8: bytes)
            UntilExit.keep(appContext, compared, bytes)
        } else {
            var output: String
            if stat {
                output = statTable(diff)
            } else {
                switch chosen {
                case .sideBySide:
                    // Context counts blocks here: a block is a paragraph or point, several lines.
                    var renderer = SideBySideRenderer(width: width ?? terminalWidth(), color: useColor, context: lines.map { max(1, $0 / 3) })
                    renderer.escapesControls = terminal
                    renderer.labels = (compared.baseLabel, compared.targetLabel)
                    output = renderer.render(diff)
                case .html: output = HTMLDiffRenderer.render(diff, baseLabel: compared.baseLabel, targetLabel: compared.targetLabel)
                case .json: output = try JSONDiffRenderer.render(diff, baseLabel: compared.baseLabel, targetLabel: compared.targetLabel)
                case .color, .plain, .critic: preconditionFailure("inline formats are written above")
                }
            }
            if !output.isEmpty, !output.hasSuffix("\n") { output += "\n" }
            Output.write(output)
            UntilExit.keep(appContext, compared, output)
        }
        if exitCode, diff.hasChanges { throw ExitCode(1) }
    }



    private func statTable(_ diff: DocumentDiff) -> String {
        var rows = [["SECTION", "ADDED", "REMOVED"]]
        var added = 0, removed = 0
        for stat in diff.wordStats where stat.added + stat.removed > 0 {
            rows.append([stat.section, "+\(stat.added)", "-\(stat.removed)"])
            added += stat.added
            removed += stat.removed
        }
        rows.append(["total", "+\(added)", "-\(removed)"])
        return TextTable.render(rows)
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 100
    }
}
