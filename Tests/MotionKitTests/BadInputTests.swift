import Foundation
import Testing
@testable import MotionKit

/// Bad files get a clear message naming the file and line, never a crash or a hang.
@Suite struct BadInputTests {
    func readError(_ bytes: [UInt8], path: String = "bad.md") throws -> MotionReadError {
        let directory = try TestSupport.temporaryDirectory()
        let file = "\(directory)/\(path)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        do {
            _ = try MotionReader.read(contentsOf: file)
        } catch {
            #expect(error.path == file)
            #expect(error.description.hasPrefix(file + ":"))
            return error
        }
        Issue.record("no error for \(path)")
        return MotionReadError(.unreadable, "")
    }

    func readError(_ text: String) throws -> MotionReadError { try readError(Array(text.utf8)) }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        var bytes = Array(TestSupport.motionText().utf8)
        let line9 = bytes.indices.filter { bytes[$0] == 0x0A }[7] + 1 // start of line 9
        bytes.insert(contentsOf: [0x41, 0xC3, 0x28], at: line9)
        let error = try readError(bytes)
        #expect(error.reason == .notUTF8)
        #expect(error.line == 9 && error.column == 2)
        #expect(error.message.contains("UTF-8"))
    }

    @Test func nulByte() throws {
        var bytes = Array(TestSupport.motionText().utf8)
        bytes.insert(0, at: bytes.indices.filter { bytes[$0] == 0x0A }[3] + 3)
        let error = try readError(bytes)
        #expect(error.reason == .nulByte && error.line == 5 && error.column == 3)
    }

    @Test func malformedYAMLPointsIntoTheFrontMatter() throws {
        let error = try readError("---\nid: a\ntitle: \"unclosed\nstatus: draft\n---\n\n# T\n\n## Conference notes\n\nx\n")
        #expect(error.reason == .frontMatter)
        #expect((3...5).contains(error.line))
        #expect(error.message.contains("not valid YAML"))
    }

    @Test func unclosedFrontMatter() throws {
        let error = try readError("---\nid: a\n# Title\n")
        #expect(error.reason == .frontMatter && error.line == 1 && error.message.contains("never closed"))
    }

    @Test func frontMatterThatIsNotAMapping() throws {
        #expect(try readError("---\n- a\n- b\n---\n# T\n").reason == .frontMatter)
    }

    @Test func duplicateKey() throws {
        let error = try readError("---\nid: a\nid: b\n---\n# T\n")
        #expect(error.line == 3 && error.message.contains("twice"))
    }

    @Test(arguments: [("status", "pending", "unknown status 'pending'; use one of draft, submitted"),
                      ("kind", "resolution", "unknown kind 'resolution'; use one of motion, emergency-motion")])
    func unknownStatusOrKindNamesTheField(key: String, value: String, message: String) throws {
        let error = try readError(TestSupport.motionText(front: "id: a\ntitle: Sample motion\n\(key): \(value)\n"))
        #expect(error.reason == .badField && error.line == 4)
        #expect(error.message.hasPrefix(message))
    }

    @Test func invalidID() throws {
        let error = try readError(TestSupport.motionText(front: "id: Health 2026\n"))
        #expect(error.line == 2 && error.message.contains("'health-2026'"))
    }

    @Test func missingTitle() throws {
        let error = try readError("---\nid: a\n---\n\n## Conference notes\n\nText.\n")
        #expect(error.reason == .noTitle && error.line == 4 && error.message.contains("# Title"))
    }

    @Test func twentyMegabyteFileIsRefusedQuickly() throws {
        let line = Array("A line of a very long paper that someone mistook for a motion.\n".utf8)
        var bytes = Array(TestSupport.motionText().utf8)
        while bytes.count < 20_000_000 { bytes += line }
        let error = try readError(bytes)
        #expect(error.reason == .tooLarge && error.message.contains("20.0 MB"))
    }

    @Test func missingFile() throws {
        #expect {
            _ = try MotionReader.read(contentsOf: "/nonexistent/motion.md")
        } throws: { error in
            (error as? MotionReadError)?.reason == .notFound
        }
    }

    @Test func hostileNestingDoesNotExhaustTheStack() throws {
        // Nesting on one line is refused before parsing (ParseBoundsTests); nesting by
        // indentation over lines, and deep emphasis, are read without exhausting the stack.
        let deep = String(repeating: "> ", count: 50_000) + "deep\n"
        #expect { _ = try MotionReader.read(TestSupport.motionText(body: "## Conference notes\n\n\(deep)")) } throws: {
            ($0 as? MotionReadError)?.reason == .tooDeep
        }
        let lists = (0..<3_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        let emphasis = String(repeating: "*a ", count: 30_000) + String(repeating: "b*", count: 30_000)
        let text = TestSupport.motionText(body: "## Conference notes\n\nDeep lists:\n\n\(lists)\n\n\(emphasis)\n")
        let document = try MotionReader.read(text)
        #expect(document.motion.sections.count == 1)
        #expect(document.motion.sections[0].blocks.contains { $0.plainText.contains("item") })
    }
}
