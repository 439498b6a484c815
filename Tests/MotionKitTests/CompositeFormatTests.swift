import MotionDiff
import Testing
@testable import MotionKit

/// A composite's file: `kind: composite`, `composites:` and a provenance comment after each
/// block, read and written without loss, and invisible to words, diffs and amendments.
@Suite struct CompositeFormatTests {
    static let composite = """
        ---
        id: lxp-composite
        title: Recognition for Lived Experience Professionals
        conference: Example Health Conference 2026
        submitted-by: Camden Branch; Leeds Branch
        kind: composite
        composites: [lxp-camden@2, lxp-leeds@1, peer--work]
        status: draft
        ---

        # Recognition for Lived Experience Professionals

        ## Conference notes

        Peer support workers are often paid at Band 3. <!-- from: lxp-camden#notes.1, lxp-leeds#notes.2 -->

        Survivor researchers are paid by the session. <!-- from: peer-%2Dwork#notes.1 -->

        ## Conference calls on the Health Service Group Executive to

        1. Negotiate a national job profile. <!-- from: lxp-camden#resolves.1, lxp-leeds#resolves.1 -->
        2. Seek Band 7 posts for senior roles. <!-- from: lxp-camden#resolves2.2; choose: 1 -->
        3. Seek Band 6 or above for senior roles. <!-- from: lxp-leeds#resolves.3; choose: 1 -->
        4. Report to next year's conference.

        """

    @Test func aCompositeReadsItsSourcesAndEachBlocksProvenanceAndWritesThemBackAsTheyWere() throws {
        let document = try MotionReader.read(Self.composite)
        let motion = document.motion
        #expect(motion.metadata.kind == .composite)
        #expect(motion.metadata.composites == ["lxp-camden@2", "lxp-leeds@1", "peer--work"])
        let notes = motion.sections[0].blocks, points = motion.sections[1].blocks
        #expect(notes[0].plainText == "Peer support workers are often paid at Band 3.")
        #expect(notes[0].provenance?.sources.map(\.description) == ["lxp-camden#notes.1", "lxp-leeds#notes.2"])
        #expect(notes[1].provenance?.sources.map(\.motionID) == ["peer--work"], "a dash after a dash is %2D in a comment")
        #expect(points[1].provenance == Provenance(sources: [.init(motionID: "lxp-camden", place: Provenance.Place(section: "resolves2", block: 2))], choice: 1))
        #expect(points[2].provenance?.choice == 1)
        #expect(points[3].provenance == nil)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        #expect(MarkdownWriter.write(motion) == Self.composite)
    }

    @Test func provenanceIsNoPartOfTheWordsTheLinesOrTheBlocksIdentity() throws {
        let motion = try MotionReader.read(Self.composite).motion
        var bare = motion
        for index in bare.sections.indices {
            for block in bare.sections[index].blocks.indices { bare.sections[index].blocks[block].provenance = nil }
        }
        #expect(motion == bare)
        #expect(motion.wordCounts.body == bare.wordCounts.body)
        #expect(LineNumbering.lines(of: motion, scheme: LineScheme(width: 60)).map(\.text)
                == LineNumbering.lines(of: bare, scheme: LineScheme(width: 60)).map(\.text))
        #expect(!LineNumbering.lines(of: motion, scheme: LineScheme(width: 60)).contains { $0.text.contains("from:") })
        // The diff sees the change as layout: the words are equal, the file is not.
        let diff = try DiffInput.compare(MarkdownWriter.write(bare), MarkdownWriter.write(motion))
        #expect(diff.pieces.map(\.text).joined().contains("<!-- from: lxp-camden#notes.1"))
        #expect(diff.pieces.filter { $0.style != .equal }.allSatisfy { $0.text.hasPrefix(" <!-- from:") })
    }

    @Test func anAmendedCompositeKeepsTheProvenanceOfTheBlocksItKeepsOrEdits() throws {
        let motion = try MotionReader.read(Self.composite).motion
        let amended = try AmendmentApplier.apply(wording: """
            In point 1, after 'national' insert 'graded'.

            Delete point 4.
            """, to: motion, lineWidth: 80)
        let points = amended.sections[1].blocks
        #expect(points.map(\.plainText) == ["Negotiate a national graded job profile.", "Seek Band 7 posts for senior roles.",
                                            "Seek Band 6 or above for senior roles."])
        #expect(points.map(\.provenance) == motion.sections[1].blocks.prefix(3).map(\.provenance))
        #expect(amended.sections[0].blocks.map(\.provenance) == motion.sections[0].blocks.map(\.provenance))
    }

    @Test func wordsThatLookLikeProvenanceStayWords() throws {
        // In a motion that is no composite, the comment is what the delegate typed.
        let motion = try MotionReader.read("""
            ---
            id: plain
            ---

            # Plain

            ## Conference notes

            Text. <!-- from: lxp-a#notes.1 -->

            """).motion
        #expect(motion.sections[0].blocks[0].provenance == nil)
        #expect(motion.sections[0].blocks[0].plainText == "Text. <!-- from: lxp-a#notes.1 -->")
        // In a composite, words typed as a comment are escaped, so they cannot become provenance.
        var composite = try MotionReader.read(Self.composite).motion
        composite.sections[0].blocks[0] = Block(.paragraph, [.text("See <!-- from: lxp-a#notes.1 -->")])
        let reread = try MotionReader.read(MarkdownWriter.write(composite)).motion
        #expect(reread.sections[0].blocks[0].provenance == nil)
        #expect(reread.sections[0].blocks[0].plainText == "See <!-- from: lxp-a#notes.1 -->")
    }

    @Test func aMalformedProvenanceCommentIsKeptAsWordsWithAWarning() throws {
        let text = Self.composite.replacingOccurrences(of: "<!-- from: lxp-leeds#resolves.3; choose: 1 -->",
                                                       with: "<!-- from: lxp-leeds#somewhere; choose: 1 -->")
        let document = try MotionReader.read(text)
        #expect(document.motion.sections[1].blocks[2].provenance == nil)
        #expect(document.motion.sections[1].blocks[2].plainText.hasSuffix("<!-- from: lxp-leeds#somewhere; choose: 1 -->"))
        #expect(document.diagnostics.contains { $0.rule == "provenance" && $0.line == 23 })
    }

    @Test(arguments: [
        ("composites: lxp-a", "'composites' must be a list of single values"),
        ("composites: [lxp-a, [lxp-b]]", "'composites' must be a list of single values"),
        ("composites: [Lxp A]", "'Lxp A' in 'composites' is not a motion"),
        ("composites: [lxp-a@0]", "'lxp-a@0' in 'composites' is not a motion"),
    ])
    func compositesMustNameMotions(field: String, message: String) throws {
        let text = Self.composite.replacingOccurrences(of: "composites: [lxp-camden@2, lxp-leeds@1, peer--work]", with: field)
        #expect { try MotionReader.read(text) } throws: { ($0 as? MotionReadError)?.message.contains(message) == true }
    }

    @Test func onlyACompositeNamesSources() throws {
        let text = Self.composite.replacingOccurrences(of: "kind: composite", with: "kind: motion")
        #expect { try MotionReader.read(text) } throws: {
            ($0 as? MotionReadError)?.message.contains("'composites' is for a composite: add 'kind: composite'") == true
        }
    }

    /// A composite's provenance names motions by id; the glossary must never read or rewrite an id
    /// ("peer-workers#notes.1" is no term), while it still fixes the block's own words.
    @Test func glossaryFixLeavesProvenanceAlone() throws {
        let text = Self.composite.replacingOccurrences(of: "lxp-camden", with: "peer-workers")
            .replacingOccurrences(of: "Peer support workers are often paid", with: "Peer workers are often paid")
        let linter = GlossaryTests.linter
        let findings = linter.lint(text, from: GlossaryLinter.bodyStart(of: text))
        #expect(findings.map(\.found) == ["Peer workers", "Survivor researchers"], "\(findings)")
        let (fixed, _) = linter.fix(text, from: GlossaryLinter.bodyStart(of: text))
        #expect(fixed.contains("Peer support workers are often paid at Band 3. <!-- from: peer-workers#notes.1, lxp-leeds#notes.2 -->"))
        #expect(try MotionReader.read(fixed).motion.sections[1].blocks[0].provenance?.sources.first?.motionID == "peer-workers")
        // Words a delegate typed that look like a comment (escaped in the file) are still read.
        #expect(linter.lint("Text \\<!-- from: peer-workers#notes.1 -->").count == 1)
    }
}
