import ArgumentParser
import MotionKit

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show a motion's revisions, newest first, and the amendments to it.",
        discussion: """
            Times are shown in the local time zone (TZ) to the second; --json gives them as stored, \
            in UTC with milliseconds.

            Examples:
              motion log health-2026-lxp-recognition
              motion log --json health-2026-lxp-recognition
            """)

    @Argument(help: "The motion's id.")
    var id: String

    @Flag(help: "Print the revisions as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let (revisions, amendments) = try storeOptions.context.log(id)
        if json {
            print(try JSONOutput.string(revisions.map(LogEntry.init)))
            return
        }
        var out = ""
        for revision in revisions {
            let tags = revision.tags.isEmpty ? "" : " (\(revision.tags.joined(separator: ", ")))"
            out += "\(revision.reference)\(tags)  \(revision.status.words)  \(Timestamp.display(revision.time))  \(revision.author)\n"
            out += "    \(revision.message)\n"
        }
        if !amendments.isEmpty {
            out += "\nAmendments to \(id):\n"
            for amendment in amendments {
                out += "  \(amendment.reference)  \(amendment.status.words)  amends \(amendment.amends ?? id)  \(amendment.words) words\n"
            }
        }
        Output.report(out, terminator: "")
    }
}

/// A revision as `log --json` shows it.
struct LogEntry: Encodable {
    var id: String
    var number: Int
    var hash: String
    var parent: Int?
    var author: String
    var time: String
    var message: String
    var status: String
    var kind: String
    var title: String
    var words: Int
    var amends: String?
    var tags: [String]

    init(_ revision: Revision) {
        id = revision.motionID
        number = revision.number
        hash = revision.hash
        parent = revision.parent
        author = revision.author
        time = revision.time
        message = revision.message
        status = revision.status.rawValue
        kind = revision.kind.rawValue
        title = revision.title
        words = revision.words
        amends = revision.amends
        tags = revision.tags
    }
}
