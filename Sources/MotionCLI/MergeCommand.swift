import ArgumentParser
import MotionKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Apply several amendments in order and write the motion as amended.",
        discussion: """
            Every amendment refers to BASE as it stands. Two amendments that change the same \
            words, or one that changes words another quotes, conflict: the conflict is reported \
            with both wordings and nothing is written (exit 1). With --drop-conflicting the later \
            amendment falls, as at conference, and the rest are applied.

            With --status carried, the amendments are taken from the store: those whose \
            'amends:' names BASE's motion and whose status is carried, in id order. \
            With --save, the result is recorded as BASE's next revision, with status \
            carried-as-amended and the tag as-amended.

            Examples:
              motion merge health-2026-lxp-recognition lxp-a1 lxp-a2
              motion merge health-2026-lxp-recognition --status carried --save
              motion merge motions/branch.md a.md b.md -o as-amended.md
            """)

    @Argument(help: "BASE AMENDMENT...: the motion, then the amendments in order.")
    var references: [String]

    @Option(help: "Also take the stored amendments to BASE's motion that have this status (carried).")
    var status: MotionStatus?

    @Flag(help: "Let an amendment that conflicts with an earlier one fall, and apply the rest.")
    var dropConflicting = false

    @Flag(help: "Record the result as a new revision: status carried-as-amended, tag as-amended.")
    var save = false

    @Option(help: "Author of the saved revision (default: as for motion save).")
    var author: String?

    @Option(name: .shortAndLong, help: "Write the motion as amended to this file instead of standard output.")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard !references.isEmpty else { throw ValidationError("give the motion, then the amendments: motion merge BASE AMENDMENT...") }
        if references.count == 1, status == nil {
            throw ValidationError("give the amendments after the motion, or take them from the store with --status carried")
        }
    }

    func run() throws {
        let merge = MergeAmendments(base: references[0], amendments: Array(references.dropFirst()), status: status,
                                    dropConflicting: dropConflicting, save: save, author: author)
        let result: MergeAmendments.Result
        do {
            result = try merge.run(in: storeOptions.context, note: Terminal.note)
        } catch let conflict as MergeAmendments.Conflict {
            for (label, message) in conflict.fallen { Terminal.error("motion: conflict: \(label): \(message)") }
            throw conflict
        }
        for (label, message) in result.fallen { Terminal.error("motion: falls: \(label): \(message)") }
        if let saved = result.saved {
            if let warning = saved.warning { Terminal.warning(warning) }
            Terminal.error("\(saved.revision.reference) (as-amended)")
        }
        if !save || output != nil { try DocumentOutput.write(MarkdownWriter.write(result.motion), to: output, defaultName: "\(result.motion.id).md") }
    }
}

extension MotionStatus: ExpressibleByArgument {}
