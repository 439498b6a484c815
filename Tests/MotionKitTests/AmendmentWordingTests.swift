import Foundation
import Testing
@testable import MotionKit

/// Wording in the style of union conference agendas, written by hand, each applied to
/// Fixtures/amendment-base.md and checked against the result written out by hand: the lines of
/// the base it changes and what they become ("" removes a line).
@Suite struct AmendmentWordingTests {
    static let baseText = try! String(contentsOfFile: TestSupport.packageRoot + "/Tests/MotionKitTests/Fixtures/amendment-base.md", encoding: .utf8)
    static let base = try! MotionReader.read(baseText).motion

    struct Case: CustomTestStringConvertible, Sendable {
        var wording: String
        var changes: [(String, String)]
        var testDescription: String { String(wording.prefix(70)) }
    }

    static let P1 = "1. Survey branches on the pay of peer workers."
    static let P2 = "2. Produce bargaining guidance on job titles."
    static let P3 = "3. Campaign for senior posts at Band 7."
    static let N1 = "Peer workers are employed in most mental health trusts, and the number of peer workers is still growing."
    static let N2 = "Many peer workers are paid at Band 3, and few trusts have senior posts for the workers' own profession."
    static let B1 = "Lived experience is a professional skill and must be rewarded."

    static let cases: [Case] = [
        Case(wording: "In point 2, after 'bargaining' insert 'and organising'.",
             changes: [(P2, "2. Produce bargaining and organising guidance on job titles.")]),
        Case(wording: "In point 1, after \u{2018}branches\u{2019} insert \u{2018}and regions\u{2019}.",
             changes: [(P1, "1. Survey branches and regions on the pay of peer workers.")]),
        Case(wording: "In point 3, after \"senior posts\" add \"and leadership posts\".",
             changes: [(P3, "3. Campaign for senior posts and leadership posts at Band 7.")]),
        Case(wording: "In point 3, delete \u{201C}Band 7\u{201D} and replace with \u{201C}Band 7 and above\u{201D}.",
             changes: [(P3, "3. Campaign for senior posts at Band 7 and above.")]),
        Case(wording: "IN PARAGRAPH 1 OF CONFERENCE BELIEVES, DELETE 'must' AND REPLACE WITH 'should'.",
             changes: [(B1, "Lived experience is a professional skill and should be rewarded.")]),
        Case(wording: "In paragraph 1 of Conference believes, delete 'must be rewarded' and insert 'deserves fair reward'.",
             changes: [(B1, "Lived experience is a professional skill and deserves fair reward.")]),
        Case(wording: "Add at end of Conference believes: 'Peer support workers need a clear career path.'",
             changes: [(B1, B1 + "\n\nPeer support workers need a clear career path.")]),
        Case(wording: "Add new point 4: 'Report to next year's conference.'",
             changes: [(P3, P3 + "\n4. Report to next year's conference.")]),
        Case(wording: "Delete point 2 and renumber.",
             changes: [(P2, "")]),
        Case(wording: "Delete point 1 and replace with: 'Survey every branch on pay and banding.'",
             changes: [(P1, "1. Survey every branch on pay and banding.")]),
        Case(wording: "1. In point 2, after 'Produce' insert 'model'.\n2. In point 3, delete 'at Band 7'.",
             changes: [(P2, "2. Produce model bargaining guidance on job titles."), (P3, "3. Campaign for senior posts.")]),
        Case(wording: "(a) In the title, after 'peer support workers' insert 'and survivor researchers'.\n(b) In paragraph 1 of Conference notes, delete 'Peer workers' and replace with 'Peer support workers'.",
             changes: [("# Recognition for peer support workers", "# Recognition for peer support workers and survivor researchers"),
                       (N1, "Peer support workers are employed in most mental health trusts, and the number of peer workers is still growing.")]),
        Case(wording: "Replace the title with: 'Fair pay for peer support workers'.",
             changes: [("# Recognition for peer support workers", "# Fair pay for peer support workers")]),
        Case(wording: "In the heading of Conference believes, delete 'believes' and replace with 'further believes'.",
             changes: [("## Conference believes", "## Conference further believes")]),
        Case(wording: "Add new section after Conference believes: '## Conference further notes\n\nNHS England funded Band 7 posts in 2020.'",
             changes: [(B1, B1 + "\n\n## Conference further notes\n\nNHS England funded Band 7 posts in 2020.")]),
        Case(wording: "Delete section Conference believes.",
             changes: [("## Conference believes", ""), (B1, "")]),
        Case(wording: "Insert 'new' after 'Campaign for'.",
             changes: [(P3, "3. Campaign for new senior posts at Band 7.")]),
        Case(wording: "Line 10: after 'guidance' insert 'for branches'.",
             changes: [(P2, "2. Produce bargaining guidance for branches on job titles.")]),
        Case(wording: "Lines 2-3: delete ', and the number of peer workers is still growing'.",
             changes: [(N1, "Peer workers are employed in most mental health trusts.")]),
        Case(wording: "After line 11, insert new point: 'Publish the survey results.'",
             changes: [(P3, P3 + "\n4. Publish the survey results.")]),
        Case(wording: "Delete line 10.",
             changes: [(P2, "")]),
        Case(wording: "Delete from line 9 to line 10.",
             changes: [(P1, ""), (P2, "")]),
        Case(wording: "Delete lines 6-7.",
             changes: [("## Conference believes", ""), (B1, "")]),
        Case(wording: "In paragraph 2 of Conference notes, delete 'the workers' own profession' and replace with 'lived experience roles'.",
             changes: [(N2, "Many peer workers are paid at Band 3, and few trusts have senior posts for lived experience roles.")]),
        Case(wording: "In paragraph 2 of Conference notes, delete \u{2018}the workers\u{2019} own profession\u{2019} and replace with \u{2018}lived experience roles\u{2019}.",
             changes: [(N2, "Many peer workers are paid at Band 3, and few trusts have senior posts for lived experience roles.")]),
        Case(wording: "In the second paragraph of Conference notes, after 'Band 3' insert 'or 4'.",
             changes: [(N2, "Many peer workers are paid at Band 3 or 4, and few trusts have senior posts for the workers' own profession.")]),
        Case(wording: "In the last point, after 'Campaign for' insert 'more'.",
             changes: [(P3, "3. Campaign for more senior posts at Band 7.")]),
        Case(wording: "Add at end of paragraph 1 of Conference believes: 'Employers should say how.'",
             changes: [(B1, "Lived experience is a professional skill and must be rewarded. Employers should say how.")]),
        Case(wording: "Add new paragraph after paragraph 1 of Conference notes: 'Most posts are part time.'",
             changes: [(N1, N1 + "\n\nMost posts are part time.")]),
        Case(wording: "In Conference notes, add new paragraph 3: 'Some trusts still pay token fees.'",
             changes: [(N2, N2 + "\n\nSome trusts still pay token fees.")]),
        Case(wording: "In point 2, before 'guidance' insert 'and organising'.",
             changes: [(P2, "2. Produce bargaining and organising guidance on job titles.")]),
        Case(wording: "In point 1 delete 'peer workers' and substitute 'peer support workers'.",
             changes: [(P1, "1. Survey branches on the pay of peer support workers.")]),
        Case(wording: "In point 1, replace 'Survey' with 'Consult'.",
             changes: [(P1, "1. Consult branches on the pay of peer workers.")]),
        Case(wording: "In paragraph 1 of Conference notes, delete 'still'.",
             changes: [(N1, "Peer workers are employed in most mental health trusts, and the number of peer workers is growing.")]),
        Case(wording: "Delete paragraph 2 of Conference notes.",
             changes: [(N2, "")]),
        Case(wording: "Add new point 4: Organise a national meeting of peer support workers.",
             changes: [(P3, P3 + "\n4. Organise a national meeting of peer support workers.")]),
        Case(wording: "in POINT 3, After 'posts' Insert 'and lived experience leadership roles'",
             changes: [(P3, "3. Campaign for senior posts and lived experience leadership roles at Band 7.")]),
        Case(wording: "In point 1, after 'Survey' insert 'all'.\n\nIn point 1, after 'pay' insert 'and banding'.",
             changes: [(P1, "1. Survey all branches on the pay and banding of peer workers.")]),
        Case(wording: "Amend point 2: after 'job titles' add 'and job descriptions'.",
             changes: [(P2, "2. Produce bargaining guidance on job titles and job descriptions.")]),
        Case(wording: "Line 4: delete 'Many' and replace with 'Most'.",
             changes: [(N2, "Most peer workers are paid at Band 3, and few trusts have senior posts for the workers' own profession.")]),
        Case(wording: "Lines 4-5: after 'senior posts' insert 'or any progression'.",
             changes: [(N2, "Many peer workers are paid at Band 3, and few trusts have senior posts or any progression for the workers' own profession.")]),
        Case(wording: "Before line 9, insert new point: 'Meet the Lived Experience Network.'",
             changes: [(P1, "1. Meet the Lived Experience Network.\n" + P1)]),
        Case(wording: "(i) Add new point 2: 'Map the roles and titles in use.'\n(ii) Add new point 3: 'Publish the map.'",
             changes: [(P1, P1 + "\n2. Map the roles and titles in use.\n3. Publish the map.")]),
        Case(wording: "In point 2, delete 'on job titles' and replace with: 'on job titles, banding and progression'",
             changes: [(P2, "2. Produce bargaining guidance on job titles, banding and progression.")]),
        Case(wording: "Delete paragraph 1 of Conference believes and replace with 'Lived experience is expertise.'",
             changes: [(B1, "Lived experience is expertise.")]),
        Case(wording: "* In point 3, after 'Campaign' insert 'nationally'.",
             changes: [(P3, "3. Campaign nationally for senior posts at Band 7.")]),
        Case(wording: "Line 8: delete 'Health Service Group Executive' and replace with 'National Executive Council'.",
             changes: [("## Conference calls on the Health Service Group Executive to:", "## Conference calls on the National Executive Council to:")]),
        Case(wording: "In paragraph 1 of the Conference notes section, delete 'most' and replace with 'nearly all'.",
             changes: [(N1, "Peer workers are employed in nearly all mental health trusts, and the number of peer workers is still growing.")]),
        Case(wording: "Delete all and replace with:\n\n## Conference notes\n\nPeer support workers are not paid fairly.\n\n## Conference resolves\n\n1. To campaign for fair pay.",
             changes: [("## Conference notes", "## Conference notes\n\nPeer support workers are not paid fairly.\n\n## Conference resolves\n\n1. To campaign for fair pay."),
                       (N1, ""), (N2, ""), ("## Conference believes", ""), (B1, ""),
                       ("## Conference calls on the Health Service Group Executive to:", ""), (P1, ""), (P2, ""), (P3, "")]),
    ]

    /// The base with `changes` made line by line.
    static func expected(_ changes: [(String, String)]) throws -> Motion {
        var lines = baseText.components(separatedBy: "\n")
        for (old, new) in changes {
            let at = try #require(lines.firstIndex(of: old), "the base has no line '\(old)'")
            lines[at] = new
        }
        return try MotionReader.read(lines.joined(separator: "\n")).motion
    }

    @Test(arguments: cases)
    func appliesAsWrittenByHand(_ example: Case) throws {
        let instructions = try AmendmentParser.parse(example.wording)
        let amended = try AmendmentApplier.apply(instructions, to: Self.base, lineWidth: 80)
        let expected = try Self.expected(example.changes)
        #expect(MarkdownWriter.write(amended) == MarkdownWriter.write(expected))
    }

    /// Saving an amendment stores its canonical form; that form must say the same thing,
    /// however the delegate laid the instructions out.
    @Test(arguments: cases.map(\.wording) + [
        "(a) In point 3, after 'Band 7' insert ', including consultant posts'.\n(b) Add new point 4: 'Work with the Lived Experience Network.'",
        "In paragraph 1 of Conference notes, delete 'peer workers' and replace with\n'peer support workers'.",
        "- In point 1, after 'Survey' insert 'all'.\n- Delete point 2.",
    ])
    func theCanonicalFormOfAnAmendmentSaysTheSame(wording: String) throws {
        let file = "---\nid: a1\nkind: amendment\namends: peer-recognition\n---\n\n# Amendment 1\n\n\(wording)\n"
        let canonical = MarkdownWriter.write(try MotionReader.read(file).motion)
        func meaning(_ text: String) throws -> [String] {
            try AmendmentDocument.read(text).instructions.map { "\($0.scope) \($0.action)" }
        }
        #expect(try meaning(canonical) == (try meaning(file)), "\(canonical)")
        #expect(MarkdownWriter.write(try MotionReader.read(canonical).motion) == canonical)
    }

    @Test func thereAreAtLeastFortyHandWrittenInstructions() throws {
        let count = try Self.cases.reduce(0) { $0 + (try AmendmentParser.parse($1.wording)).count }
        #expect(count >= 40)
    }

    // MARK: Errors: the instruction, its line and the quoted words named; nothing applied

    struct Failure: CustomTestStringConvertible, Sendable {
        var wording: String
        var reason: AmendmentError.Reason
        var line: Int?
        var mentions: [String]
        var testDescription: String { String(wording.prefix(70)) }
    }

    static let failures: [Failure] = [
        Failure(wording: "In point 2, after 'survivor researchers' insert 'and trainers'.", reason: .anchorMissing, line: 1,
                mentions: ["instruction 1 (line 1)", "'survivor researchers'", "point 2"]),
        Failure(wording: "In paragraph 1 of Conference notes, delete 'workers'.", reason: .anchorAmbiguous, line: 1,
                mentions: ["'workers' occurs 2 times", "quote more"]),
        Failure(wording: "Delete point 9.", reason: .noSuchPlace, line: 1, mentions: ["no point 9", "3 points"]),
        Failure(wording: "Add new point 9: 'Too far.'", reason: .noSuchPlace, line: 1, mentions: ["new point 9", "3 points"]),
        Failure(wording: "In point 2, delete 'bargaining guidance'.\nIn point 2, after 'bargaining' insert 'and organising'.",
                reason: .overlap, line: 2, mentions: ["instruction 1 (line 1)", "instruction 2 (line 2)", "bargaining"]),
        Failure(wording: "In paragraph 1 of Conference resolves, delete 'fair'.", reason: .noSuchPlace, line: 1,
                mentions: ["no section 'Conference resolves'", "'Conference notes'"]),
        Failure(wording: "Line 40: delete 'workers'.", reason: .noSuchPlace, line: 1, mentions: ["line 40", "11 lines"]),
        Failure(wording: "Delete lines 2-2.", reason: .noSuchPlace, line: 1, mentions: ["only part of paragraph 1", "lines 2-3"]),
        Failure(wording: "Please amend the motion so that it is better.", reason: .unreadable, line: 1, mentions: ["not an amendment instruction"]),
        Failure(wording: "In point 1, after 'Survey' insert 'all'.\n\nIn point 2, after 'nothing like this' insert 'x'.", reason: .anchorMissing,
                line: 3, mentions: ["instruction 2 (line 3)", "'nothing like this'"]),
        Failure(wording: "In paragraph 2, delete 'Many'.", reason: .noSuchPlace, line: 1, mentions: ["say which", "Conference notes"]),
        Failure(wording: "In point 1, after 'Band 3' insert 'or 4'.", reason: .anchorMissing, line: 1,
                mentions: ["'Band 3' does not occur in point 1", "it occurs in paragraph 2 of Conference notes"]),
    ]

    @Test(arguments: failures)
    func refusesWithAMessageThatSaysWhere(_ failure: Failure) throws {
        let error = #expect(throws: AmendmentError.self) {
            try AmendmentApplier.apply(try AmendmentParser.parse(failure.wording), to: Self.base, lineWidth: 80)
        }
        guard let error else { return }
        #expect(error.reason == failure.reason, "\(error.message)")
        #expect(error.line == failure.line, "\(error.message)")
        for words in failure.mentions { #expect(error.message.contains(words), "\(error.message)") }
    }

    /// Every position a new section can have is written as wording that reads back to the same
    /// place: "before" was once written as "at the end".
    @Test(arguments: [
        (AmendmentInstruction.Position.before(.section("Conference resolves")), ["Conference notes", "New section", "Conference resolves"]),
        (.after(.section("Conference notes")), ["Conference notes", "New section", "Conference resolves"]),
        (.atEnd(section: "Conference notes"), ["Conference notes", "New section", "Conference resolves"]),
        (.atStart(section: ""), ["New section", "Conference notes", "Conference resolves"]),
        (.atEnd(section: nil), ["Conference notes", "Conference resolves", "New section"]),
    ])
    func newSectionsAreWrittenWhereTheyGo(position: AmendmentInstruction.Position, headings: [String]) throws {
        let base = try MotionReader.read(TestSupport.motionText()).motion
        let instruction = AmendmentInstruction(label: nil, number: 1, line: 1, text: "", scope: .anywhere,
                                               action: .addSection(position: position, text: "## New section"))
        let wording = WordingRenderer().render(instruction)
        let amended = try AmendmentApplier.apply(wording: wording, to: base, lineWidth: 80)
        #expect(amended.sections.map(\.headingText) == headings, "\(wording)")
        let planned = try AmendmentApplier.apply([instruction], to: base, lineWidth: 80)
        #expect(planned == amended, "the wording means what the instruction does: \(wording)")
    }

    /// A fuzz finding: Foundation's backwards search stopped the process on wording holding NUL
    /// (files never do: the checked reader refuses NUL, but wording can come from anywhere).
    @Test func wordingHoldingNULIsAnsweredNotACrash() throws {
        let wording = "Add to '" + String(repeating: "\u{FFFD}", count: 7) + "\u{13}Co'\0\0\0\0"
        // Read as "add the NULs at the end of the section named '...Co'"; before, the process stopped.
        let instructions = try AmendmentParser.parse(wording)
        #expect(instructions.count == 1)
        #expect("a 'x' b 'x'".lastRange(of: "'x'").map { "a 'x' b 'x'".distance(from: "a 'x' b 'x'".startIndex, to: $0.lowerBound) } == 8)
        #expect("e\u{301}".lastRange(of: "\u{E9}") == nil, "scalar by scalar, as the wording was written")
        #expect("abc".lastRange(of: "") == nil && "ab".lastRange(of: "abc") == nil)
    }
}
