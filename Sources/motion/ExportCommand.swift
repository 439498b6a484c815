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

    @Flag(help: "Number the body's lines as amendments count them (the profile's line width).")
    var lineNumbers = false

    @Option(help: "Show the motion's changes from this revision or file as Word tracked changes (CriticMarkup for md).")
    var changesFrom: String?

    @Option(name: .shortAndLong, help: "The file to write (default: ID.docx or ID.xml here; md goes to standard output).")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if changesFrom != nil, references.count != 1 {
            throw ValidationError("--changes-from compares one motion: motion export ID@3 --changes-from ID@1 --to docx")
        }
    }

    func run() throws {
        let resources = CommandContext().resources
        var resolved: [ResolvedReference] = []
        for reference in references { resolved.append(try ResolvedReference(reference, history: try storeOptions.history())) }
        var motions = try resolved.map { try $0.motion() }
        let bytes: [UInt8]
        do {
            if let changesFrom {
                let base = try ResolvedReference(changesFrom, history: try storeOptions.history())
                bytes = try MotionExport.renderComparison(base: try base.motion(), target: motions[0], author: Self.author(of: resolved[0], motions[0]),
                                                         as: to, resources: resources)
            } else if motions.count == 1, motions[0].metadata.kind == .amendment {
                // An amendment: the motion it amends, with the amendment as tracked changes.
                let amendment = try resolved[0].amendment()
                guard let amends = amendment.amends else {
                    throw CLIFailure("\(resolved[0].label) does not say which motion it amends: add 'amends: MOTION-ID' to its front matter", status: ExitStatus.dataError)
                }
                let base = try ResolvedReference(amends, history: try storeOptions.history()).motion()
                let amended: Motion
                do {
                    amended = try AmendmentApplier.apply(amendment.instructions, to: base, lineWidth: resources.amendmentSettings(for: base).lineWidth)
                } catch {
                    throw CLIFailure(amendment: error, in: resolved[0].label)
                }
                bytes = try MotionExport.renderComparison(base: base, target: amended, author: Self.author(of: resolved[0], motions[0]),
                                                         as: to, resources: resources)
                motions = [base]
            } else {
                bytes = try MotionExport.render(motions, as: to, lineNumbers: lineNumbers, resources: resources)
            }
        } catch let error as ResourceError {
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

extension ExportCommand {
    /// Who made the changes: the stored revision's author and time; for a file, who submitted
    /// it and when the file last changed.
    static func author(of reference: ResolvedReference, _ motion: Motion) -> ChangeAuthor {
        if let revision = reference.revision {
            // Stored times carry milliseconds ("...:58.148Z"); Word's dates are to the second.
            let date = revision.time.split(separator: ".").first.map { $0.hasSuffix("Z") ? String($0) : $0 + "Z" } ?? revision.time
            return ChangeAuthor(name: revision.author, date: date)
        }
        return ChangeAuthor(name: motion.metadata.submittedBy ?? "motion", date: FileIO.modificationSeconds(reference.label).map(Timestamp.iso8601(seconds:)) ?? "")
    }
}

extension MotionExport.Format: ExpressibleByArgument {}
