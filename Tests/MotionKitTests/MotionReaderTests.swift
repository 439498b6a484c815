import Testing
@testable import MotionKit

@Suite struct MotionReaderTests {
    @Test func readsMetadataTitleSectionsAndBlocks() throws {
        let text = """
            ---
            id: health-2026-test
            title: Recognition for peer workers
            conference: Example Health Conference 2026
            submitted-by: "Region: North West"
            kind: emergency-motion
            status: submitted
            profile: unison-health
            motion-number: 19
            ---

            # Recognition for peer workers

            ## Conference notes

            Peer workers are *often* paid at **Band 3**, see [the framework](https://example.org/f "HEE").

            ## Conference believes

            Titles vary.

            ## Conference calls on the Health Service Group Executive to:

            1. Scope the roles.
            2. Issue `guidance`.

            - a bullet
            """
        let document = try MotionReader.read(text)
        let motion = document.motion
        #expect(motion.id == "health-2026-test")
        #expect(motion.metadata.kind == .emergencyMotion)
        #expect(motion.metadata.status == .submitted)
        #expect(motion.metadata.submittedBy == "Region: North West")
        #expect(motion.metadata.extraFields.map(\.key) == ["motion-number"])
        #expect(motion.titleText == "Recognition for peer workers")
        #expect(motion.sections.map(\.kind) == [.notes, .believes, .resolves])
        #expect(motion.sections[0].blocks[0].content == [
            .text("Peer workers are "), .emphasis([.text("often")]), .text(" paid at "), .strong([.text("Band 3")]),
            .text(", see "), .link(destination: "https://example.org/f", title: "HEE", content: [.text("the framework")]),
            .text("."),
        ])
        #expect(motion.sections[2].blocks.map(\.kind) == [.point, .point, .bullet])
        #expect(motion.sections[2].blocks[1].content == [.text("Issue "), .code("guidance"), .text(".")])
        #expect(motion.sections[2].pointNumber(ofBlockAt: 1) == 2)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func everyBlockKeepsItsSourceLine() throws {
        let text = TestSupport.motionText(body: "## Conference notes\n\nFirst.\n\nSecond\ncontinued.\n\n## Conference resolves\n\n1. One.\n2. Two.\n")
        let motion = try MotionReader.read(text).motion
        // Front matter is lines 1-5, the title line 7, "## Conference notes" line 9.
        #expect(motion.sections[0].line == 9)
        #expect(motion.sections[0].blocks.map(\.line) == [11, 13])
        #expect(motion.sections[1].blocks.map(\.line) == [18, 19])
        #expect(motion.sections[0].blocks[1].plainText == "Second continued.")
    }

    @Test(arguments: [
        ("Conference notes", SectionKind.notes), ("Congress notes", .notes), ("This branch notes", .notes),
        ("Conference further notes", .notes), ("Conference believes", .believes), ("Congress believes:", .believes),
        ("Conference instructs the NEC to:", .resolves), ("Conference resolves", .resolves),
        ("Congress calls on the General Council to:", .resolves), ("This branch resolves to:", .resolves),
        ("Conference therefore calls upon the Executive", .resolves), ("Background", .other),
    ])
    func classifiesSectionHeadings(heading: String, kind: SectionKind) {
        #expect(SectionKind(heading: heading) == kind)
    }

    /// ASCII headings are read on their bytes; that must classify every one as the word by word
    /// reading in characters does.
    @Test func asciiHeadingsAreClassifiedAsTheCharacterPathDoes() {
        var random = SplitMix64(seed: 21)
        let pieces = ["Conference", " ", "  ", "NOTES", "notes", "Note", "further", "Calls", "call", "on", "Believe", "resolves",
                      "ask", "asks", "-", ",", ":", "1", "'", "x", "s", "\t", "notesx", "Supports", "agree", "agrees"]
        for _ in 0..<3_000 {
            var heading = ""
            for _ in 0..<Int(random.next() % 6) { heading += pieces[Int(random.next() % UInt64(pieces.count))] }
            #expect(SectionKind.kind(ofASCII: heading) == SectionKind.kind(of: heading), "\(heading.debugDescription)")
        }
        #expect(SectionKind.kind(ofASCII: "Conférence notes") == nil)
        #expect(SectionKind(heading: "La Conférence résout, et notes") == .notes)
    }

    /// The id of a file without one comes from its name, cut by hand as Foundation's URL cuts it.
    /// ("." and "..", folders that are never read as motions, URL resolves to the folder's name.)
    @Test(arguments: ["drafts/Safe Staffing (v2).md", "a.md", "a", "a.b.md", ".hidden", "dir/.hidden.md", "file.", "a..md",
                      "dir/x.md/", "/abs/path/m-1.md", "x.tar.gz", "no ext/dir", "café.md", "a.b c", "a. b", "a/b/", "a/.../b.md"])
    func fileStemsAreFoundationsLastComponentWithoutExtension(path: String) {
        #expect(MotionReader.fileStem(path) == URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    @Test func fileWithoutFrontMatterGetsDefaultsAndAWarning() throws {
        let document = try MotionReader.read("# Safe Staffing\n\n## Conference notes\n\nText.\n", fileName: "drafts/Safe Staffing (v2).md")
        #expect(document.motion.id == "safe-staffing-v2")
        #expect(document.motion.titleText == "Safe Staffing")
        #expect(document.motion.metadata.status == .draft)
        #expect(document.motion.metadata.kind == .motion)
        #expect(!document.hadFrontMatter)
        #expect(document.diagnostics.contains { $0.rule == "front-matter" && $0.message.contains("safe-staffing-v2") })
    }

    @Test func unknownFieldsAreKeptAsWritten() throws {
        let front = "id: a\nmotion-number: 19\ntags: [staffing, pay]  # for the agenda\nseconders:\n  - Region A\n  - Region B\n\ntitle: Sample motion\n"
        let motion = try MotionReader.read(TestSupport.motionText(front: front)).motion
        #expect(motion.metadata.extraFields.map(\.yaml) == [
            "motion-number: 19\n", "tags: [staffing, pay]  # for the agenda\n", "seconders:\n  - Region A\n  - Region B\n",
        ])
        let written = MarkdownWriter.write(motion)
        #expect(written.contains("status: draft\nmotion-number: 19\ntags: [staffing, pay]  # for the agenda\nseconders:\n  - Region A\n"))
        #expect(try MotionReader.read(written).motion == motion)
    }

    @Test func emptyOrNullFieldsAreAbsent() throws {
        let motion = try MotionReader.read(TestSupport.motionText(front: "id: a\nstatus:\nconference: ~\nsubmitted-by: \"null\"\n")).motion
        #expect(motion.metadata.status == .draft)
        #expect(motion.metadata.conference == nil)
        #expect(motion.metadata.submittedBy == "null")
    }

    @Test func titleFromFrontMatterWhenThereIsNoHeading() throws {
        let motion = try MotionReader.read("---\nid: a\ntitle: From the front matter\n---\n\n## Conference notes\n\nText.\n").motion
        #expect(motion.titleText == "From the front matter")
    }

    @Test func differingTitlesWarnAndTheHeadingWins() throws {
        let document = try MotionReader.read(TestSupport.motionText(front: "id: a\ntitle: Old title\n"))
        #expect(document.motion.titleText == "Sample motion")
        #expect(document.diagnostics.contains { $0.rule == "title" && $0.line == 3 })
    }

    @Test func unsupportedBlocksAreKeptAsTextWithWarnings() throws {
        let body = """
            ## Conference notes

            > A quoted report.

            ### A sub-heading

                indented code

            1. Outer
               - inner bullet

            ---

            Last.
            """
        let document = try MotionReader.read(TestSupport.motionText(body: body + "\n"))
        let texts = document.motion.sections[0].blocks.map(\.plainText)
        #expect(texts == ["A quoted report.", "A sub-heading", "indented code", "Outer", "inner bullet", "Last."])
        #expect(document.diagnostics.count == 5)
        #expect(document.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func inlineHTMLIsKeptAsLiteralText() throws {
        let motion = try MotionReader.read(TestSupport.motionText(body: "## Conference notes\n\nPay <b>now</b> & later.\n")).motion
        #expect(motion.sections[0].blocks[0].plainText == "Pay <b>now</b> & later.")
    }

    @Test func listStartingAtTheWrongNumberIsNoted() throws {
        let document = try MotionReader.read(TestSupport.motionText(body: "## Conference resolves\n\n3. Act.\n"))
        #expect(document.diagnostics.map(\.rule) == ["numbering"])
    }

    @Test func crlfAndByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}" + TestSupport.motionText().replacingOccurrences(of: "\n", with: "\r\n")
        let motion = try MotionReader.read(bytes: Array(text.utf8)).motion
        #expect(motion == (try MotionReader.read(TestSupport.motionText()).motion))
    }
}

import Foundation
