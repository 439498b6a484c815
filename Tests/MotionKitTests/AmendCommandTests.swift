import Foundation
import Testing
@testable import MotionKit

/// End to end: amend, apply and merge through the built binary, with a real store.
@Suite struct AmendCommandTests {
    static let lxp = StoreCommandTests.lxp

    static func edit(_ text: String) -> String {
        text.replacingOccurrences(of: "peer support workers, peer workers,", with: "peer support workers, survivor researchers,")
            .replacingOccurrences(of: "2. Produce bargaining", with: "2. Produce model bargaining")
            .replacingOccurrences(of: "4. Campaign against unpaid and token-fee lived experience work that replaces paid posts.\n", with: "")
            + "7. Report back to conference in 2027.\n"
    }

    @Test(arguments: ["quoted", "lines"])
    func amendThenApplyGivesTheEditBack(style: String) throws {
        let root = try TestSupport.temporaryDirectory()
        let base = TestSupport.exampleMotionPaths.first { $0.hasSuffix("\(Self.lxp).md") }!
        let edited = "\(root)/edited.md"
        try TestSupport.write(Self.edit(try TestSupport.read(base)), to: edited)
        let amend = try MotionProcess.run(["amend", base, edited, "--style", style, "-o", "\(root)/wording.txt"], in: root)
        #expect(amend.status == 0, "\(amend.stderr)")
        let wording = try TestSupport.read("\(root)/wording.txt")
        if style == "quoted" {
            #expect(wording.contains("In paragraph 1 of Conference notes, delete 'peer workers' and replace with 'survivor researchers'."))
            #expect(wording.contains("Delete point 4."))
            #expect(wording.contains("Add new point 7: 'Report back to conference in 2027.'"))
        } else {
            #expect(wording.contains("Line 4: delete 'peer workers' and replace with 'survivor researchers'."))
            #expect(wording.contains("After line 41, insert new point: 'Report back to conference in 2027.'"))
        }
        let apply = try MotionProcess.run(["apply", base, "\(root)/wording.txt"], in: root)
        #expect(apply.status == 0, "\(apply.stderr)")
        let expected = try MotionReader.read(Self.edit(try TestSupport.read(base))).motion
        #expect(apply.stdout == MarkdownWriter.write(expected))
    }

    @Test func aFailedApplyNamesTheInstructionAndWritesNothing() throws {
        let root = try TestSupport.temporaryDirectory()
        let base = TestSupport.exampleMotionPaths.first { $0.hasSuffix("\(Self.lxp).md") }!
        try TestSupport.write("1. In point 2, after 'Produce' insert 'model'.\n2. In point 3, after 'survivor researchers' insert 'and trainers'.\n",
                              to: "\(root)/wording.txt")
        let result = try MotionProcess.run(["apply", base, "wording.txt", "-o", "out.md"], in: root)
        #expect(result.status == 65)
        #expect(result.stderr.contains("wording.txt:2: error: instruction 2 (line 2): 'survivor researchers' does not occur in point 3"))
        #expect(!FileManager.default.fileExists(atPath: "\(root)/out.md"))
    }

    @Test func amendmentsLiveInTheStoreUnderTheirMotion() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save", "-m", "drafts"], in: root).status == 0)
        let edited = "\(root)/edited.md"
        try TestSupport.write(Self.edit(try TestSupport.read("\(root)/motions/\(Self.lxp).md")), to: edited)
        let amend = try MotionProcess.run(["amend", Self.lxp, edited, "--document", "--id", "lxp-amendment-1",
                                           "--submitted-by", "Mental Health Branch", "-o", "motions/lxp-amendment-1.md"], in: root)
        #expect(amend.status == 0, "\(amend.stderr)")
        let document = try TestSupport.read("\(root)/motions/lxp-amendment-1.md")
        #expect(document.contains("kind: amendment\namends: \(Self.lxp)@1\n"))
        #expect(try MotionProcess.run(["check", "motions/lxp-amendment-1.md"], in: root).status == 0)
        #expect(try MotionProcess.run(["save", "motions/lxp-amendment-1.md"], in: root).stdout == "lxp-amendment-1@1\n")

        let list = try MotionProcess.run(["list"], in: root)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        let motionRow = try #require(lines.firstIndex { $0.hasPrefix(Self.lxp) })
        #expect(lines[motionRow + 1].contains("\u{21B3} lxp-amendment-1") && lines[motionRow + 1].contains("amends \(Self.lxp)@1"))
        let log = try MotionProcess.run(["log", Self.lxp], in: root)
        #expect(log.stdout.contains("Amendments to \(Self.lxp):\n  lxp-amendment-1@1  draft  amends \(Self.lxp)@1"))

        // Applied by its id alone: the revision it names is the base.
        let applied = try MotionProcess.run(["apply", "lxp-amendment-1"], in: root)
        #expect(applied.status == 0 && applied.stderr.isEmpty, "\(applied.stderr)")
        #expect(applied.stdout.contains("2. Produce model bargaining"))

        // The motion moves on, harmlessly, then so that the amendment no longer fits.
        let file = "\(root)/motions/\(Self.lxp).md"
        try TestSupport.write(try TestSupport.read(file).replacingOccurrences(of: "Carry out a scoping", with: "Carry out a national scoping"), to: file)
        #expect(try MotionProcess.run(["save", "motions/\(Self.lxp).md"], in: root).stdout == "\(Self.lxp)@2\n")
        let still = try MotionProcess.run(["apply", "lxp-amendment-1"], in: root)
        #expect(still.status == 0)
        #expect(still.stderr.contains("applied to \(Self.lxp)@1; the motion is now at \(Self.lxp)@2, and the amendment still applies cleanly to it"))
        #expect(!still.stdout.contains("national scoping"))
        try TestSupport.write(try TestSupport.read(file).replacingOccurrences(of: "2. Produce bargaining", with: "2. Publish bargaining"), to: file)
        #expect(try MotionProcess.run(["save", "motions/\(Self.lxp).md"], in: root).stdout == "\(Self.lxp)@3\n")
        let stale = try MotionProcess.run(["apply", "lxp-amendment-1"], in: root)
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("the motion is now at \(Self.lxp)@3, and the amendment does not apply to it: instruction 2"))
        #expect(stale.stderr.contains("'Produce' does not occur in point 2"))
    }

    @Test func mergeReportsConflictsWithBothWordingsAndSavesAsAmended() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        func amendment(_ id: String, _ wording: String) throws {
            try TestSupport.write("---\nid: \(id)\nkind: amendment\namends: \(Self.lxp)\nstatus: carried\n---\n\n\(wording)\n", to: "\(root)/motions/\(id).md")
        }
        try amendment("lxp-a1", "In point 2, after 'Produce' insert 'model'.")
        try amendment("lxp-a2", "In point 2, delete 'Produce bargaining guidance' and replace with 'Publish guidance'.")
        try amendment("lxp-a3", "In point 4, after 'unpaid' insert 'or underpaid'.")
        try amendment("lxp-a4", "In point 6, delete 'career blocking' and replace with 'blocked careers'.\n\nIn point 6, delete 'stigma and career' and replace with 'stigma'.")
        #expect(try MotionProcess.run(["save", "motions/lxp-a1.md", "motions/lxp-a2.md", "motions/lxp-a3.md"], in: root).status == 0)

        let conflict = try MotionProcess.run(["merge", Self.lxp, "lxp-a1", "lxp-a2", "lxp-a3", "-o", "out.md"], in: root)
        #expect(conflict.status == 1)
        #expect(conflict.stderr.contains("lxp-a1 instruction 1 (line 11) and lxp-a2 instruction 1 (line 11) both change 'Produce bargaining guidance' in point 2"))
        #expect(conflict.stderr.contains("lxp-a1 instruction 1 (line 11): In point 2, after 'Produce' insert 'model'."))
        #expect(conflict.stderr.contains("lxp-a2 instruction 1 (line 11): In point 2, delete 'Produce bargaining guidance' and replace with 'Publish guidance'."))
        #expect(!FileManager.default.fileExists(atPath: "\(root)/out.md"))

        // An amendment whose own instructions collide does not apply at all.
        let own = try MotionProcess.run(["merge", Self.lxp, "motions/lxp-a4.md"], in: root)
        #expect(own.status == 65 && own.stderr.contains("combine them into one"), "\(own.stderr)")

        let saved = try MotionProcess.run(["merge", Self.lxp, "--status", "carried", "--drop-conflicting", "--save"], in: root)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stderr.contains("falls: lxp-a2"))
        #expect(saved.stderr.contains("\(Self.lxp)@2 (as-amended)"))
        let shown = try MotionProcess.run(["show", "\(Self.lxp)@as-amended"], in: root)
        #expect(shown.stdout.contains("status: carried-as-amended"))
        #expect(shown.stdout.contains("2. Produce model bargaining guidance") && shown.stdout.contains("4. Campaign against unpaid or underpaid"))
        #expect(try TestSupport.read("\(root)/motions/\(Self.lxp).md") == shown.stdout)
    }

    @Test func anAmendmentsWordsCountAgainstTheProfileLimit() throws {
        let root = try TestSupport.temporaryDirectory()
        let words = (1...80).map { _ in "fair" }.joined(separator: " ")
        try TestSupport.write("---\nid: long-amendment\nkind: amendment\namends: some-motion\nprofile: ucu-congress\n---\n\nAdd at end of Congress resolves: '\(words)'\n",
                              to: "\(root)/long.md")
        let check = try MotionProcess.run(["check", "long.md"], in: root)
        #expect(check.status == 1)
        #expect(check.stdout.contains("allows 75 for an amendment"))
    }
}
