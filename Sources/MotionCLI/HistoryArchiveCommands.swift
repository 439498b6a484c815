import ArgumentParser
import MotionKit

struct ExportHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-history",
        abstract: "Write every revision as Markdown plus a JSON manifest, to move or back up a store.",
        discussion: """
            Checks the store first, as 'motion fsck' does. A damaged store is refused and nothing is \
            written, so a backup is never quietly incomplete; with --salvage, each motion's history is \
            written up to its first damaged revision, the intact texts after it go to ID/stranded/, and \
            salvage-report.txt (also printed) lists what was left out. The command then exits 1.

            Examples:
              motion export-history backup-2026-11
              motion export-history --salvage rescue-2026-11
            """)

    @Argument(help: "A new (or empty) folder.")
    var directory: String

    @Flag(help: "On a damaged store, write what is intact and list what is not.")
    var salvage = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let outcome = try storeOptions.context.exportHistory(to: directory, salvage: salvage)
        let revisions = outcome.manifest.motions.reduce(0) { $0 + $1.revisions.count }
        Output.report("\(directory)/\(HistoryArchive.manifestName)")
        Terminal.error("exported \(revisions) revisions of \(outcome.manifest.motions.count) motions")
        guard !outcome.leftOut.isEmpty || !outcome.stranded.isEmpty else { return }
        for damage in outcome.leftOut { Terminal.error("\(damage.reference): left out: \(damage.problem)") }
        for reference in outcome.stranded { Terminal.error("\(reference): intact but after a damaged revision; its text is in \(directory)/\(reference.split(separator: "@")[0])/stranded/") }
        Terminal.warning("the backup is incomplete; \(directory)/\(HistoryArchive.salvageReportName) lists what is not in it")
        throw ExitCode(ExitStatus.findings)
    }
}

struct ImportHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-history",
        abstract: "Rebuild history from a folder written by export-history.",
        discussion: """
            Verifies every revision before writing anything: its file (inside the folder, no links), \
            its hash, its parents, and the title, status, kind and words its text gives. Every problem \
            is listed at once. The store must not already hold the motions being imported.

            Examples:
              motion init new-place && cd new-place
              motion import-history ../backup-2026-11
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
