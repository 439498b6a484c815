import Foundation
import Testing
@testable import MotionKit

/// The movers' agreement: recorded as revisions of the composite, to its words as they stand,
/// and required before it is admitted unless the office overrides with a reason.
@Suite struct CompositeAgreementTests {
    /// A workspace with the test family and their composite saved (the sources composited).
    static func workspace() throws -> String {
        let directory = try CompositeCommandTests.workspace()
        #expect(try MotionProcess.run(["composite", "lxp-camden", "lxp-leeds", "lxp-bristol", "--id", "lxp-composite"], in: directory).status == 0)
        #expect(try MotionProcess.run(["save", "motions/lxp-composite.md", "-m", "Drafted"], in: directory).status == 0)
        return directory
    }

    @Test func aCompositeIsAdmittedOnlyWhenEveryMoverAgreesToItAsItStands() throws {
        let directory = try Self.workspace()
        let refused = try MotionProcess.run(["set-status", "lxp-composite", "admitted"], in: directory)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("lxp-camden, lxp-leeds, lxp-bristol have not agreed to the composite lxp-composite as it stands; record it with 'motion composite agree lxp-composite --for lxp-camden', or admit it anyway with --override REASON"), "\(refused.stderr)")

        let camden = try MotionProcess.run(["composite", "agree", "lxp-composite", "--for", "lxp-camden", "--by", "Jo Smith"], in: directory)
        #expect(camden.status == 0, "\(camden.stderr)")
        #expect(camden.stdout == "lxp-composite@2\n")
        #expect(try MotionProcess.run(["composite", "agree", "lxp-composite", "--for", "lxp-leeds"], in: directory).stdout == "lxp-composite@3\n")
        let status = try MotionProcess.run(["composite", "status", "lxp-composite"], in: directory)
        #expect(status.status == 1)
        #expect(status.stdout.contains("lxp-composite@3: 2 of 3 movers agree"), "\(status.stdout)")
        #expect(status.stdout.contains("lxp-camden@1   agreed by Jo Smith ("), "\(status.stdout)")
        #expect(status.stdout.contains("lxp-leeds@1    agreed by Leeds Branch ("), "the mover defaults to the motion's submitted-by")
        #expect(status.stdout.contains("lxp-bristol@1  not yet"))
        #expect(status.stdout.contains("open choices: 1"))

        #expect(try MotionProcess.run(["composite", "agree", "lxp-composite", "--for", "lxp-bristol"], in: directory).status == 0)
        #expect(try MotionProcess.run(["composite", "status", "lxp-composite"], in: directory).stdout.contains("every mover agrees: it can be admitted"))
        // The working file holds the agreements too, so the next save keeps them.
        let working = try MotionReader.read(contentsOf: "\(directory)/motions/lxp-composite.md").motion
        #expect(working.metadata.agreements.map(\.source) == ["lxp-camden", "lxp-leeds", "lxp-bristol"])
        let admitted = try MotionProcess.run(["set-status", "lxp-composite", "admitted"], in: directory)
        #expect(admitted.status == 0, "\(admitted.stderr)")
        #expect(admitted.stdout == "lxp-composite@5\n")
    }

    @Test func anAgreementIsToTheWordsAndLapsesWhenTheyChange() throws {
        let directory = try Self.workspace()
        for source in ["lxp-camden", "lxp-leeds", "lxp-bristol"] {
            #expect(try MotionProcess.run(["composite", "agree", "lxp-composite", "--for", source], in: directory).status == 0)
        }
        // Agreeing again, the same, records nothing.
        let again = try MotionProcess.run(["composite", "agree", "lxp-composite", "--for", "lxp-leeds"], in: directory)
        #expect(again.status == 0 && again.stdout.isEmpty && again.stderr.contains("recorded already"))
        // The committee changes a word: every agreement is now to an earlier text.
        let path = "\(directory)/motions/lxp-composite.md"
        try TestSupport.write(try TestSupport.read(path).replacingOccurrences(of: "Carry out a scoping exercise", with: "Carry out a national scoping exercise"), to: path)
        #expect(try MotionProcess.run(["save", path, "-m", "Reworded"], in: directory).status == 0)
        let status = try MotionProcess.run(["composite", "status", "lxp-composite"], in: directory)
        #expect(status.stdout.contains("0 of 3 movers agree"), "\(status.stdout)")
        #expect(status.stdout.contains("agreed by Camden Branch to an earlier text: ask again"))
        #expect(try MotionProcess.run(["set-status", "lxp-composite", "admitted"], in: directory).status == 1)
        // A status change or a moved provenance comment is not a new text.
        let motion = try MotionReader.read(contentsOf: path).motion
        var moved = motion
        moved.metadata.status = .submitted
        moved.sections[2].blocks[0].provenance = nil
        #expect(CompositeAgreements.textDigest(of: moved) == CompositeAgreements.textDigest(of: motion))
    }

    @Test func theOfficeMayOverrideWithAReasonThatIsRecorded() throws {
        let directory = try Self.workspace()
        #expect(try MotionProcess.run(["composite", "agree", "lxp-composite", "--for", "lxp-camden"], in: directory).status == 0)
        let admitted = try MotionProcess.run(["set-status", "lxp-composite", "admitted", "--override", "Leeds and Bristol movers unreachable",
                                              "--author", "Conference office"], in: directory)
        #expect(admitted.status == 0, "\(admitted.stderr)")
        let log = try MotionProcess.run(["log", "lxp-composite"], in: directory)
        #expect(log.stdout.contains("Status: draft -> admitted (override: Leeds and Bristol movers unreachable)"), "\(log.stdout)")
        let stored = try MotionReader.read(try MotionProcess.run(["show", "lxp-composite"], in: directory).stdout).motion
        #expect(stored.metadata.agreementOverride?.reason == "Leeds and Bristol movers unreachable")
        #expect(stored.metadata.agreementOverride?.by == "Conference office")
        #expect(try MotionReader.read(contentsOf: "\(directory)/motions/lxp-composite.md").motion.metadata.agreementOverride == stored.metadata.agreementOverride)
        #expect(try MotionProcess.run(["composite", "status", "lxp-composite"], in: directory).stdout.contains("admitted by override: Leeds and Bristol movers unreachable"))
        // --override is for that case only.
        let motion = try MotionProcess.run(["set-status", "lxp-camden", "admitted", "--override", "why not"], in: directory)
        #expect(motion.status == 64 && motion.stderr.contains("lxp-camden is not a composite"), "\(motion.stderr)")
        let carried = try MotionProcess.run(["set-status", "lxp-composite", "carried", "--override", "x"], in: directory)
        #expect(carried.status == 64 && carried.stderr.contains("--override is for admitting a composite"))
    }

    @Test func agreementsAreRefusedForWhatIsNoSourceOrNoComposite() throws {
        let directory = try Self.workspace()
        let stranger = try MotionProcess.run(["composite", "agree", "lxp-composite", "--for", "lxp-elsewhere"], in: directory)
        #expect(stranger.status == 64)
        #expect(stranger.stderr.contains("lxp-elsewhere is not one of the motions of lxp-composite (lxp-camden, lxp-leeds, lxp-bristol)"), "\(stranger.stderr)")
        let plain = try MotionProcess.run(["composite", "agree", "lxp-camden", "--for", "lxp-leeds"], in: directory)
        #expect(plain.status == 64 && plain.stderr.contains("lxp-camden is not a composite"))
    }

    @Test func agreementsReadAndWriteBackAndAreRefusedOutsideAComposite() throws {
        let text = CompositeFormatTests.composite.replacingOccurrences(of: "status: draft\n", with: """
            status: draft
            agreements:
              - {for: "lxp-camden", by: "Jo Smith, Camden {Branch}", on: "2026-12-04T10:00:00.000Z", text: "3f2a9c1e0b7d"}
            agreement-override: {by: "Conference office", on: "2026-12-05T09:00:00.000Z", reason: "Mover away: ill"}

            """)
        let motion = try MotionReader.read(text).motion
        #expect(motion.metadata.agreements == [CompositeAgreement(source: "lxp-camden", by: "Jo Smith, Camden {Branch}", on: "2026-12-04T10:00:00.000Z", text: "3f2a9c1e0b7d")])
        #expect(motion.metadata.agreementOverride?.reason == "Mover away: ill")
        #expect(MarkdownWriter.write(motion) == text)
        #expect { try MotionReader.read(text.replacingOccurrences(of: "kind: composite", with: "kind: motion")
                                            .replacingOccurrences(of: "composites: [lxp-camden@2, lxp-leeds@1, peer--work]\n", with: "")) } throws: {
            ($0 as? MotionReadError)?.message.contains("'agreements' is for a composite") == true
        }
        #expect { try MotionReader.read(text.replacingOccurrences(of: ", text: \"3f2a9c1e0b7d\"", with: "")) } throws: {
            ($0 as? MotionReadError)?.message == "'agreements' needs 'text' in each record"
        }
    }
}
