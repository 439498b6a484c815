import ArgumentParser
import MotionKit

struct PaperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "Render a branch-meeting paper: an agenda, then the motions and their amendments.",
        discussion: """
            The agenda comes from a Mustache template, templates/paper/NAME.md.mustache (see \
            templates/README.md for what it is given); the motions follow in full, each with its \
            amendments. Amendments are those named on the command line and, in a workspace, the \
            stored amendments to each motion.

            Examples:
              motion paper health-2026-lxp branch-2026-safe-staffing \\
                --branch "Northern Health Branch" --date 2026-12-03 -o paper.docx
              motion paper motions/*.md --to md -o paper.md
            """)

    @Argument(help: "Motions and amendments: IDs, ID@N or files.")
    var references: [String]

    @Option(help: "The template, templates/paper/NAME.md.mustache.")
    var template = "branch-meeting"

    @Option(help: "md, docx or xml (Word's Flat OPC); default: the -o file's extension, else md.")
    var to: DocumentFormat?

    @Option(help: "The paper's title.")
    var title = "Branch meeting paper"

    @Option(help: "The branch holding the meeting.")
    var branch: String?

    @Option(help: "The meeting's date, as you want it printed.")
    var date: String?

    @Option(name: .shortAndLong, help: "The file or folder to write (default: standard output for md, paper.docx or paper.xml).")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let to = try DocumentOutput.format(to, output: output, fallback: .md)
        let bytes = try AssemblePaper(references: references, template: template, title: title, branch: branch, date: date,
                                      format: to).run(in: storeOptions.context)
        switch to {
        case .md: try DocumentOutput.write(String(decoding: bytes, as: UTF8.self), to: output, defaultName: "paper.md")
        case .docx, .xml: try DocumentOutput.write(bytes, to: output, defaultPath: "paper.\(to.fileExtension)", toStandardOutput: false)
        }
    }
}
