import ArgumentParser
import MotionKit

struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Check the store: SQLite's integrity, every stored text against its hash, numbering and parents.",
        discussion: """
            Names each damaged revision and exits 1 when there is damage.

            Examples:
              motion fsck
            """)

    @Flag(help: "Print the report as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let report = try storeOptions.context.fsck()
        if json {
            print(try JSONOutput.string(report))
        } else {
            for line in report.integrity { Output.report("integrity: \(line)") }
            for damage in report.damage { Output.report("\(damage.reference): damaged: \(damage.problem)") }
            Terminal.error("checked \(report.revisionsChecked) revisions and \(report.blobsChecked) stored texts: "
                + (report.isClean ? "no damage" : "\(report.damage.count + report.integrity.count) problems"))
        }
        if !report.isClean { throw ExitCode(ExitStatus.findings) }
    }
}
