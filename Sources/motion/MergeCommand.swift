import ArgumentParser
import MotionKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Apply several amendments in order and write the motion as amended.",
        discussion: """
            Every amendment refers to BASE as it stands. Two amendments that change the same
            words, or one that changes words another quotes, conflict: the conflict is reported
            with both wordings and nothing is written (exit 1). With --drop-conflicting the later
            amendment falls, as at conference, and the rest are applied.

            With --status carried, the amendments are taken from the store: those whose
            'amends:' names BASE's motion and whose status is carried, in id order.
            With --save, the result is recorded as BASE's next revision, with status
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
        let baseRef = try ResolvedReference(references[0], history: try storeOptions.history())
        let base = try baseRef.motion()
        var amendments: [(label: String, document: AmendmentDocument)] = []
        for reference in references.dropFirst() {
            let resolved = try ResolvedReference(reference, history: try storeOptions.history())
            amendments.append((resolved.revision?.motionID ?? resolved.label, try resolved.amendment()))
        }
        if let status {
            let store = try storeOptions.history().store
            let stored = try store.latestAmendments(to: base.id).filter { $0.status == status }
            for revision in stored where !amendments.contains(where: { $0.label == revision.motionID }) {
                let resolved = try ResolvedReference(revision.reference, history: try storeOptions.history())
                amendments.append((revision.motionID, try resolved.amendment()))
            }
            if stored.isEmpty { Terminal.error("motion: note: no stored amendment to \(base.id) has status \(status.rawValue)") }
        }
        let lineWidth = CommandContext().resources.amendmentSettings(for: base).lineWidth
        let outcome: AmendmentMerger.Outcome
        do {
            outcome = try AmendmentMerger.merge(amendments.map { AmendmentMerger.Amendment(label: $0.label, instructions: $0.document.instructions) },
                                                into: base, lineWidth: lineWidth)
        } catch {
            throw CLIFailure("\(error.message)", status: ExitStatus.dataError)
        }
        for (label, conflict) in outcome.fallen {
            Terminal.error("motion: \(dropConflicting ? "falls" : "conflict"): \(label): \(conflict.message)")
        }
        if !outcome.fallen.isEmpty, !dropConflicting {
            throw CLIFailure("\(outcome.fallen.count) amendment\(outcome.fallen.count == 1 ? " conflicts" : "s conflict") with an earlier one; nothing was written. Composite them, or use --drop-conflicting to let the later ones fall",
                             status: ExitStatus.findings)
        }
        if save {
            guard let revision = baseRef.revision else {
                throw CLIFailure("--save records a revision of a stored motion; \(baseRef.label) is a file", status: ExitStatus.usage)
            }
            let history = try storeOptions.history()
            let author = history.workspace.author(option: author, environment: storeOptions.environment)
            do {
                let saved = try history.saveAsAmended(outcome.motion, base: revision, author: author,
                                                      message: "As amended by \(outcome.applied.joined(separator: ", "))")
                if let warning = saved.warning { Terminal.error("motion: warning: \(warning)") }
                Terminal.error("\(saved.revision.reference) (as-amended)")
            } catch {
                throw CLIFailure.from(error)
            }
        }
        var amended = outcome.motion
        if save { amended.metadata.status = .carriedAsAmended }
        if !save || output != nil { try DocumentOutput.write(MarkdownWriter.write(amended), to: output) }
    }
}

extension MotionStatus: ExpressibleByArgument {}
