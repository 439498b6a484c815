import Testing
@testable import MotionKit

/// Several amendments to one base, merged in order.
@Suite struct AmendmentMergeTests {
    static let base = AmendmentWordingTests.base

    static func merge(_ wordings: [String]) throws -> AmendmentMerger.Outcome {
        let amendments = try wordings.enumerated().map { index, wording in
            AmendmentMerger.Amendment(label: "a\(index + 1)", instructions: try AmendmentParser.parse(wording))
        }
        return try AmendmentMerger.merge(amendments, into: base, lines: LineScheme(width: 80))
    }

    @Test func amendmentsToDifferentWordsAllApply() throws {
        let outcome = try Self.merge(["In point 1, after 'Survey' insert 'all'.", "In point 3, delete 'Band 7' and replace with 'Band 8a'.",
                                      "Add new point 4: 'Report back.'"])
        #expect(outcome.applied == ["a1", "a2", "a3"] && outcome.fallen.isEmpty)
        let text = MarkdownWriter.write(outcome.motion)
        #expect(text.contains("1. Survey all branches") && text.contains("3. Campaign for senior posts at Band 8a.") && text.contains("4. Report back."))
    }

    @Test func twoAmendmentsChangingTheSameWordsConflictAndTheLaterFalls() throws {
        let outcome = try Self.merge(["In point 2, delete 'bargaining guidance' and replace with 'guidance'.",
                                      "In point 2, delete 'bargaining' and replace with 'organising'."])
        #expect(outcome.applied == ["a1"])
        let conflict = try #require(outcome.fallen.first)
        #expect(conflict.label == "a2")
        #expect(conflict.conflict.message.contains("a1 instruction 1 (line 1) and a2 instruction 1 (line 1) both change"))
        #expect(conflict.conflict.message.contains("a1 instruction 1 (line 1): In point 2, delete 'bargaining guidance' and replace with 'guidance'."))
        #expect(conflict.conflict.message.contains("a2 instruction 1 (line 1): In point 2, delete 'bargaining' and replace with 'organising'."))
        #expect(MarkdownWriter.write(outcome.motion).contains("2. Produce guidance on job titles."))
    }

    @Test func anAnchorRemovedByAnEarlierAmendmentIsAConflict() throws {
        // Insertion right after the deleted words: a text merge would call this adjacent, not a conflict.
        let outcome = try Self.merge(["In point 3, delete 'at Band 7'.", "In point 3, after 'Band 7' insert 'and above'."])
        #expect(outcome.fallen.map(\.label) == ["a2"])
        #expect(outcome.fallen[0].conflict.message.contains("'Band 7' in point 3"))
    }

    @Test func aDeletedPointCannotBeAmendedByALaterAmendment() throws {
        let outcome = try Self.merge(["Delete point 2.", "In point 2, after 'Produce' insert 'model'."])
        #expect(outcome.fallen.map(\.label) == ["a2"])
    }

    @Test func differentWordsAtOnePlaceConflictButTheSameChangeIsMadeOnce() throws {
        let different = try Self.merge(["In point 1, after 'Survey' insert 'all'.", "In point 1, after 'Survey' insert 'some'."])
        #expect(different.fallen.map(\.label) == ["a2"])
        let same = try Self.merge(["In point 1, after 'Survey' insert 'all'.", "In point 1, after 'Survey' insert 'all'."])
        #expect(same.fallen.isEmpty)
        #expect(MarkdownWriter.write(same.motion).contains("1. Survey all branches on"))
    }

    /// Issue 14: the same change from two branches is one change, made once, not a conflict.
    @Test(arguments: [
        ["Delete point 2.", "Delete point 2."],
        ["Delete point 2.", "Delete the second point."],
        ["In point 3, delete 'Band 7' and replace with 'Band 8a'.", "In point 3, delete 'Band 7' and replace with 'Band 8a'."],
        ["Delete point 1 and replace with: 'Survey every branch.'", "Delete point 1 and replace with: 'Survey every branch.'"],
        ["In point 2, delete 'bargaining'.", "In point 2, delete 'bargaining'."],
    ])
    func theSameChangeTwiceIsMadeOnce(wordings: [String]) throws {
        let outcome = try Self.merge(wordings)
        #expect(outcome.fallen.isEmpty, "\(outcome.fallen.map(\.conflict.message))")
        #expect(outcome.applied == ["a1", "a2"])
        let once = try Self.merge([wordings[0]])
        #expect(MarkdownWriter.write(outcome.motion) == MarkdownWriter.write(once.motion))
    }

    @Test func theSameChangeTwiceMergesThroughTheCommand() throws {
        let root = try StoreCommandTests.workspace()
        for name in ["a1", "a2"] {
            try TestSupport.write(TestSupport.motionText(front: "id: lxp-\(name)\ntitle: Amendment\nkind: amendment\namends: \(StoreCommandTests.lxp)\n",
                                                         body: "Delete point 2.\n"), to: "\(root)/lxp-\(name).md")
        }
        let merged = try MotionProcess.run(["merge", "motions/\(StoreCommandTests.lxp).md", "lxp-a1.md", "lxp-a2.md"], in: root)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(!merged.stdout.contains("2. Produce bargaining guidance") && merged.stdout.contains("2. Press NHS England"), "\(merged.stdout)")
    }

    @Test func aDifferentChangeToADeletedPointStillConflicts() throws {
        #expect(try Self.merge(["Delete point 2.", "Delete point 2 and replace with: 'Other.'"]).fallen.map(\.label) == ["a2"])
        #expect(try Self.merge(["Delete point 1 and replace with: 'One.'", "Delete point 1 and replace with: 'Two.'"]).fallen.map(\.label) == ["a2"])
    }

    @Test func addingAtTheEndOfAPointMovesItsFullStopInAMergeToo() throws {
        let outcome = try Self.merge(["Add at end of point 3: ', and above'", "In point 1, after 'Survey' insert 'all'."])
        #expect(outcome.fallen.isEmpty)
        #expect(MarkdownWriter.write(outcome.motion).contains("3. Campaign for senior posts at Band 7, and above.\n"))
    }

    @Test func newPointsNumberWithinEachAmendment() throws {
        let outcome = try Self.merge(["Add new point 4: 'First new.'", "Add new point 4: 'Second new.'"])
        #expect(outcome.fallen.isEmpty)
        let text = MarkdownWriter.write(outcome.motion)
        #expect(text.contains("4. First new.\n5. Second new."))
    }

    @Test func anAmendmentThatDoesNotApplyAtAllIsAnError() {
        #expect(throws: AmendmentError.self) { try Self.merge(["In point 2, after 'nothing' insert 'x'."]) }
    }
}
