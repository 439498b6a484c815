import Testing
@testable import MotionKit

@Suite struct CheckTests {
    let checker = MotionChecker(resources: ResourceLibrary(workspaceRoot: nil, currentDirectory: "/nonexistent"))

    func findings(_ text: String) throws -> [Diagnostic] {
        checker.check(try MotionReader.read(text))
    }

    @Test(arguments: TestSupport.exampleMotionPaths)
    func exampleMotionsHaveNoErrors(path: String) throws {
        let found = checker.check(try MotionReader.read(contentsOf: path))
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found)")
    }

    @Test func wordLimitIsAnErrorOnTheFirstSection() throws {
        let long = Array(repeating: "word", count: 160).joined(separator: " ")
        let found = try findings(TestSupport.motionText(front: "id: a\nprofile: ucu-congress\n",
                                                        body: "## Conference notes\n\n\(long)\n\n## Conference resolves\n\n1. Act.\n"))
        let limit = try #require(found.first { $0.rule == "word-limit" })
        #expect(limit.severity == .error)
        #expect(limit.line == 8)
        #expect(limit.message == "the motion has 165 words; ucu-congress allows 150 (cut 15)")
    }

    @Test func titleLimit() throws {
        let title = "One two three four five six seven eight nine ten eleven"
        let found = try findings(TestSupport.motionText(front: "id: a\nprofile: ucu-congress\n", title: "# \(title)\n"))
        #expect(found.contains { $0.rule == "title-limit" && $0.message.contains("11 words") && $0.severity == .error })
    }

    @Test func requiredSectionsComeFromTheProfile() throws {
        let found = try findings(TestSupport.motionText(front: "id: a\nprofile: unison-health\n"))
        #expect(found.filter { $0.rule == "required-section" }.map(\.message) == [
            "no 'believes' section, which unison-health requires ('## Conference believes')",
        ])
        #expect(try findings(TestSupport.motionText()).isEmpty)
    }

    @Test func bodyWithNoSectionsIsAnError() throws {
        let found = try findings(TestSupport.motionText(body: "Just some text.\n"))
        #expect(found.map(\.rule) == ["structure"])
        #expect(found[0].severity == .error && found[0].line == 9)
    }

    @Test func structureWarnings() throws {
        let body = """
            Stray text.

            ## Conference resolves

            To act.

            ## Conference notes

            ## Background

            A fact.
            """
        let found = try findings(TestSupport.motionText(body: body + "\n"))
        #expect(found.map(\.rule) == ["structure", "points", "section-order", "structure", "section-kind"])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test func unknownProfileIsAnErrorAtItsField() throws {
        let found = try findings(TestSupport.motionText(front: "id: a\ntitle: Sample motion\nprofile: nosuch\n"))
        #expect(found.count == 1)
        #expect(found[0].line == 4 && found[0].severity == .error)
        #expect(found[0].message.contains("unknown profile 'nosuch'; available: generic"))
    }

    @Test func amendmentsNeedAmendsAndKeepTheAmendmentLimit() throws {
        let words = Array(repeating: "word", count: 80).joined(separator: " ")
        let found = try findings(TestSupport.motionText(front: "id: a1\nkind: amendment\nprofile: ucu-congress\n",
                                                        body: "Add at end: '\(words)'.\n"))
        #expect(found.map(\.rule).sorted() == ["amends", "word-limit"])
        #expect(found.first { $0.rule == "word-limit" }?.message == "the amendment has 83 words; ucu-congress allows 75 for an amendment")
    }
}
