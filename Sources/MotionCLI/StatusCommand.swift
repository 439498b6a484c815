import ArgumentParser
import MotionKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show working files as new, modified, unchanged or missing against the store.",
        discussion: """
            Examples:
              motion status
              motion status --json
            """)

    @Flag(help: "Print the states as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let entries = try storeOptions.context.status()
        if json {
            print(try JSONOutput.string(entries))
            return
        }
        var rows: [[String]] = []
        for entry in entries {
            rows.append([entry.state.rawValue, entry.id, entry.latest.map { "@\($0)" } ?? "-", entry.problem ?? ""])
        }
        Output.report(TextTable.render(rows), terminator: "")
        for note in entries.compactMap(\.note) { Terminal.note(note) }
        if entries.isEmpty { Terminal.error("no motions yet; 'motion new' starts one") }
    }
}
