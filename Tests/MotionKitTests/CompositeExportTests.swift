import Foundation
import Testing
@testable import MotionKit

/// Exports show a composite's provenance: a table of source motion -> blocks after it in
/// Markdown and Word, read back with python-docx and pandoc, and the paper names its sources.
@Suite struct CompositeExportTests {
    static let rows = [
        "lxp-camden@1 | Conference notes: paragraphs 1, 2; Conference believes: paragraph 1; Conference calls on the Health Service Group Executive to: points 1, 2, 4",
        "lxp-leeds@1 | Conference notes: paragraphs 1, 3; Conference believes: paragraph 1; Conference calls on the Health Service Group Executive to: points 1, 3, 5",
        "lxp-bristol@1 | Conference calls on the Health Service Group Executive to: points 1, 6",
    ]

    @Test func theSourcesTableNamesEachMotionsBlocks() throws {
        let (composite, _) = try CompositeDrafter.draft(try CompositeDraftTests.family(), id: "lxp-composite")
        #expect(CompositeSources.rows(of: composite).map { "\($0.source) | \($0.places)" } == Self.rows)
        #expect(CompositeSources.rows(of: try CompositeDraftTests.family()[0].motion).isEmpty, "a motion has no sources table")
    }

    @Test func markdownAndWordCarryTheTableAndThePaperNamesTheSources() throws {
        let directory = try CompositeAgreementTests.workspace()
        let markdown = try MotionProcess.run(["export", "lxp-composite", "--to", "md"], in: directory)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("\n**Sources of this composite**\n\n| Motion | In the composite |\n|---|---|\n| " + Self.rows[0] + " |\n"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| lxp-bristol@1 | Conference calls on the Health Service Group Executive to: points 1, 6 |"))

        #expect(try MotionProcess.run(["export", "lxp-composite", "--to", "docx", "-o", "composite.docx"], in: directory).status == 0)
        let table = try ExportCommandTests.runPython(["-c", """
            import docx, sys
            d = docx.Document(sys.argv[1])
            for row in d.tables[0].rows:
                print(" | ".join(cell.text for cell in row.cells))
            """, "\(directory)/composite.docx"])
        #expect(table.status == 0, "\(table.output)")
        #expect(table.output == "Motion | In the composite\n" + Self.rows.joined(separator: "\n") + "\n")
        let audit = try ExportCommandTests.runPython(["-m", "openxml_audit", "--policy", "strict", "--format", "office2019", "\(directory)/composite.docx"])
        #expect(audit.status == 0, "\(audit.output)")
        let text = try ExportCommandTests.pandoc("\(directory)/composite.docx", trackChanges: "accept")
        #expect(text.contains("Sources of this composite") && text.contains("Produce bargaining guidance for branches"))
        #expect(!text.contains("<!--") && !text.contains("from: lxp-"), "provenance comments are not words of the document")

        let paper = try MotionProcess.run(["paper", "lxp-composite", "lxp-leeds", "--to", "md"], in: directory)
        #expect(paper.status == 0, "\(paper.stderr)")
        #expect(paper.stdout.contains("1. **Recognition for Lived Experience Professionals** (draft, 195 words; submitted by Camden Branch; Leeds Branch; Bristol Branch; composite of lxp-camden@1, lxp-leeds@1, lxp-bristol@1)"), "\(paper.stdout)")
        #expect(paper.stdout.contains("| lxp-leeds@1 | Conference notes: paragraphs 1, 3;"))
        #expect(!paper.stdout.contains("<!--"))
        #expect(try MotionProcess.run(["paper", "lxp-composite", "--to", "docx", "-o", "paper.docx"], in: directory).status == 0)
        let paperAudit = try ExportCommandTests.runPython(["-m", "openxml_audit", "--policy", "strict", "--format", "office2019", "\(directory)/paper.docx"])
        #expect(paperAudit.status == 0, "\(paperAudit.output)")
        #expect(try ExportCommandTests.pandoc("\(directory)/paper.docx", trackChanges: "accept").contains("lxp-bristol@1"))
    }

    @Test func onRequestEachBlockHasAMarginCommentNamingItsSources() throws {
        let directory = try CompositeAgreementTests.workspace()
        #expect(try MotionProcess.run(["export", "lxp-composite", "--to", "docx", "--provenance-comments", "-o", "commented.docx"], in: directory).status == 0)
        let comments = try #require(try ExportCommandTests.part("word/comments.xml", of: "\(directory)/commented.docx"))
        #expect(comments.contains("From lxp-camden notes.2, lxp-leeds notes.1"), "\(comments)")
        #expect(comments.contains("From lxp-camden resolves.3; choice 1: the committee keeps one of these"))
        #expect(comments.components(separatedBy: "<w:comment ").count - 1 == 10, "one comment per block")
        let document = try #require(try ExportCommandTests.part("word/document.xml", of: "\(directory)/commented.docx"))
        #expect(document.components(separatedBy: "<w:commentRangeStart").count - 1 == 10)
        let audit = try ExportCommandTests.runPython(["-m", "openxml_audit", "--policy", "strict", "--format", "office2019", "\(directory)/commented.docx"])
        #expect(audit.status == 0, "\(audit.output)")
        let withComments = try ExportCommandTests.runPython(["-c", """
            import docx, sys
            d = docx.Document(sys.argv[1])
            print(len(d.paragraphs), [r.target_ref for r in d.part.rels.values() if r.reltype.endswith("/comments")])
            """, "\(directory)/commented.docx"])
        #expect(withComments.status == 0 && withComments.output.contains("['comments.xml']"), "\(withComments.output)")
        // Without the flag, no comments part at all; a motion that is no composite never has one.
        #expect(try MotionProcess.run(["export", "lxp-composite", "--to", "docx", "-o", "plain.docx"], in: directory).status == 0)
        #expect(try ExportCommandTests.part("word/comments.xml", of: "\(directory)/plain.docx") == nil)
        #expect(try MotionProcess.run(["export", "lxp-camden", "--to", "docx", "--provenance-comments", "-o", "motion.docx"], in: directory).status == 0)
        #expect(try ExportCommandTests.part("word/comments.xml", of: "\(directory)/motion.docx") == nil)
    }
}
