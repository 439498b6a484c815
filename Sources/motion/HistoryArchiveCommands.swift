import ArgumentParser
import MotionKit

struct ExportHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-history",
        abstract: "Write every revision as Markdown plus a JSON manifest, to move or back up a store.",
        discussion: """
            Examples:
              motion export-history backup-2026-11
            """)

    @Argument(help: "A new (or empty) folder.")
    var directory: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let manifest = try storeOptions.context.exportHistory(to: directory)
        let revisions = manifest.motions.reduce(0) { $0 + $1.revisions.count }
        print("\(directory)/\(HistoryArchive.manifestName)")
        Terminal.error("exported \(revisions) revisions of \(manifest.motions.count) motions")
    }
}

struct ImportHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-history",
        abstract: "Rebuild history from a folder written by export-history.",
        discussion: """
            Checks every file against its hash before writing anything. The store must not already
            hold the motions being imported.

            Examples:
              motion init new-place && cd new-place && motion import-history ../backup-2026-11
            """)

    @Argument(help: "A folder written by 'motion export-history'.")
    var directory: String

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let manifest = try storeOptions.context.importHistory(from: directory)
        let revisions = manifest.motions.reduce(0) { $0 + $1.revisions.count }
        Terminal.error("imported \(revisions) revisions of \(manifest.motions.count) motions")
    }
}
