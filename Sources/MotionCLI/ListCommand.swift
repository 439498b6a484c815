import ArgumentParser
import MotionKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the motions in the store with their latest revision, status, words and title.",
        discussion: """
            Examples:
              motion list
              motion list --status submitted --json
            """)

    @Option(help: "Only motions whose latest revision has this status.")
    var status: String?

    @Flag(help: "Print the list as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let grouped = try storeOptions.context.list(status: status)
        if json {
            print(try JSONOutput.string(grouped.map { LogEntry($0.revision) }))
            return
        }
        var rows = [["ID", "REV", "STATUS", "WORDS", "TITLE"]]
        for (revision, isUnderMotion) in grouped {
            let id = isUnderMotion ? "  \u{21B3} " + revision.motionID : revision.motionID
            let title = isUnderMotion ? "amends \(revision.amends ?? ""): \(revision.title)" : revision.title
            rows.append([id, "@\(revision.number)", revision.status.words, String(revision.words), title])
        }
        Output.report(TextTable.render(rows), terminator: "")
    }
}
