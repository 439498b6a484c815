import ArgumentParser
import MotionKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export motions as a Word document (.docx), Word XML (Flat OPC) or Markdown.",
        discussion: """
            One motion, or several as one document (each from a new page). docx is a real .docx
            file; xml is the same WordprocessingML as one Flat OPC file (Word's "Word XML
            Document"); md is canonical Markdown. Word styles come from templates/docx/styles.xml,
            which a workspace may replace (see templates/README.md). The same input always gives
            byte-identical output.

            Examples:
              motion export health-2026-lxp-recognition --to docx
              motion export motions/*.md --to docx -o paper.docx
              motion export health-2026-lxp-recognition@2 --to xml -o lxp.xml
            """)

    @Argument(help: "Motions: ID, ID@N, ID@TAG or files.")
    var references: [String]

    @Option(help: "docx, xml or md.")
    var to: MotionExport.Format

    @Option(name: .shortAndLong, help: "The file to write (default: ID.docx or ID.xml here; md goes to standard output).")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        var motions: [Motion] = []
        for reference in references {
            motions.append(try ResolvedReference(reference, history: try storeOptions.history()).motion())
        }
        let bytes: [UInt8]
        do {
            bytes = try MotionExport.render(motions, as: to, resources: CommandContext().resources)
        } catch {
            throw CLIFailure(error)
        }
        if to == .md, output == nil {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
            return
        }
        let path = output ?? "\(motions.count == 1 ? motions[0].id : "motions").\(to.fileExtension)"
        do { try FileIO.writeAtomically(bytes, to: path) } catch { throw CLIFailure(writing: error) }
        Terminal.error(path)
    }
}

extension MotionExport.Format: ExpressibleByArgument {}
