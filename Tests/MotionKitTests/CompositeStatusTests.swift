import Testing
@testable import MotionKit

/// A composite saved: its sources become `composited`; its word limit is the profile's, a warning.
@Suite struct CompositeStatusTests {
    @Test func savingACompositeMarksItsSourcesCompositedOnceAndLeavesDecidedOnesAlone() throws {
        let directory = try CompositeCommandTests.workspace()
        #expect(try MotionProcess.run(["set-status", "lxp-bristol", "withdrawn"], in: directory).status == 0)
        #expect(try MotionProcess.run(["composite", "lxp-camden", "lxp-leeds", "lxp-bristol", "--id", "lxp-composite"], in: directory).status == 0)
        let saved = try MotionProcess.run(["save", "motions/lxp-composite.md", "-m", "Composite drafted"], in: directory)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout == "lxp-composite@1\n")
        #expect(saved.stderr.contains("motion: note: lxp-camden@2: status composited (into lxp-composite)"), "\(saved.stderr)")
        #expect(saved.stderr.contains("motion: note: lxp-leeds@2: status composited (into lxp-composite)"))
        #expect(saved.stderr.contains("lxp-bristol is withdrawn, so its status is left as it is"))
        let log = try MotionProcess.run(["log", "lxp-camden"], in: directory)
        #expect(log.stdout.contains("lxp-camden@2  composited"), "\(log.stdout)")
        #expect(log.stdout.contains("Composited into lxp-composite"))
        // The working files say so too, and a second save of the composite changes nothing more.
        #expect(try MotionReader.read(contentsOf: "\(directory)/motions/lxp-leeds.md").motion.metadata.status == .composited)
        try TestSupport.write(try TestSupport.read("\(directory)/motions/lxp-composite.md") + "\nA further paragraph.\n",
                              to: "\(directory)/motions/lxp-composite.md")
        let again = try MotionProcess.run(["save", "motions/lxp-composite.md", "-m", "Redraft"], in: directory)
        #expect(again.status == 0)
        #expect(!again.stderr.contains("status composited"), "\(again.stderr)")
        #expect(try MotionProcess.run(["log", "lxp-camden"], in: directory).stdout.components(separatedBy: "lxp-camden@").count == 3)
    }

    @Test func aCompositeOverItsLimitIsWarnedNotRefused() throws {
        let directory = try CompositeCommandTests.workspace()
        #expect(try MotionProcess.run(["composite", "lxp-camden", "lxp-leeds", "lxp-bristol", "--id", "lxp-composite"], in: directory).status == 0)
        try TestSupport.write("""
            motion-word-limit: 100
            composite-word-limit: 150
            """, to: "\(directory)/templates/profiles/unison-health.yaml")
        let check = try MotionProcess.run(["check", "motions/lxp-composite.md"], in: directory)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("warning: the composite has 195 words; unison-health allows 150 for a composite (cut 45)"), "\(check.stdout)")
        // Without a composite limit of its own, the motion's applies, still as a warning.
        try TestSupport.write("motion-word-limit: 100\n", to: "\(directory)/templates/profiles/unison-health.yaml")
        let fallback = try MotionProcess.run(["check", "motions/lxp-composite.md"], in: directory)
        #expect(fallback.status == 0)
        #expect(fallback.stdout.contains("the composite has 195 words; unison-health allows 100 for a composite (cut 95)"), "\(fallback.stdout)")
        // A motion over the limit is still an error.
        let motion = try MotionProcess.run(["check", "motions/lxp-camden.md"], in: directory)
        #expect(motion.status != 0)
        #expect(motion.stdout.contains("error: the motion has"), "\(motion.stdout)")
    }
}
