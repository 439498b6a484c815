import Foundation
import Testing
@testable import MotionKit

/// An amendment from `motion new` to its export as tracked changes, through the built binary:
/// it keeps the revision it was written against, and its .docx reads right in pandoc,
/// python-docx and (make check-docx) LibreOffice.
@Suite struct AmendmentExportTests {
    static let motionID = "health-2026-lxp-recognition"

    /// A workspace holding the LXP example motion, saved once.
    static func workspace() throws -> String {
        let folder = try TestSupport.temporaryDirectory()
        #expect(try MotionProcess.run(["init"], in: folder).status == 0)
        let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("\(motionID).md") }!
        try TestSupport.write(try TestSupport.read(lxp), to: "\(folder)/motions/\(motionID).md")
        #expect(try MotionProcess.run(["save", motionID, "-m", "First draft"], in: folder).status == 0)
        return folder
    }

    static func amendment(_ id: String, wording: String, amends: String = "\(motionID)@1") -> String {
        "---\nid: \(id)\ntitle: Amendment on posts\nsubmitted-by: Camden Branch\nkind: amendment\namends: \(amends)\nstatus: submitted\nprofile: unison-health\n---\n\n# Amendment on posts\n\n\(wording)\n"
    }

    @Test func aNewAmendmentNamesTheLatestRevisionAndCopiesConferenceAndProfile() throws {
        let folder = try Self.workspace()
        let path = "\(folder)/motions/\(Self.motionID).md"
        try TestSupport.write(try TestSupport.read(path).replacingOccurrences(of: "Band 3 or 4", with: "Band 3 or Band 4"), to: path)
        #expect(try MotionProcess.run(["save", Self.motionID], in: folder).status == 0)
        let new = try MotionProcess.run(["new", "--template", "amendment", "--id", "a1", "--title", "Band 8 too", "--amends", Self.motionID], in: folder)
        #expect(new.status == 0, "\(new.stderr)")
        let drafted = try MotionReader.read(contentsOf: "\(folder)/motions/a1.md").motion.metadata
        #expect(drafted.amends == "\(Self.motionID)@2")
        #expect(drafted.conference == "Example Health Conference 2026")
        #expect(drafted.profile == "unison-health")
        // --conference still wins; a revision named stays as named.
        #expect(try MotionProcess.run(["new", "--template", "amendment", "--id", "a2", "--title", "T", "--amends", "\(Self.motionID)@1",
                                       "--conference", "Another Conference"], in: folder).status == 0)
        let second = try MotionReader.read(contentsOf: "\(folder)/motions/a2.md").motion.metadata
        #expect(second.amends == "\(Self.motionID)@1" && second.conference == "Another Conference")
        // A motion known only from an agenda is named as given, and the delegate is told.
        let unknown = try MotionProcess.run(["new", "--template", "amendment", "--id", "a3", "--title", "T", "--amends", "conf-2026-7"], in: folder)
        #expect(unknown.status == 0 && unknown.stderr.contains("the amendment names 'conf-2026-7' as given"), "\(unknown.stderr)")
        #expect(try MotionReader.read(contentsOf: "\(folder)/motions/a3.md").motion.metadata.amends == "conf-2026-7")
        // A revision the motion does not have is a typo, not a guess.
        let typo = try MotionProcess.run(["new", "--template", "amendment", "--id", "a4", "--title", "T", "--amends", "\(Self.motionID)@9"], in: folder)
        #expect(typo.status != 0 && typo.stderr.contains("has no revision 9"), "\(typo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/motions/a4.md"))
    }

    @Test func anAmendmentExportedAfterItsMotionMovedOnUsesItsOwnRevisionAndSaysSo() throws {
        let folder = try Self.workspace()
        try TestSupport.write(Self.amendment("a1", wording: "In point 3, after 'Band 7' insert 'and Band 8'."), to: "\(folder)/motions/a1.md")
        let path = "\(folder)/motions/\(Self.motionID).md"
        try TestSupport.write(try TestSupport.read(path).replacingOccurrences(of: "Band 3 or 4", with: "Band 3 or Band 4"), to: path)
        #expect(try MotionProcess.run(["save", Self.motionID], in: folder).status == 0)
        let export = try MotionProcess.run(["export", "motions/a1.md", "-o", "a1.docx"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("applied to \(Self.motionID)@1; the motion is now at \(Self.motionID)@2, and the amendment still applies cleanly to it"), "\(export.stderr)")
        let accepted = try ExportCommandTests.pandoc("\(folder)/a1.docx", trackChanges: "accept")
        #expect(accepted.contains("Band 3 or 4") && !accepted.contains("Band 3 or Band 4"), "the motion as the amendment names it")
        #expect(accepted.contains("Band 7 and Band 8 and above"))
    }

    /// Deleted, new and renumbered points: Accept All numbers the list as amended with no empty
    /// point, Reject All as it was; the document is headed by the amendment, not the motion.
    @Test func trackedPointsAreNumberedAsAmendedAndAsTheyWere() throws {
        let folder = try Self.workspace()
        let wording = "Delete point 2.\n\nDelete point 4.\n\nAdd new point 7: 'Publish the results every year.'"
        try TestSupport.write(Self.amendment("a1", wording: wording), to: "\(folder)/motions/a1.md")
        let export = try MotionProcess.run(["export", "motions/a1.md", "-o", "a1.docx"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        func points(_ text: String) -> [String] {
            text.components(separatedBy: "Conference calls on")[1].split(separator: "\n").filter { $0.first?.isNumber == true }
                .map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        }
        let accepted = points(try ExportCommandTests.pandoc("\(folder)/a1.docx", trackChanges: "accept"))
        #expect(accepted == ["1. Carry", "2. Press", "3. Develop", "4. Challenge", "5. Publish"])
        let rejected = points(try ExportCommandTests.pandoc("\(folder)/a1.docx", trackChanges: "reject"))
        #expect(rejected == ["1. Carry", "2. Produce", "3. Press", "4. Campaign", "5. Develop", "6. Challenge"])
        // Numbers are tracked text: no Word numbering for a reader to count its own way.
        let document = try #require(try ExportCommandTests.part("word/document.xml", of: "\(folder)/a1.docx"))
        #expect(!document.contains("<w:numPr>"))
        let opened = try ExportCommandTests.runPython(["-c", """
            import docx, sys
            d = docx.Document(sys.argv[1])
            for p in d.paragraphs[:6]: print(p.style.name, '|', p.text)
            """, "\(folder)/a1.docx"])
        #expect(opened.status == 0, "\(opened.output)")
        let heading = opened.output.split(separator: "\n").map(String.init)
        #expect(heading.first == "Title | Amendment on posts", "\(opened.output)")
        #expect(heading.contains("Motion Details | Amends: Recognition and reward for Lived Experience Professionals (\(Self.motionID)@1)"), "\(opened.output)")
        #expect(heading.contains("Motion Details | Submitted by: Camden Branch") && heading.contains("Motion Details | Status: submitted"), "\(opened.output)")
        #expect(heading.contains("Heading 1 | Recognition and reward for Lived Experience Professionals"), "\(opened.output)")
        let audit = try ExportCommandTests.runPython(["-m", "openxml_audit", "--policy", "strict", "--format", "office2019", "\(folder)/a1.docx"])
        #expect(audit.status == 0, "\(audit.output)")
        // Markdown says the same at its head.
        let critic = try MotionProcess.run(["export", "motions/a1.md", "--to", "md"], in: folder)
        #expect(critic.stdout.hasPrefix("# Amendment on posts\n\n**Amends:** Recognition and reward"), "\(critic.stdout.prefix(200))")
    }
}
