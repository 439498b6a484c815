import Foundation
import Testing

/// `-o` as people type it: a folder, a file whose extension says the format, a missing folder
/// named as such (issue 14).
@Suite struct OutputPathTests {
    static let id = StoreCommandTests.lxp

    @Test func aFolderGetsTheDefaultFileNameInside() throws {
        let root = try StoreCommandTests.workspace()
        try FileManager.default.createDirectory(atPath: "\(root)/papers", withIntermediateDirectories: true)
        for folder in ["papers/", "papers"] {
            let result = try MotionProcess.run(["export", "motions/\(Self.id).md", "--to", "docx", "-o", folder], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: "\(root)/papers/\(Self.id).docx"))
            try FileManager.default.removeItem(atPath: "\(root)/papers/\(Self.id).docx")
        }
        let paper = try MotionProcess.run(["paper", "motions/\(Self.id).md", "--to", "docx", "-o", "papers/"], in: root)
        #expect(paper.status == 0 && FileManager.default.fileExists(atPath: "\(root)/papers/paper.docx"), "\(paper.stderr)")
    }

    @Test(arguments: [("x.docx", "PK", "PK"), ("x.xml", "<?xml", "<?xml"), ("x.md", "---\nid: ", "# ")])
    func theExtensionSaysTheFormat(name: String, starts: String, paperStarts: String) throws {
        let root = try StoreCommandTests.workspace()
        let result = try MotionProcess.run(["export", "motions/\(Self.id).md", "-o", name], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(name)"))
        #expect(bytes.starts(with: Data(starts.utf8)))
        let paper = try MotionProcess.run(["paper", "motions/\(Self.id).md", "-o", "paper-" + name], in: root)
        #expect(paper.status == 0, "\(paper.stderr)")
        let written = try Data(contentsOf: URL(fileURLWithPath: "\(root)/paper-\(name)"))
        #expect(written.starts(with: Data(paperStarts.utf8)), "\(String(decoding: written.prefix(20), as: UTF8.self))")
    }

    @Test func noFormatAtAllIsAskedFor() throws {
        let root = try StoreCommandTests.workspace()
        let result = try MotionProcess.run(["export", "motions/\(Self.id).md", "-o", "notes.txt"], in: root)
        #expect(result.status == 64 && result.stderr.contains("say which format: --to docx"), "\(result.stderr)")
    }

    @Test func aMissingFolderIsNamedAsAMissingFolder() throws {
        let root = try StoreCommandTests.workspace()
        for output in ["missing/x.docx", "missing/"] {
            let result = try MotionProcess.run(["export", "motions/\(Self.id).md", "--to", "docx", "-o", output], in: root)
            #expect(result.status == 73, "\(result.stderr)")
            #expect(result.stderr.contains("the folder missing/ does not exist; make it first (mkdir -p missing)"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(root)/missing"))
    }
}
