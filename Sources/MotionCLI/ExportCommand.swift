import ArgumentParser
import MotionKit

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export motions as a Word document (.docx), Word XML (Flat OPC) or Markdown.",
        discussion: """
            One motion, or several as one document (each from a new page). docx is a real .docx \
            file; xml is the same WordprocessingML as one Flat OPC file (Word's "Word XML \
            Document"); md is canonical Markdown. Word styles come from templates/docx/styles.xml, \
            which a workspace may replace (see templates/README.md). The same input always gives \
            byte-identical output.

            Examples:
              motion export health-2026-lxp-recognition --to docx
              motion export motions/*.md --to docx -o paper.docx
              motion export health-2026-lxp-recognition@2 -o lxp.xml
              motion export health-2026-lxp-recognition --to docx -o papers/
            """)

    @Argument(help: "Motions: ID, ID@N, ID@TAG or files.")
    var references: [String]

    @Option(help: "docx, xml or md (default: the -o file's extension).")
    var to: DocumentFormat?

    @Flag(help: "Number the body's lines as amendments count them (the profile's line width).")
    var lineNumbers = false

    @Option(help: "Show the motion's changes from this revision or file as Word tracked changes (CriticMarkup for md).")
    var changesFrom: String?

    @Flag(help: "For a composite in Word: a margin comment on each block naming the source blocks it came from.")
    var provenanceComments = false

    @Option(name: .shortAndLong, help: "The file, or a folder for ID.docx in it (default: ID.docx or ID.xml here; md goes to standard output).")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if changesFrom != nil, references.count != 1 {
            throw ValidationError("--changes-from compares one motion: motion export ID@3 --changes-from ID@1 --to docx")
        }
    }

    func run() throws {
        let to = try DocumentOutput.format(to, output: output)
        var export = ExportMotions(references: references, format: to, lineNumbers: lineNumbers, changesFrom: changesFrom)
        export.provenanceComments = provenanceComments
        let result = try export.run(in: storeOptions.context)
        for note in result.notes { Terminal.note(note) }
        try DocumentOutput.write(result.bytes, to: output, defaultPath: result.defaultFileName, toStandardOutput: to == .md)
    }
}

extension DocumentFormat: ExpressibleByArgument {}
