import Foundation
import GRDB
import Testing
@testable import MotionKit

/// End to end: `motion paper` renders an agenda from a Mustache template, then the motions.
@Suite struct PaperCommandTests {
    static let lxp = StoreCommandTests.lxp

    @Test func anAgendaWithAmendmentsUnderTheirMotion() throws {
        let root = try StoreCommandTests.workspace()
        try TestSupport.write("---\nid: lxp-a1\nkind: amendment\namends: \(Self.lxp)\nsubmitted-by: Mental Health Branch\nstatus: submitted\n---\n\nIn point 2, after 'Produce' insert 'model'.\n",
                              to: "\(root)/motions/lxp-a1.md")
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        let paper = try MotionProcess.run(["paper", Self.lxp, "branch-2026-safe-staffing", "--branch", "Northern Health Branch",
                                           "--date", "3 December 2026", "--to", "md"], in: root)
        #expect(paper.status == 0, "\(paper.stderr)")
        #expect(paper.stdout.hasPrefix("# Branch meeting paper\n\nNorthern Health Branch, meeting of 3 December 2026\n"))
        #expect(paper.stdout.contains("1. **Recognition and reward for Lived Experience Professionals** (draft, "))
        #expect(paper.stdout.contains("; 1 amendment\n    - Amendment to Recognition and reward for Lived Experience Professionals (from Mental Health Branch; submitted, 7 words)\n"))
        #expect(paper.stdout.contains("2. **Safe staffing on every ward, every shift** (submitted, 232 words"))
        #expect(paper.stdout.contains("\n## 1. Recognition and reward for Lived Experience Professionals\n\n### Conference notes\n"))
        #expect(paper.stdout.contains("### Amendment 1 to Recognition and reward for Lived Experience Professionals (Mental Health Branch)\n\nIn point 2, after 'Produce' insert 'model'."))

        let docx = try MotionProcess.run(["paper", Self.lxp, "branch-2026-safe-staffing", "--to", "docx", "-o", "paper.docx"], in: root)
        #expect(docx.status == 0, "\(docx.stderr)")
        #expect(try ExportCommandTests.parts("\(root)/paper.docx").contains("word/document.xml"))
        let text = try ExportCommandTests.pandoc("\(root)/paper.docx", trackChanges: "accept")
        #expect(text.contains("Motions for this meeting") && text.contains("Amendment 1 to Recognition and reward for Lived Experience Professionals (Mental Health Branch)")
                && !text.contains("lxp-a1"))
        let audit = try ExportCommandTests.runPython(["-m", "openxml_audit", "--policy", "strict", "--format", "office2019", "\(root)/paper.docx"])
        #expect(audit.status == 0, "\(audit.output)")
        // The agenda as printed: the second motion is 2 (the numbering runs on past the first's
        // amendments), the amendments stand indented under their motion, no "nil" for the
        // branch and date not given.
        #expect(text.contains("\n2.  Safe staffing on every ward"), "\(text.prefix(600))")
        #expect(!text.contains("nil"))
        let agenda = try ExportCommandTests.runPython(["-c", """
            import docx, sys
            d = docx.Document(sys.argv[1])
            ns = {'w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}
            numbering = d.part.numbering_part.element
            def indent(p):
                num = p._p.find('.//w:numId', ns)
                if num is None: return None
                nid = num.get('{%s}val' % ns['w'])
                abstract = numbering.find(".//w:num[@w:numId='%s']/w:abstractNumId" % nid, ns).get('{%s}val' % ns['w'])
                return numbering.find(".//w:abstractNum[@w:abstractNumId='%s']//w:ind" % abstract, ns).get('{%s}left' % ns['w'])
            for p in d.paragraphs[:6]: print(indent(p), '|', p.text[:24])
            """, "\(root)/paper.docx"])
        #expect(agenda.output.contains("720 | Recognition and reward f\n1440 | Amendment to Recognition\n720 | Safe staffing on every w"), "\(agenda.output)")
        let plain = try MotionProcess.run(["paper", Self.lxp, "--to", "md"], in: root)
        #expect(plain.stdout.hasPrefix("# Branch meeting paper\n\n## Motions for this meeting\n"), "\(plain.stdout.prefix(200))")
    }

    @Test func templateNamesStayInsideTemplates() throws {
        let folder = try TestSupport.temporaryDirectory()
        let motion = TestSupport.exampleMotionPaths[0]
        let escape = try MotionProcess.run(["paper", motion, "--template", "../../etc/passwd"], in: folder)
        #expect(escape.status == 64 && escape.stderr.contains("is not a template name"))
        let missing = try MotionProcess.run(["paper", motion, "--template", "nope"], in: folder)
        #expect(missing.status == 66 && missing.stderr.contains("branch-meeting"))
    }

    @Test func aWorkspaceTemplateReplacesTheBuiltInOne() throws {
        let folder = try TestSupport.temporaryDirectory()
        try TestSupport.write("{{% CONTENT_TYPE: TEXT}}\n# Our agenda\n\n{{#motions}}\n- {{title}} ({{words}} words)\n{{/motions}}\n",
                              to: "\(folder)/templates/paper/ours.md.mustache")
        let paper = try MotionProcess.run(["paper", TestSupport.exampleMotionPaths[0], "--template", "ours"], in: folder)
        #expect(paper.status == 0, "\(paper.stderr)")
        #expect(paper.stdout.hasPrefix("# Our agenda\n\n- Safe staffing on every ward, every shift (232 words)\n"))
    }

    /// A stored amendment the store cannot give is an error that names it, never an amendment
    /// quietly left off the paper.
    @Test func aDamagedStoredAmendmentStopsThePaper() throws {
        let root = try StoreCommandTests.workspace()
        try TestSupport.write("---\nid: lxp-a1\nkind: amendment\namends: \(Self.lxp)\nstatus: submitted\n---\n\nIn point 2, after 'Produce' insert 'model'.\n",
                              to: "\(root)/motions/lxp-a1.md")
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        let store = try SQLiteStore.open(at: "\(root)/.motion/store.sqlite")
        let amendment = try store.revision("lxp-a1", .latest)
        try store.queue.write { db in
            var data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM blob WHERE hash = ?", arguments: [amendment.hash]))
            data[data.count / 2] ^= 0x01
            try db.execute(sql: "UPDATE blob SET data = ? WHERE hash = ?", arguments: [data, amendment.hash])
        }
        let paper = try MotionProcess.run(["paper", Self.lxp, "--to", "md"], in: root)
        #expect(paper.status == 65 && paper.stderr.contains("lxp-a1@1") && paper.stderr.contains("damaged"), "\(paper.stderr)")
        #expect(paper.stdout.isEmpty)
        // Outside a workspace there are no stored amendments, and that is no error.
        let outside = try TestSupport.temporaryDirectory()
        #expect(try MotionProcess.run(["paper", TestSupport.exampleMotionPaths[0]], in: outside).status == 0)
    }

    @Test func aBrokenTemplateIsBadData() throws {
        let folder = try TestSupport.temporaryDirectory()
        try TestSupport.write("# Agenda\n\n{{#motions}}\n- {{title}}\n", to: "\(folder)/templates/paper/broken.md.mustache")
        let paper = try MotionProcess.run(["paper", TestSupport.exampleMotionPaths[0], "--template", "broken"], in: folder)
        #expect(paper.status == 65 && paper.stderr.contains("the paper template cannot be read"), "\(paper.stderr)")
    }
}
