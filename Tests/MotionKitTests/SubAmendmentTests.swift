import Testing
@testable import MotionKit

/// Amendments to amendments: `apply` gives the amendment as amended, wording kept as written;
/// `merge` applies each to its amendment first, then the amendments to the motion.
@Suite struct SubAmendmentTests {
    static let amendment = """
        ---
        id: lxp-a1
        title: Amendment 1
        kind: amendment
        amends: health-2026-lxp-recognition
        submitted-by: Mental Health Branch
        status: carried
        ---

        In point 2, after 'Produce' insert 'model'.

        Add a new point 7: 'Report on progress to the *executive* every six months.'

        """
    static let subAmendment = """
        ---
        id: lxp-a1-1
        title: Amendment to amendment 1
        kind: amendment
        amends: lxp-a1
        submitted-by: Leeds Branch
        status: carried
        ---

        In paragraph 2, delete 'every six months' and replace with 'every quarter'.

        """

    static func workspace() throws -> String {
        let root = try StoreCommandTests.workspace()
        try TestSupport.write(Self.amendment, to: "\(root)/motions/lxp-a1.md")
        try TestSupport.write(Self.subAmendment, to: "\(root)/motions/lxp-a1-1.md")
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        return root
    }

    @Test func applyGivesTheAmendmentAsAmendedWithItsWordingAsWritten() throws {
        let root = try Self.workspace()
        let applied = try MotionProcess.run(["apply", "motions/lxp-a1-1.md"], in: root)
        #expect(applied.status == 0, "\(applied.stderr)")
        let amended = try MotionReader.read(applied.stdout).motion
        #expect(amended.metadata.kind == .amendment)
        #expect(amended.metadata.amends == "health-2026-lxp-recognition")
        #expect(amended.wording == "In point 2, after 'Produce' insert 'model'.\n\nAdd a new point 7: 'Report on progress to the *executive* every quarter.'")
        #expect(!applied.stdout.contains("\\*"), "the quoted Markdown is not escaped: \(applied.stdout)")
    }

    @Test func mergeAppliesTheSubAmendmentToItsAmendmentFirst() throws {
        let root = try Self.workspace()
        let merged = try MotionProcess.run(["merge", StoreCommandTests.lxp, "lxp-a1", "lxp-a1-1"], in: root)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("2. Produce model bargaining guidance"))
        #expect(merged.stdout.contains("7. Report on progress to the *executive* every quarter.\n"), "\(merged.stdout)")
        #expect(!merged.stdout.contains("six months"))
        #expect(merged.stderr.contains("lxp-a1-1 is applied to lxp-a1 first"))
        // The same from the store, by status: the sub-amendment comes with its amendment.
        let saved = try MotionProcess.run(["merge", StoreCommandTests.lxp, "--status", "carried", "--save"], in: root)
        #expect(saved.status == 0, "\(saved.stderr)")
        let log = try MotionProcess.run(["log", StoreCommandTests.lxp], in: root)
        #expect(log.stdout.contains("As amended by lxp-a1 (as amended by lxp-a1-1)"), "\(log.stdout)")
        #expect(try MotionProcess.run(["show", StoreCommandTests.lxp], in: root).stdout.contains("every quarter"))
    }

    @Test func aSubAmendmentWithoutItsAmendmentIsRefused() throws {
        let root = try Self.workspace()
        let alone = try MotionProcess.run(["merge", StoreCommandTests.lxp, "lxp-a1-1"], in: root)
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("lxp-a1-1 amends lxp-a1, which is neither \(StoreCommandTests.lxp) nor one of the amendments merged; name lxp-a1 too"), "\(alone.stderr)")
        // Two amendments that amend each other name each other.
        try TestSupport.write(Self.amendment.replacingOccurrences(of: "amends: health-2026-lxp-recognition", with: "amends: lxp-a1-1"),
                              to: "\(root)/loop.md")
        let loop = try MotionProcess.run(["merge", StoreCommandTests.lxp, "loop.md", "motions/lxp-a1-1.md"], in: root)
        #expect(loop.status != 0)
        #expect(loop.stderr.contains("amend each other"), "\(loop.stderr)")
    }
}
