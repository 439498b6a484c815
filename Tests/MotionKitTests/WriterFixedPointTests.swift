import Testing
@testable import MotionKit

/// The canonical writer is a fixed point for everything the reader accepts:
/// `write(read(write(read(source)))) == write(read(source))`, over generated sources that hold
/// what a delegate's file or a mis-decoded paste can: C0 and C1 controls, noncharacters, leading
/// spaces, code blocks, empty headings and stray Markdown.
@Suite struct WriterFixedPointTests {
    /// Lines a body is made of, several of them hostile.
    static let lines = [
        "Conference notes that pay is low.", "## Conference notes", "## Conference resolves", "##", "#", "###", "# ",
        "1. Press for pay.", "2) Report back.", "- a bullet", "* star", "+ plus", "   - one", "  # two", "    indented code",
        "```", "~~~", "    - code list", "\t tabbed", "  leading spaces", "> quoted", ">", "***", "---", "===",
        "<div>html</div>", "<!-- comment -->", "a\\", "trailing  ", "| a | b |", "[ref]: https://example.org",
        "control \u{01} here", "bell \u{07}", "escape \u{1B}[31m red", "form \u{0C} feed", "vertical \u{0B} tab",
        "c1 \u{85} next line", "quote\u{92}s", "\u{9B}31m", "del \u{7F}", "non \u{FFFE} char", "\u{FFFF}",
        "zero\u{200B}width", "bom \u{FEFF} inside", "", "", "", "&amp; &#0; &#x1;", "`code`", "*em* __strong__",
        "1.", "10000000000. big", "\\", "    ", "\u{A0}nbsp", "tab\tinside", "   ", "-", "1) ", "[link](<a b>)",
    ]

    static let titles = [
        "Fair pay", "\"Quote\\u0092s\"", "\"bell \\u0007\"", "\"non \\uFFFE\"", "\"\\uFFFF\"", "'single'", "a # b", "\"del \\u007F\"",
        "\"c1 \\u0085\"", "\"\\u009B31m\"", "\"tab\\tin\"",
    ]

    static func source(_ random: inout SplitMix64) -> String {
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var text = "---\nid: fixed-point\ntitle: \(pick(titles))\n"
        if random.next() % 3 == 0 { text += "submitted-by: \(pick(titles))\n" }
        text += "---\n"
        if random.next() % 4 != 0 { text += "# \(pick(lines))\n\n" }
        for _ in 0..<Int(random.next() % 24) { text += pick(lines) + "\n" }
        return text
    }

    /// Writes `motion`, reads it back and writes it again; records an issue (with the source it
    /// came from) unless both writes are the same.
    static func isFixedPoint(_ motion: Motion, from source: String?) -> Bool {
        let written = MarkdownWriter.write(motion)
        let origin = source.map { "\nfrom:\n\($0.debugDescription)" } ?? ""
        guard let reread = try? MotionReader.read(written) else {
            Issue.record("the writer wrote what the reader refuses:\n\(written.debugDescription)\(origin)")
            return false
        }
        let again = MarkdownWriter.write(reread.motion)
        guard again == written else {
            Issue.record("not a fixed point:\n\(written.debugDescription)\nthen:\n\(again.debugDescription)\(origin)")
            return false
        }
        return true
    }

    @Test func writerIsAFixedPointOverGeneratedSources() throws {
        var random = SplitMix64(seed: 13)
        var accepted = 0
        for _ in 0..<4_000 {
            let source = Self.source(&random)
            guard let first = try? MotionReader.read(source) else { continue }
            accepted += 1
            guard Self.isFixedPoint(first.motion, from: source) else { return }
        }
        // Most sources are read: the test exercises the writer, not only the reader's refusals.
        #expect(accepted > 3_000, "\(accepted) of 4000 read")
    }

    /// Models as the amendment engine or a paste could make them: hostile text at the edges of
    /// lines, in titles, headings and front matter.
    @Test func writerIsAFixedPointOverGeneratedModels() throws {
        let hostile = ["   ", "\t", "\u{01}", "\u{1B}[2J", "\u{92}", "\u{85}", "\u{FFFE}", "\u{FFFF}", "\u{7F}", "\r", "\r\n", "    - ", "# ", ""]
        var generator = MotionGenerator(seed: 1313)
        var random = SplitMix64(seed: 7)
        func pick() -> String { hostile[Int(random.next() % UInt64(hostile.count))] }
        func spoil(_ content: [Inline]) -> [Inline] {
            content.map { inline in
                guard case .text(let text) = inline else { return inline }
                return .text(pick() + text + pick())
            }
        }
        for _ in 0..<1_000 {
            var motion = generator.motion()
            motion.metadata.kind = .motion
            motion.metadata.amends = nil
            motion.title = spoil(motion.title)
            motion.metadata.submittedBy = motion.metadata.submittedBy.map { pick() + $0 + pick() }
            for index in motion.sections.indices {
                motion.sections[index].heading = spoil(motion.sections[index].heading)
                for block in motion.sections[index].blocks.indices {
                    motion.sections[index].blocks[block].content = spoil(motion.sections[index].blocks[block].content)
                }
            }
            guard Self.isFixedPoint(motion, from: nil) else { return }
        }
    }

    /// Inputs the fuzzer (make fuzz) found, as the reader's string entry point gets them.
    @Test(arguments: [
        "---\nid: new-motion\ntitle: Title of the motion\nkind: amendment\namends: motion-\u{FFFD}\u{FFFD}id\rstatus: draft\nprofi6le: unison-health\n---\ner of peer rcwheorkers ir",
        "---\nidstatus: draft\nprofile: generic\n---\n\n# Titl***********zwj**\u{FFFD}\u{FFFD}***\u{01}\u{1A}**UnsafeRa***on theo bran,ch will take, oumbered pointatr number\u{FFFD}d pointat",
        "---\nidstatus: draft\nprofile: generic\n---\n\n# Titl****************������������������������������������������***\u{01}\u{1A}**UnsafeRa***on theo bran,ch will take, oumbered pointatr number�d pointat",
        "---\nid: new-motion\ntitle: TDecodablthe motion\nconference: Conferencebody\nkind: amendment\namends: motion-id\nstatus: draft\nprofile: unison-health\n--- \n#\nT\u{02}tle of theo�rkeon for ...peer support wor motion\n Conference notes\n\nPeer workers are emplsts, a�nd rs' insert 'ah trusts, a�nd rs' inss ir",
        "---\nid: a1\ntitle: Setext\nkind: amendment\namends: m\n---\nSetext title\n============\n\nIn point 1, delete 'x'.\n",
        // Code holding a run of 80 backticks needs a fence longer than CommonMark readers take.
        "---\nd:\n---\n# ``````````````````*````````````````````````````````````````````````````````````````````````````````p``````````````````",
        "---\nid: a\ntitle: T\n---\n# T\n\n## Notes\n\nSee `` ```````````````````````````````````````````````````````````````````````````````` `` and `x`.\n",
        // A heading is one line: a hard break inside its emphasis was written as a line of its own.
        "---\nd:\ntitle: g\n---\n*\\\np*\n-",
        "---\nid: branch-2026-safe-staffing\ntitle: Safe staffing on every ward, every shift\nconferen@e: Example Branch Annual General Meeting 1013\nsubmitted-by: Example Health Branch Committee\nkind: motion\nstatus: submitted\nprofile: geng\n---\n\n\nMembers on inpatient wards regularly report shifts that run baffing\ntitle: Safe staffing on every ward, every shift\nconference: Example Branch Annual General Meeting 1013\nsubmitted-by: Example Health Branch Committee\nkind: motion\nstatus: submitted\nprofile: generig\n---\n\n# Safe staffing on every ward, every shift\n\n## This branch notes\n-\u{9}Members on inpatient wards regularly report shifts that run be Safe staffing on every ward, every shift\n\n#&# This branch notes\n-\nMembers on inpatient wards regularly report shifts that run below the agreed staffi# Safe staffing on every ward, every shift\n\n## This branch notes\n-\nMembers on inpatient wards regularly report shifts that run be Safe staffing on every ward, every shift\n\n#&# This branch notes\n-\nMembers on inpatient wards regularly report shifts that run below theitbmitted-by:ferands of separate employeer supporr senll**ce: Conferands of ceparate employeer stmon\nt--\u{1}-e: Recognition forpee r support workers\nkind: motion\nstatu�e: generic\n---\n\n# eer support workers\n\\\n\\#\\\\\\\\\\\\\\\\\\\\\\[\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\���\u{1F}\\\\upporr senll****MMMM*************************************Unsa�eRa***]***r sup*****porr senll*****************************************UnsafeRa*****p*Unsa�eRa***]***r supporr senll**ce: ConferandsRecog4ition for peer support workers of ceparate employeer sud pporr s*******f ceparate employeer supporr senll*****************************************UnsafeRa*s\n\\\n\\#\\\\\\\\\\\\\\\\\\\\\\[\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\���\u{1F}\\\\upporr senll****MMMM*************************************Unsa�eRa***]***r sup*****porr senll*****************************************UnsafeRa*****p*Unsa�eRa***]***r supporr senll**ce: ConferandsRecog4ition for peer support workers of ceparate employeer sud pporr s*******f ceparate employeer supporr senll*****************Une mota**************�������f*er numbered poinby:ferands of separae temployeer suppnrr senll**ce: Conferands of ceparate employeer supp agreed staffing nu Safe staffing on ExaB make more mistakeon(s, take moric\n---\n\n# SafE his: ore \n0.memb# This bf peer workers�is still gro\u{1C}ing.\n\nMany peer mbers, with gaps covf from other wards or by asking peopleer-recognition\ntitl to stay on after a long shift.\ne: Rec\nH�*ealthcare assistants and neognition for w",
    ])
    func fuzzFindingsReadBackAsWritten(source: String) throws {
        let first = try MotionReader.read(source).motion
        let written = MarkdownWriter.write(first)
        let reread = try MotionReader.read(written)
        let again = MarkdownWriter.write(reread.motion)
        let firstDifference = zip(written.split(separator: "\n", omittingEmptySubsequences: false), again.split(separator: "\n", omittingEmptySubsequences: false)).first { $0 != $1 }
        #expect(again == written, "\(firstDifference.map { "\($0.0.debugDescription)\n\($0.1.debugDescription)" } ?? "")")
    }

    @Test(arguments: ["```\n   - one\n  # two\n```", "    code\n       - one\n      # two", "#", "##", "# \n\ntext", "text\n\n#\n\nmore"])
    func reportedCasesReadBackAsWritten(body: String) throws {
        let source = "---\nid: a\ntitle: T\n---\n# T\n\n## Conference notes\n\n\(body)\n"
        let written = MarkdownWriter.write(try MotionReader.read(source).motion)
        #expect(MarkdownWriter.write(try MotionReader.read(written).motion) == written, "\(written.debugDescription)")
        // Nothing the reader kept as plain text reads back as a list or a heading.
        let reread = try MotionReader.read(written).motion
        #expect(reread.sections.allSatisfy { $0.blocks.allSatisfy { $0.kind == .paragraph } }, "\(written.debugDescription)")
        #expect(!written.contains("\n\n\n"), "\(written.debugDescription)")
    }
}
