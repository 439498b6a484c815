import ArgumentParser
import MotionKit

struct PaperCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paper",
        abstract: "Render a branch-meeting paper: an agenda, then the motions and their amendments.",
        discussion: """
            The agenda comes from a Mustache template, templates/paper/NAME.md.mustache (see
            templates/README.md for what it is given); the motions follow in full, each with its
            amendments. Amendments are those named on the command line and, in a workspace, the
            stored amendments to each motion.

            Examples:
              motion paper health-2026-lxp-recognition branch-2026-safe-staffing --branch "Northern Health Branch" --date 2026-12-03 --to docx
              motion paper motions/*.md --to md -o paper.md
            """)

    @Argument(help: "Motions and amendments: IDs, ID@N or files.")
    var references: [String]

    @Option(help: "The template, templates/paper/NAME.md.mustache.")
    var template = "branch-meeting"

    @Option(help: "md or docx.")
    var to: PaperFormat = .md

    @Option(help: "The paper's title.")
    var title = "Branch meeting paper"

    @Option(help: "The branch holding the meeting.")
    var branch: String?

    @Option(help: "The meeting's date, as you want it printed.")
    var date: String?

    @Option(name: .shortAndLong, help: "The file to write (default: standard output for md, paper.docx for docx).")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    enum PaperFormat: String, ExpressibleByArgument, CaseIterable { case md, docx }

    func run() throws {
        guard ResourceLibrary.isPlainName(template) else {
            throw CLIFailure("'\(template)' is not a template name: use a plain name such as branch-meeting", status: ExitStatus.usage)
        }
        let resources = CommandContext().resources
        let templateText: String
        do {
            guard let (text, _) = try resources.text("templates/paper/\(template).md.mustache") else {
                let names = resources.names(in: "templates/paper", ext: ".md.mustache")
                throw CLIFailure("no paper template '\(template)'; the templates are \(names.joined(separator: ", "))", status: ExitStatus.noInput)
            }
            templateText = text
        } catch let error as ResourceError {
            throw CLIFailure(error)
        }
        var motions: [Motion] = []
        var amendments: [Motion] = []
        for reference in references {
            let motion = try ResolvedReference(reference, history: try storeOptions.history()).motion()
            if motion.metadata.kind == .amendment { amendments.append(motion) } else { motions.append(motion) }
        }
        // Stored amendments to each motion, when there is a store here.
        if let store = try? storeOptions.history().store {
            for motion in motions {
                for revision in (try? store.latestAmendments(to: motion.id)) ?? [] where !amendments.contains(where: { $0.id == revision.motionID }) {
                    if let text = try? store.text(of: revision), let amendment = try? MotionReader.read(text).motion { amendments.append(amendment) }
                }
            }
        }
        let items = motions.map { motion in
            BranchPaper.Item(motion: motion, amendments: amendments.filter { $0.metadata.amends.map(AmendmentIndex.motionID) == motion.id })
        }
        let paper = BranchPaper(title: title, branch: branch, date: date, items: items)
        do {
            switch to {
            case .md:
                try DocumentOutput.write(try paper.markdown(template: templateText), to: output)
            case .docx:
                let writer: DocxWriter
                do { writer = try MotionExport.writer(resources) } catch { throw CLIFailure(error) }
                let path = output ?? "paper.docx"
                do { try FileIO.writeAtomically(try paper.docx(template: templateText, writer: writer), to: path) } catch let error as FileError {
                    throw CLIFailure(writing: error)
                }
                Terminal.error(path)
            }
        } catch let error as BranchPaper.TemplateError {
            throw CLIFailure(error.description, status: ExitStatus.dataError)
        }
    }
}
