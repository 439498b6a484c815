import ArgumentParser
import MotionKit

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply an amendment's wording and write the motion as amended.",
        discussion: """
            AMENDMENT is an amendment document (front matter with 'amends:', wording as body), a
            stored amendment, or a file of bare wording. BASE is the motion it applies to; without
            it, the revision the amendment's 'amends:' names. All instructions refer to the base
            as it stands. If any instruction cannot be applied (quoted words missing or not
            unique, a point that does not exist), the error names it and nothing is written.

            When the amendment names an older revision than the motion's latest, it is applied to
            the revision it names, and a note says whether it still applies cleanly to the latest.

            Examples:
              motion apply health-2026-lxp-recognition amendments/lxp-1.md
              motion apply lxp-amendment-1 -o as-amended.md
              motion apply motions/branch.md wording.txt
            """)

    @Argument(help: "[BASE] AMENDMENT: the motion (optional) and the amendment.")
    var references: [String]

    @Option(help: "Line width that line numbers in the wording refer to (default: the motion's profile's).")
    var width: Int?

    @Option(name: .shortAndLong, help: "Write the motion as amended to this file instead of standard output.")
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard (1...2).contains(references.count) else {
            throw ValidationError("give the amendment, or the motion and then the amendment: motion apply [BASE] AMENDMENT")
        }
        if let width, width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func run() throws {
        let amendmentRef = try ResolvedReference(references.last!, history: try storeOptions.history())
        let amendment = try amendmentRef.amendment()
        let baseRef: ResolvedReference
        if references.count == 2 {
            baseRef = try ResolvedReference(references[0], history: try storeOptions.history())
        } else if let amends = amendment.amends {
            do {
                baseRef = try ResolvedReference(amends, history: try storeOptions.history())
            } catch let failure as CLIFailure {
                throw CLIFailure("\(failure.message); the amendment amends '\(amends)': give the motion first, as in motion apply MOTION.md \(references[0])",
                                 status: failure.status)
            }
        } else {
            throw CLIFailure("\(amendmentRef.label) does not say which motion it amends: give it first (motion apply BASE \(references[0])) or add 'amends: MOTION-ID' to its front matter",
                             status: ExitStatus.usage)
        }
        let base = try baseRef.motion()
        let lineWidth = width ?? CommandContext().resources.amendmentSettings(for: base).lineWidth
        let amended: Motion
        do {
            amended = try AmendmentApplier.apply(amendment.instructions, to: base, lineWidth: lineWidth)
        } catch {
            throw CLIFailure(amendment: error, in: amendmentRef.label)
        }
        try reportStanding(amendment, appliedTo: baseRef, lineWidth: lineWidth)
        try DocumentOutput.write(MarkdownWriter.write(amended), to: output)
    }

    /// When the motion has moved on since the amendment was written, says so, and whether it
    /// still applies cleanly to the latest revision.
    private func reportStanding(_ amendment: AmendmentDocument, appliedTo base: ResolvedReference, lineWidth: Int) throws {
        guard let amends = amendment.amends, let applied = base.revision, let history = try? storeOptions.history(),
              let standing = try? history.store.standing(ofAmendmentTo: amends),
              standing.named.motionID == applied.motionID else { return }
        if standing.named.number != applied.number {
            Terminal.error("motion: note: the amendment names \(standing.named.reference); it was applied to \(applied.reference) as asked")
        }
        guard applied.number != standing.latest.number else { return }
        var message = "motion: note: the amendment was applied to \(applied.reference); the motion is now at \(standing.latest.reference)"
        do {
            let latest = try MotionReader.read(try history.store.text(of: standing.latest)).motion
            _ = try AmendmentApplier.apply(amendment.instructions, to: latest, lineWidth: lineWidth)
            message += ", and the amendment still applies cleanly to it"
        } catch let error as AmendmentError {
            message += ", and the amendment does not apply to it: \(error.message)"
        }
        Terminal.error(message)
    }
}
