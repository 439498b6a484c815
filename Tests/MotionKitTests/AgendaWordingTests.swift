import Foundation
import Testing
@testable import MotionKit

/// Wording on the patterns of published union agendas (issue 12), in our own words, applied to
/// Fixtures/amendment-base.md and checked against results written out by hand; and wording the
/// tool must refuse rather than paste into the motion.
@Suite struct AgendaWordingTests {
    typealias Case = AmendmentWordingTests.Case
    static let P1 = AmendmentWordingTests.P1, P2 = AmendmentWordingTests.P2, P3 = AmendmentWordingTests.P3
    static let N1 = AmendmentWordingTests.N1, N2 = AmendmentWordingTests.N2, B1 = AmendmentWordingTests.B1

    static let cases: [Case] = [
        // Procedure after the edit: numbers always follow, so it is read and changes nothing.
        Case(wording: "Add new point 4: 'Meet the regulator.' and renumber accordingly.",
             changes: [(P3, P3 + "\n4. Meet the regulator.")]),
        Case(wording: "Delete point 2 and renumber accordingly.", changes: [(P2, "")]),
        Case(wording: "Delete point 1.\nRenumber accordingly.", changes: [(P1, "")]),
        Case(wording: "Delete point 1 and renumber the remaining points.", changes: [(P1, "")]),
        Case(wording: "Delete point 3 (and renumber).", changes: [(P3, "")]),
        Case(wording: "Delete point 2, and reletter.", changes: [(P2, "")]),
        Case(wording: "Add new point 2: 'Map the job titles in use.' Renumber accordingly.",
             changes: [(P1, P1 + "\n2. Map the job titles in use.")]),
        Case(wording: "In point 2, delete 'on job titles' and renumber as necessary.",
             changes: [(P2, "2. Produce bargaining guidance.")]),
        // Several edits in one sentence, each on the same place.
        Case(wording: "In line 2 after \"trusts\" insert \"and boards\" and after \"peer\" insert \"support\".",
             changes: [(N1, "Peer workers are employed in most mental health trusts and boards, and the number of peer support workers is still growing.")]),
        Case(wording: "In point 1, after 'Survey' insert 'all' and after 'pay' insert 'and banding'.",
             changes: [(P1, "1. Survey all branches on the pay and banding of peer workers.")]),
        Case(wording: "In point 2, delete 'bargaining' and after 'titles' insert 'and pay'.",
             changes: [(P2, "2. Produce guidance on job titles and pay.")]),
        Case(wording: "In point 3, after 'Campaign' insert 'nationally'; delete 'at Band 7'.",
             changes: [(P3, "3. Campaign nationally for senior posts.")]),
        Case(wording: "In point 1, after 'Survey' insert 'all', and after 'pay' insert 'and grading'.",
             changes: [(P1, "1. Survey all branches on the pay and grading of peer workers.")]),
        Case(wording: "In point 2, delete 'bargaining' and insert 'model'; and after 'titles' add 'and roles'.",
             changes: [(P2, "2. Produce model guidance on job titles and roles.")]),
        // Two sentences with places of their own on one line.
        Case(wording: "In point 1, delete 'peer workers' and replace with 'peer support workers'. In point 3, delete 'at Band 7'.",
             changes: [(P1, "1. Survey branches on the pay of peer support workers."), (P3, "3. Campaign for senior posts.")]),
        // The place after the action.
        Case(wording: "Replace 'Recognition' with 'Fair pay' in the title.",
             changes: [("# Recognition for peer support workers", "# Fair pay for peer support workers")]),
        Case(wording: "Delete 'still' in lines 2 & 3.",
             changes: [(N1, "Peer workers are employed in most mental health trusts, and the number of peer workers is growing.")]),
        Case(wording: "Delete 'at Band 7' from point 3.", changes: [(P3, "3. Campaign for senior posts.")]),
        Case(wording: "Insert 'model' after 'Produce' in point 2.", changes: [(P2, "2. Produce model bargaining guidance on job titles.")]),
        Case(wording: "Replace 'must' with 'should' within Conference believes.",
             changes: [(B1, "Lived experience is a professional skill and should be rewarded.")]),
        Case(wording: "Delete 'Many' and insert 'Most' in paragraph 2 of Conference notes.",
             changes: [(N2, "Most peer workers are paid at Band 3, and few trusts have senior posts for the workers' own profession.")]),
        // The place first, without "In".
        Case(wording: "Point 2, replace 'bargaining' with 'model'.", changes: [(P2, "2. Produce model guidance on job titles.")]),
        Case(wording: "Point 3: delete 'at Band 7'.", changes: [(P3, "3. Campaign for senior posts.")]),
        Case(wording: "First paragraph of Conference notes, before 'mental health' insert 'NHS'.",
             changes: [(N1, "Peer workers are employed in most NHS mental health trusts, and the number of peer workers is still growing.")]),
        Case(wording: "The last point, after 'Campaign' insert 'nationally'.",
             changes: [(P3, "3. Campaign nationally for senior posts at Band 7.")]),
        Case(wording: "Point 2: delete.", changes: [(P2, "")]),
        Case(wording: "Paragraph 1 of Conference believes, delete 'professional'.",
             changes: [(B1, "Lived experience is a skill and must be rewarded.")]),
        // Combined places.
        Case(wording: "In Conference notes, paragraph 2, delete 'Many' and replace with 'Most'.",
             changes: [(N2, "Most peer workers are paid at Band 3, and few trusts have senior posts for the workers' own profession.")]),
        Case(wording: "In paragraph 2 of Conference notes, line 5, delete 'own'.",
             changes: [(N2, "Many peer workers are paid at Band 3, and few trusts have senior posts for the workers' profession.")]),
        // Labels other than arabic numbers.
        Case(wording: "In point iii, delete 'at Band 7'.", changes: [(P3, "3. Campaign for senior posts.")]),
        Case(wording: "In point (b), after 'Produce' insert 'model'.", changes: [(P2, "2. Produce model bargaining guidance on job titles.")]),
        Case(wording: "Delete point (a).", changes: [(P1, "")]),
        Case(wording: "In the final point, delete 'senior'.", changes: [(P3, "3. Campaign for posts at Band 7.")]),
        // Replace forms.
        Case(wording: "Amend 'Band 7' to 'Band 7 and above'.", changes: [(P3, "3. Campaign for senior posts at Band 7 and above.")]),
        Case(wording: "Amend point 2 to read: 'Produce guidance on job titles and pay.'",
             changes: [(P2, "2. Produce guidance on job titles and pay.")]),
        Case(wording: "In point 1, delete the words 'on the pay of peer workers' and insert 'on pay'.",
             changes: [(P1, "1. Survey branches on pay.")]),
        Case(wording: "Point 1, amend 'Survey' to 'Consult'.", changes: [(P1, "1. Consult branches on the pay of peer workers.")]),
        Case(wording: "In point 2, replace the word 'bargaining' with 'negotiating'.",
             changes: [(P2, "2. Produce negotiating guidance on job titles.")]),
        // Lines as printed agendas count them.
        Case(wording: "Lines 9 and 10: delete 'peer workers' and replace with 'peer support workers'.",
             changes: [(P1, "1. Survey branches on the pay of peer support workers.")]),
        Case(wording: "In lines 4 & 5, delete 'own'.",
             changes: [(N2, "Many peer workers are paid at Band 3, and few trusts have senior posts for the workers' profession.")]),
        // Several blocks at once; clauses are points.
        Case(wording: "Delete points 2 and 3.", changes: [(P2, ""), (P3, "")]),
        Case(wording: "Delete the second and third clauses and renumber.", changes: [(P2, ""), (P3, "")]),
        Case(wording: "Delete paragraphs 1 and 2 of Conference notes.", changes: [(N1, ""), (N2, "")]),
        Case(wording: "In clause 2, after 'Produce' insert 'model'.", changes: [(P2, "2. Produce model bargaining guidance on job titles.")]),
        // Lines named one by one: the change in each of them.
        Case(wording: "In lines 9 and 10 after 'on' insert 'fair'.",
             changes: [(P1, "1. Survey branches on fair the pay of peer workers."), (P2, "2. Produce bargaining guidance on fair job titles.")]),
        // A leading or trailing ellipsis in a quote.
        Case(wording: "In point 3, after '...senior posts' insert 'and leadership roles'.",
             changes: [(P3, "3. Campaign for senior posts and leadership roles at Band 7.")]),
        Case(wording: "In paragraph 1 of Conference believes, delete 'a professional skill\u{2026}' and replace with 'expertise'.",
             changes: [(B1, "Lived experience is expertise and must be rewarded.")]),
        // Additions.
        Case(wording: "Add to 'Conference notes' section: 'Most posts are part time.'",
             changes: [(N2, N2 + "\n\nMost posts are part time.")]),
        Case(wording: "Add to Conference believes:\nPeer support is skilled work.",
             changes: [(B1, B1 + "\n\nPeer support is skilled work.")]),
        Case(wording: "Add at end of point 3: ', and publish the results'",
             changes: [(P3, "3. Campaign for senior posts at Band 7, and publish the results.")]),
        Case(wording: "Add to point 1: ', region by region.'",
             changes: [(P1, "1. Survey branches on the pay of peer workers, region by region.")]),
        Case(wording: "Add after 'Campaign for' - 'well paid'.", changes: [(P3, "3. Campaign for well paid senior posts at Band 7.")]),
        Case(wording: "Insert after 'job titles': 'and grading'.", changes: [(P2, "2. Produce bargaining guidance on job titles and grading.")]),
        Case(wording: "Insert new point after point 3:\nReport to conference next year.",
             changes: [(P3, P3 + "\n4. Report to conference next year.")]),
        Case(wording: "Insert new paragraph after paragraph 2 of Conference notes:\n\nIn 2025 most trusts paid peer workers at Band 3.",
             changes: [(N2, N2 + "\n\nIn 2025 most trusts paid peer workers at Band 3.")]),
        Case(wording: "Add:\nConference thanks the Lived Experience Network.",
             changes: [(P3, P3 + "\n4. Conference thanks the Lived Experience Network.")]),
        Case(wording: "Add new point 4:\n'Publish the results.'\n\nIn point 1, after 'Survey' insert 'all'.",
             changes: [(P1, "1. Survey all branches on the pay of peer workers."), (P3, P3 + "\n4. Publish the results.")]),
        // Edits inside a section heading.
        Case(wording: "After 'Conference calls on', delete 'Health Service Group' and replace with 'National'.",
             changes: [("## Conference calls on the Health Service Group Executive to:", "## Conference calls on the National Executive to:")]),
        Case(wording: "In the heading of Conference believes, after 'Conference' insert 'further'.",
             changes: [("## Conference believes", "## Conference further believes")]),
        // Context lines: the place for the instructions after them.
        Case(wording: "Conference notes:\nIn paragraph 2, delete 'Many' and replace with 'Most'.\nAdd new paragraph 3: 'Most posts are part time.'",
             changes: [(N2, "Most peer workers are paid at Band 3, and few trusts have senior posts for the workers' own profession.\n\nMost posts are part time.")]),
        Case(wording: "Amend Conference believes:\nDelete 'professional'.",
             changes: [(B1, "Lived experience is a skill and must be rewarded.")]),
        // Spans of words.
        Case(wording: "In paragraph 1 of Conference notes, delete from ', and the number' to 'growing' inclusive.",
             changes: [(N1, "Peer workers are employed in most mental health trusts.")]),
        Case(wording: "Delete from 'and few trusts' to 'profession' inclusive in paragraph 2 of Conference notes.",
             changes: [(N2, "Many peer workers are paid at Band 3,.")]),
        Case(wording: "In point 2, delete all after 'guidance' and insert 'for every branch.'",
             changes: [(P2, "2. Produce bargaining guidance for every branch.")]),
        Case(wording: "Delete all after 'Campaign for senior posts' in line 11.",
             changes: [(P3, "3. Campaign for senior posts")]),
        Case(wording: "In point 1, delete from 'on the pay' to the end and insert 'on pay and grading.'",
             changes: [(P1, "1. Survey branches on pay and grading.")]),
        // Sentences.
        Case(wording: "In paragraph 1 of Conference notes, delete 'still' and replace with 'fast'.\nReplace the first sentence of paragraph 2 of Conference notes with 'Most peer workers are paid at Band 3.'",
             changes: [(N1, "Peer workers are employed in most mental health trusts, and the number of peer workers is fast growing."),
                       (N2, "Most peer workers are paid at Band 3.")]),
        Case(wording: "Delete the last sentence of point 2.", changes: [(P2, "2. ")]),
        // Between two words.
        Case(wording: "Insert 'all' between 'Survey' and 'branches' in point 1.", changes: [(P1, "1. Survey all branches on the pay of peer workers.")]),
        Case(wording: "In point 2, insert 'national' between 'bargaining' and 'guidance'.",
             changes: [(P2, "2. Produce bargaining national guidance on job titles.")]),
        // Lettered new points.
        Case(wording: "Add new point d: 'Report back to the branches.'", changes: [(P3, P3 + "\n4. Report back to the branches.")]),
        Case(wording: "Add new point (b): 'Map the roles in use.'", changes: [(P1, P1 + "\n2. Map the roles in use.")]),
        // More of the same families, in other words.
        Case(wording: "In point 1, after 'Survey' insert 'every region and all'.",
             changes: [(P1, "1. Survey every region and all branches on the pay of peer workers.")]),
        Case(wording: "Point 3, after 'senior posts' add 'for peer support workers' and renumber.",
             changes: [(P3, "3. Campaign for senior posts for peer support workers at Band 7.")]),
        Case(wording: "Second paragraph of Conference notes: delete 'few' and replace with 'no'.",
             changes: [(N2, "Many peer workers are paid at Band 3, and no trusts have senior posts for the workers' own profession.")]),
        Case(wording: "Line 7: delete 'professional' and insert 'highly skilled'.",
             changes: [(B1, "Lived experience is a highly skilled skill and must be rewarded.")]),
        Case(wording: "Lines 2-3, delete 'mental health'.",
             changes: [(N1, "Peer workers are employed in most trusts, and the number of peer workers is still growing.")]),
        Case(wording: "In point 2, replace 'job titles' by 'job titles and career paths'.",
             changes: [(P2, "2. Produce bargaining guidance on job titles and career paths.")]),
        Case(wording: "Delete the words 'at Band 7' from point 3.", changes: [(P3, "3. Campaign for senior posts.")]),
        Case(wording: "In the title, replace 'Recognition' with 'Pay and recognition'.",
             changes: [("# Recognition for peer support workers", "# Pay and recognition for peer support workers")]),
        Case(wording: "Add at the start of point 2: 'With the Lived Experience Network,'",
             changes: [(P2, "2. With the Lived Experience Network, Produce bargaining guidance on job titles.")]),
        Case(wording: "Delete paragraph 1 of Conference believes and replace with: 'Lived experience is expertise and must be paid as such.'",
             changes: [(B1, "Lived experience is expertise and must be paid as such.")]),
        Case(wording: "(a) In point 1, after 'Survey' insert 'all'.\n(b) Delete point 3.\n(c) Add new point 3: 'Campaign for Band 7 posts.'",
             changes: [(P1, "1. Survey all branches on the pay of peer workers."), (P3, "3. Campaign for Band 7 posts.")]),
        Case(wording: "1. Conference believes:\n2. Delete 'professional'.",
             changes: [(B1, "Lived experience is a skill and must be rewarded.")]),
        Case(wording: "In the first point, delete 'branches' and replace with 'every branch'; and after 'pay' insert 'and hours'.",
             changes: [(P1, "1. Survey every branch on the pay and hours of peer workers.")]),
        // Text quoted with other marks than the instruction's is the delegate's own.
        Case(wording: "Add new point 4: 'Replace the title \"peer worker\" with \"peer support worker\" in guidance.'",
             changes: [(P3, P3 + "\n4. Replace the title \"peer worker\" with \"peer support worker\" in guidance.")]),
        Case(wording: "In point 2, after 'guidance' insert \u{201C}on the term \u{2018}lived experience\u{2019}\u{201D}.",
             changes: [(P2, "2. Produce bargaining guidance on the term \u{2018}lived experience\u{2019} on job titles.")]),
    ]

    @Test(arguments: cases)
    func appliesAsWrittenByHand(_ example: Case) throws {
        let instructions = try AmendmentParser.parse(example.wording)
        let amended = try AmendmentApplier.apply(instructions, to: AmendmentWordingTests.base, lineWidth: 80)
        let expected = try AmendmentWordingTests.expected(example.changes)
        #expect(MarkdownWriter.write(amended) == MarkdownWriter.write(expected))
    }

    // MARK: Never silently wrong

    struct Refusal: CustomTestStringConvertible, Sendable {
        var wording: String
        var mentions: [String]
        var testDescription: String { String(wording.prefix(70)) }
    }

    /// Wording that is read only partly, or whose text to insert reads like an instruction: each
    /// is refused, naming the line and what the tool did read, and nothing is applied.
    static let refusals: [Refusal] = [
        Refusal(wording: "Add new point 5: 'Meet the regulator.' and then consult branches.",
                mentions: ["line 1", "cannot read 'and then consult branches.'", "the tool read it as far as: Add new point 5: 'Meet the regulator.'"]),
        Refusal(wording: "In line 2 after \"trusts\" insert \"and boards\" and after \"staff\" insrt \"and volunteers\".",
                mentions: ["line 1", "\"and boards"]),
        Refusal(wording: "Add new point 4: Consult branches, then insert 'and volunteers' after 'staff'.",
                mentions: ["reads like another instruction", "insert 'and volunteers"]),
        Refusal(wording: "In point 2, after 'guidance' insert and renumber.",
                mentions: ["line 1"]),
        Refusal(wording: "Add new point 4: 'Meet the regulator and renumber accordingly.'",
                mentions: ["reads like another instruction", "and renumber accordingly"]),
        Refusal(wording: "Add new point 4: In line 4, delete 'Many'.",
                mentions: ["reads like another instruction", "in line 4"]),
        Refusal(wording: "Add new point 4: \u{201C}Meet the regulator.",
                mentions: ["line 1"]),
        Refusal(wording: "In point 2, after 'guidance' insert 'on pay' and after 'titles' replace 'x'.",
                mentions: ["line 1", "the tool read it as far as: In point 2, after 'guidance' insert 'on pay'."]),
        Refusal(wording: "In lines 2 and 4, delete 'peer'.", mentions: ["lines 2 and 4 are not next to each other"]),
        // Numbers that are no numbers were once the text of a new point (issue 13).
        Refusal(wording: "Add new point 1e3: 'Meet the regulator.'", mentions: ["'1e3' is not the number of a point"]),
        Refusal(wording: "Add new point -1: 'Meet the regulator.'", mentions: ["'-1' is not the number of a point"]),
        Refusal(wording: "Add new point 99999999999999999999999: 'x'", mentions: ["'99999999999999999999999' is not the number"]),
        Refusal(wording: "In paragraph 99999999999999999999999, delete 'Many'.", mentions: ["is not the number of a point or paragraph"]),
        Refusal(wording: "Add new paragraph: x9: 'Meet the regulator.'", mentions: ["reads like a place it could not read ('x9')"]),
        Refusal(wording: "Lines 9-10: after 'on' insert 'fair'.", mentions: ["'on' occurs 2 times in lines 9-10"]),
        Refusal(wording: "Delete the second sentence of paragraph 1 of Conference believes.", mentions: ["no sentence 2", "which has 1 sentence"]),
        Refusal(wording: "Insert 'senior' between 'for' and 'posts' in point 3.", mentions: ["'for posts' does not occur in point 3"]),
        Refusal(wording: "Add new point 4: 'Meet the regulator' in the spring.", mentions: ["cannot read 'in the spring.'"]),
    ]

    @Test(arguments: refusals)
    func refusesWhatItCannotRead(_ refusal: Refusal) throws {
        let error = #expect(throws: AmendmentError.self) {
            try AmendmentApplier.apply(try AmendmentParser.parse(refusal.wording), to: AmendmentWordingTests.base, lineWidth: 80)
        }
        guard let error else { return }
        for words in refusal.mentions { #expect(error.description.contains(words), "\(error.description)") }
    }

    /// The issue's own examples: wording once applied with instruction text pasted into the motion.
    @Test func theTwoMangledMotionsOfIssue12() throws {
        let first = try AmendmentApplier.apply(wording: "Add new point 4: 'Meet the regulator.' and renumber accordingly.",
                                               to: AmendmentWordingTests.base, lineWidth: 80)
        #expect(first.sections[2].blocks.last?.plainText == "Meet the regulator.")
        let second = try AmendmentApplier.apply(wording: "In line 2 after \"trusts\" insert \"and boards\" and after \"number\" insert \"and pay\".",
                                                to: AmendmentWordingTests.base, lineWidth: 80)
        #expect(second.sections[0].blocks[0].plainText == "Peer workers are employed in most mental health trusts and boards, and the number and pay of peer workers is still growing.")
    }

    /// Every problem of an amendment at once, each with its own line; nothing applied.
    @Test func everyProblemIsReportedAtOnce() throws {
        let wording = """
            In point 1, after 'Survey' insert 'all'.
            Please make it better.
            In point 2, after 'nowhere' insert 'x'.
            In point 3, after 'Campaign' insert 'now' and then stop.
            In point 9, delete 'x'.
            """
        let parse = #expect(throws: AmendmentError.self) { try AmendmentParser.parse(wording) }
        #expect(parse.map { [$0.line] + $0.more.map(\.line) } == [1, 4], "\(parse?.description ?? "")")
        #expect(parse?.description.contains("cannot read 'Please make it better.'") == true)
        // Wording that reads but does not apply: every instruction that fails, at once.
        let applying = "In point 1, after 'Survey' insert 'all'.\nIn point 2, after 'nowhere' insert 'x'.\nIn point 9, delete 'x'.\nIn point 3, delete 'never'."
        let apply = #expect(throws: AmendmentError.self) {
            try AmendmentApplier.apply(try AmendmentParser.parse(applying), to: AmendmentWordingTests.base, lineWidth: 80)
        }
        #expect(apply.map { [$0.line] + $0.more.map(\.line) } == [2, 3, 4], "\(apply?.description ?? "")")
        let located = try #require(apply).located(at: "a1.md")
        #expect(located.description.components(separatedBy: "\n").map { $0.components(separatedBy: ": error: ")[0] } == ["a1.md:2", "a1.md:3", "a1.md:4"])
    }

    @Test(arguments: [
        ("Meet the regulator.", nil as Unicode.Scalar?, nil as String?),
        ("then insert 'and volunteers' after 'staff'", nil, "another instruction"),
        ("then insert \"and volunteers\"", "'", nil),
        ("and boards\" and after \"staff\" insert \"and volunteers", "\"", "another instruction"),
        ("the workers' own profession", "'", nil),
        ("a \u{201C}quoted phrase", nil, "never closed"),
        ("see line 4: the pay table", nil, "another instruction"),
        ("in line with the agreement", nil, nil),
        ("the front line, 24 hours a day", nil, nil),
        ("'Meet' the regulator", nil, "starts with a quote"),
        ("Meet the regulator and renumber", "'", "another instruction"),
    ])
    func payloadChecks(text: String, opener: Unicode.Scalar?, problem: String?) {
        let found = PayloadCheck.problem(in: text, quotedWith: opener)
        if let problem {
            #expect(found?.contains(problem) == true, "\(found ?? "nil")")
        } else {
            #expect(found == nil, "\(found ?? "")")
        }
    }
}

/// Line numbers as the conference's agenda prints them: the profile says whether the title and
/// the section headings are numbered lines.
@Suite struct LineSchemeTests {
    static let scheme = LineScheme(width: 80, title: true, headings: false)

    @Test func theTitleIsLineOneAndHeadingsAreNotCounted() throws {
        let lines = LineNumbering.lines(of: AmendmentWordingTests.base, scheme: Self.scheme)
        #expect(lines.map(\.number) == Array(1...9))
        #expect(lines[0].text == "Recognition for peer support workers" && lines[0].isTitle)
        #expect(lines[7].text == "2. Produce bargaining guidance on job titles.")
    }

    @Test(arguments: [
        ("Line 1: after 'Recognition' insert 'and reward'.", "# Recognition for peer support workers", "# Recognition and reward for peer support workers"),
        ("Line 8: after 'Produce' insert 'model'.", AmendmentWordingTests.P2, "2. Produce model bargaining guidance on job titles."),
        ("Delete line 9.", AmendmentWordingTests.P3, ""),
        ("Lines 4 and 5: delete 'own'.", AmendmentWordingTests.N2, "Many peer workers are paid at Band 3, and few trusts have senior posts for the workers' profession."),
    ])
    func wordingCountsLinesAsTheAgendaDoes(wording: String, old: String, new: String) throws {
        let amended = try AmendmentApplier.apply(try AmendmentParser.parse(wording), to: AmendmentWordingTests.base, lines: Self.scheme)
        let expected = try AmendmentWordingTests.expected([(old, new)])
        #expect(MarkdownWriter.write(amended) == MarkdownWriter.write(expected))
    }

    /// The writer numbers lines the same way, and its wording applies back exactly.
    @Test func theWriterUsesTheSameLines() throws {
        let target = try AmendmentWordingTests.expected([("# Recognition for peer support workers", "# Fair reward for peer support workers"),
                                                        (AmendmentWordingTests.P3, "3. Campaign for senior posts at Band 7 and above.")])
        let wording = AmendmentWriter.wording(from: AmendmentWordingTests.base, to: target, style: .lines, lines: Self.scheme)
        #expect(wording.contains("Line 9:") || wording.contains("line 9"), "\(wording)")
        let applied = try AmendmentApplier.apply(try AmendmentParser.parse(wording), to: AmendmentWordingTests.base, lines: Self.scheme)
        #expect(MarkdownWriter.write(applied) == MarkdownWriter.write(target))
    }

    @Test func profilesSayHowTheirAgendaNumbersLines() throws {
        let profile = try ConferenceProfile(yaml: "line-width: 72\nnumber-title: true\nnumber-headings: false\n", path: "p.yaml")
        #expect(profile.lineScheme == LineScheme(width: 72, title: true, headings: false))
        #expect(try ConferenceProfile(yaml: "line-width: 72\n", path: "p.yaml").lineScheme == LineScheme(width: 72))
        #expect { try ConferenceProfile(yaml: "number-title: sometimes\n", path: "p.yaml") } throws: {
            ($0 as? ResourceError)?.message.contains("'number-title' must be true or false") == true
        }
    }
}

/// `motion amend` quotes anchors a delegate would choose.
@Suite struct NaturalAnchorTests {
    static func wording(_ base: String, _ target: String) throws -> String {
        let front = "id: m\ntitle: A motion\n"
        let a = try MotionReader.read(TestSupport.motionText(front: front, body: "## Conference resolves\n\n1. \(base)\n")).motion
        let b = try MotionReader.read(TestSupport.motionText(front: front, body: "## Conference resolves\n\n1. \(target)\n")).motion
        let wording = AmendmentWriter.wording(from: a, to: b, style: .quoted, lineWidth: 80)
        let applied = try AmendmentApplier.apply(try AmendmentParser.parse(wording), to: a, lineWidth: 80)
        #expect(MarkdownWriter.write(applied) == MarkdownWriter.write(b), "the wording applies back exactly")
        return wording
    }

    @Test(arguments: [
        ("Campaign for senior posts at Band 7.", "Campaign for senior posts at Band 7 and above.", "after 'Band 7' insert 'and above'"),
        ("Offer a clear career path, no supervision and no pay.", "Offer a clear career path, no formal supervision and no pay.", "before 'supervision' insert 'formal'"),
        ("Survey the branches on pay.", "Survey all the branches on pay.", "after 'Survey' insert 'all'"),
        ("Publish it in the spring, or in the summer.", "Publish it in the spring, or at the latest in the summer.", "before 'in the summer"),
    ])
    func anchorsReadNaturally(base: String, target: String, expected: String) throws {
        let wording = try Self.wording(base, target)
        #expect(wording.contains(expected), "\(wording)")
    }
}

/// The size of the hand-written table, and rule changes, whose places are numbered rules.
@Suite struct WordingTableTests {
    @Test func atLeast150InstructionsAreWrittenOutByHand() throws {
        let applied = try (AmendmentWordingTests.cases + AgendaWordingTests.cases).reduce(0) { $0 + (try AmendmentParser.parse($1.wording)).count }
        let refused = AmendmentWordingTests.failures.count + AgendaWordingTests.refusals.count
        #expect(applied + refused >= 150, "\(applied) applied and \(refused) refused")
    }

    static let rules = try! MotionReader.read("""
        ---
        id: rule-change-1
        title: Branch officers
        kind: rule-change
        ---

        # Branch officers

        ## Rule 12.6 Election of officers

        Officers are elected each year at the annual general meeting.

        ## Rule 12.7 Vacancies

        A vacancy is filled by the branch committee until the next meeting.

        ## 3.1.2 Branch funds

        1. Funds are held by the treasurer.
        2. Accounts are audited each year.
        3. Reports go to the annual general meeting.
        4. Reserves are kept for disputes.
        5. Grants need a vote.

        """).motion

    @Test(arguments: [
        ("Amend Rule 12.6:\nAfter 'elected' insert 'by secret ballot'.", 0, 0, "Officers are elected by secret ballot each year at the annual general meeting."),
        ("In Rule 12.7, delete 'until the next meeting' and replace with 'for no more than six months'.", 1, 0,
         "A vacancy is filled by the branch committee for no more than six months."),
        ("Rule 12.6, paragraph 1: delete 'each year' and insert 'every two years'.", 0, 0, "Officers are elected every two years at the annual general meeting."),
        ("In 3.1.2, point 2, delete 'each year' and replace with 'every year by an independent auditor'.", 2, 1,
         "Accounts are audited every year by an independent auditor."),
    ])
    func ruleNumbersNameTheirSections(wording: String, section: Int, block: Int, expected: String) throws {
        let amended = try AmendmentApplier.apply(try AmendmentParser.parse(wording), to: Self.rules, lineWidth: 80)
        #expect(amended.sections[section].blocks[block].plainText == expected)
    }

    /// Points lettered on the printed agenda: "new f" is the sixth.
    @Test func aLetteredNewPointTakesItsPlace() throws {
        let amended = try AmendmentApplier.apply(wording: "In 3.1.2, add new f: 'Loans are not made.'\nIn 3.1.2, point (b), after 'audited' insert 'independently'.",
                                                 to: Self.rules, lineWidth: 80)
        #expect(amended.sections[2].blocks.map(\.plainText) == ["Funds are held by the treasurer.", "Accounts are audited independently each year.",
                                                                "Reports go to the annual general meeting.", "Reserves are kept for disputes.",
                                                                "Grants need a vote.", "Loans are not made."])
    }
}

/// Found by the benchmark's 200 corpus round trips: the new words were looked for where the old
/// ones stand, so a quote inside them was taken for an unquoted text's opening mark.
@Suite struct PayloadPlaceTests {
    @Test func theNewWordsAreCheckedWhereTheyStand() throws {
        let instructions = try AmendmentParser.parse("In point 4, delete 'contributor's \"essential' and replace with '\"essential'.")
        #expect(instructions.map(\.action) == [.replace("contributor's \"essential", with: "\"essential")])
    }
}
