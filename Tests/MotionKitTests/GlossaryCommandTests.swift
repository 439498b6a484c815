import Foundation
import Testing
@testable import MotionKit

/// End to end: `motion glossary` through the built binary.
@Suite struct GlossaryCommandTests {
    static let lxp = StoreCommandTests.lxp

    @Test func lintIsCompilerStyleAndExitsOne() throws {
        let folder = try TestSupport.temporaryDirectory()
        try TestSupport.write(TestSupport.motionText(body: "## Conference notes\n\nOur peer\nworkers and PEER WORKERS.\n\n## Conference resolves\n\n1. To pay survivor researchers.\n"),
                              to: "\(folder)/m.md")
        let lint = try MotionProcess.run(["glossary", "lint", "m.md"], in: folder)
        #expect(lint.status == 1)
        #expect(lint.stdout == """
            m.md:11:5: warning: 'peer workers' -> 'peer support workers' (lxp-roles)
            m.md:12:13: warning: 'PEER WORKERS' -> 'PEER SUPPORT WORKERS' (lxp-roles)
            m.md:16:11: warning: 'survivor researchers' -> 'lived experience researchers' (lxp-roles)

            """)
        let json = try MotionProcess.run(["glossary", "lint", "--json", "m.md"], in: folder)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3 && (rows[0]["finding"] as? [String: Any])?["suggestion"] as? String == "peer support workers")
        // motion check shows the same findings as warnings and still passes.
        let check = try MotionProcess.run(["check", "m.md"], in: folder)
        #expect(check.status == 0 && check.stdout.contains("m.md:11:5: warning: 'peer workers' -> 'peer support workers' (lxp-roles)"))
    }

    @Test func fixRewritesAFileAndDryRunShowsTheDiff() throws {
        let folder = try TestSupport.temporaryDirectory()
        let text = TestSupport.motionText(body: "## Conference notes\n\nPeer Workers' pay and peer-workers.\n\n## Conference resolves\n\n1. Act.\n")
        try TestSupport.write(text, to: "\(folder)/m.md")
        let dry = try MotionProcess.run(["glossary", "fix", "--dry-run", "m.md"], in: folder)
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("Peer {+Support +}Workers' pay"))
        #expect(try TestSupport.read("\(folder)/m.md") == text)
        let fix = try MotionProcess.run(["glossary", "fix", "m.md"], in: folder)
        #expect(fix.status == 0 && fix.stderr.contains("2 terms changed"))
        #expect(try TestSupport.read("\(folder)/m.md").contains("Peer Support Workers' pay and peer support workers."))
        #expect(try MotionProcess.run(["glossary", "lint", "m.md"], in: folder).status == 0)
    }

    @Test func fixOnAStoredMotionSavesARevision() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        let fix = try MotionProcess.run(["glossary", "fix", Self.lxp], in: root, environment: ["MOTION_AUTHOR": "Glossary Bot"])
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(fix.stdout == "\(Self.lxp)@2\n")
        let working = try TestSupport.read("\(root)/motions/\(Self.lxp).md")
        #expect(working.contains("peer support workers, peer support workers,") && working.contains("A lived experience researcher in one trust"))
        let log = try MotionProcess.run(["log", Self.lxp], in: root)
        #expect(log.stdout.contains("Standard role names (2 changes)") && log.stdout.contains("Glossary Bot"))
    }

    /// A motion conference has decided is a record: fixing its role names takes --force.
    @Test func fixOnADecidedMotionAsksForForce() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        #expect(try MotionProcess.run(["set-status", Self.lxp, "carried-as-amended", "-m", "Carried"], in: root).status == 0)
        let refused = try MotionProcess.run(["glossary", "fix", Self.lxp], in: root)
        #expect(refused.status == 73, "\(refused.stderr)")
        #expect(refused.stderr.contains("\(Self.lxp)@2 is carried as amended") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try MotionProcess.run(["log", "--json", Self.lxp], in: root).stdout.components(separatedBy: "\"number\"").count == 3)
        // A dry run still shows the change; --force makes it.
        #expect(try MotionProcess.run(["glossary", "fix", Self.lxp, "--dry-run"], in: root).status == 0)
        let forced = try MotionProcess.run(["glossary", "fix", Self.lxp, "--force"], in: root)
        #expect(forced.status == 0 && forced.stdout == "\(Self.lxp)@3\n", "\(forced.stderr)")
    }

    @Test func layersListCheckAndExport() throws {
        let root = try StoreCommandTests.workspace()
        // `motion init` gave the workspace its own copy of the shared glossary.
        #expect(FileManager.default.fileExists(atPath: "\(root)/glossary/lxp-roles.yaml"))
        try TestSupport.write("""
            glossary: our-union
            title: Our union's names
            entries:
              - term: peer support worker
                definition: Our definition.
                variants: [peer worker, peer mentor]
              - term: peer mentor
                definition: A mentor.
            """, to: "\(root)/glossary/zz-our-union.yaml")
        let list = try MotionProcess.run(["glossary", "list"], in: "\(root)/motions")
        #expect(list.stdout.contains("peer worker, peer mentor") && list.stdout.contains("glossary/zz-our-union.yaml:4"))
        #expect(list.stdout.contains("glossary/lxp-roles.yaml:"))
        let check = try MotionProcess.run(["glossary", "check"], in: root)
        #expect(check.status == 1)
        #expect(check.stdout.contains("glossary/zz-our-union.yaml:6: error: 'peer mentor', a variant of 'peer support worker', is the preferred term of another entry"))

        let tbx = try MotionProcess.run(["glossary", "export", "--to", "tbx", "-o", "roles.tbx"], in: root)
        #expect(tbx.status == 0)
        let written = try TestSupport.read("\(root)/roles.tbx")
        #expect(written.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\""))
        let parser = XMLParser(data: Data(written.utf8))
        #expect(parser.parse())
        let csv = try MotionProcess.run(["glossary", "export", "--to", "csv"], in: root)
        #expect(csv.stdout.hasPrefix("term,definition,"))
    }

    @Test func outsideAWorkspaceTheBuiltInGlossaryServes() throws {
        let folder = try TestSupport.temporaryDirectory()
        let list = try MotionProcess.run(["glossary", "list"], in: folder)
        #expect(list.status == 0 && list.stdout.contains("(built in) glossary/lxp-roles.yaml"))
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif
