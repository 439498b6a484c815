import ArgumentParser
import MotionKit

/// `motion store`, parsed on its own (see ``MotionCommand/main()``); `motion --help` lists it.
struct StoreCommand: ParsableCommand {
    static let name = "store"

    static let configuration = CommandConfiguration(
        commandName: "motion store",
        abstract: "Work on whole stores: copy one between SQLite and PostgreSQL.",
        subcommands: [Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every motion's history from one store to another, and prove the copy.",
            discussion: """
                FROM and TO are store files or PostgreSQL addresses, either way round.
                TO is made when missing (a PostgreSQL database must exist, and be empty
                or a motion store). It all goes in one transaction: a damaged FROM, or a
                TO that holds any of the motions already, is refused with nothing
                written. The copy is then read back and compared revision by revision
                (hashes, numbers, authors, times, statuses, tags), and fsck must find
                both stores clean. Accounts of motion serve are never copied: add them
                with 'motion user add --store TO'. Passwords come from PGPASSWORD or
                ~/.pgpass, never from an address.

                Examples:
                  motion store copy .motion/store.sqlite \\
                    postgres://office@db.example.org/conference
                  motion store copy postgres://office@db.example.org/conference backup.sqlite
                """)

        @Argument(help: "The store to copy from.") var from: String
        @Argument(help: "The store to copy into.") var to: String
        @Flag(help: "Print the report as JSON.") var json = false

        func run() throws {
            let report = try AppContext.copyStore(from: from, to: to)
            if json {
                print(try JSONOutput.string(report))
            } else {
                Terminal.error("copied \(report.motions) motions (\(report.revisions) revisions, \(report.tags) tags) from \(report.from) to \(report.to); the copy reads back the same and fsck finds both clean")
            }
        }
    }
}
