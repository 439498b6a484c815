import Foundation
import Testing
@testable import MotionKit

/// End to end: `motion export` writes real packages, read back by real readers (Python's zip
/// and XML parsers, pandoc, python-docx, openxml-audit).
@Suite struct ExportCommandTests {
    /// Every part of a .docx (or the Flat OPC file) parsed by Python's XML parser; the part names.
    static func parts(_ path: String, flat: Bool = false) throws -> [String] {
        let script = flat
            ? "import sys, xml.dom.minidom as m\nd = m.parse(sys.argv[1])\nprint('\\n'.join(p.getAttribute('pkg:name') for p in d.getElementsByTagName('pkg:part')))"
            : "import sys, zipfile, xml.dom.minidom as m\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor n in z.namelist():\n    m.parseString(z.read(n))\n    print(n)"
        let (status, output) = try TestSupport.python(script, [path])
        #expect(status == 0)
        return output.split(separator: "\n").map(String.init)
    }

    /// One part of a .docx, as text; nil when the package lacks it.
    static func part(_ name: String, of path: String) throws -> String? {
        let (status, output) = try TestSupport.python("import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nsys.stdout.write(z.read(sys.argv[2]).decode())", [path, name])
        return status == 0 ? output : nil
    }

    @Test func aDocxIsAValidReproduciblePackage() throws {
        let folder = try TestSupport.temporaryDirectory()
        let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!
        let first = try MotionProcess.run(["export", lxp, "--to", "docx"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let path = "\(folder)/health-2026-lxp-recognition.docx"
        #expect(try Self.parts(path) == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                                        "word/_rels/document.xml.rels", "word/styles.xml", "word/fontTable.xml", "word/theme/theme1.xml",
                                        "word/numbering.xml", "word/settings.xml", "word/footer1.xml"])
        let again = try MotionProcess.run(["export", lxp, "--to", "docx", "-o", "again.docx"], in: folder)
        #expect(again.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/again.docx"))))
    }

    @Test func pointsAreWordNumberingRestartingInEachList() throws {
        let motion = try MotionReader.read(TestSupport.motionText(body: "## Conference notes\n\nA *fact* with a [link](https://example.org).\n\n1. One.\n2. Two.\n\n## Conference resolves\n\n1. Act.\n- A bullet.\n")).motion
        let parts = Dictionary(uniqueKeysWithValues: try DocxWriter(template: ResourceLibrary(workspaceRoot: nil, currentDirectory: "/nonexistent"), packaging: .zip).parts(for: [motion]).map { ($0.name, String(decoding: $0.data, as: UTF8.self)) })
        let document = try #require(parts["word/document.xml"])
        #expect(document.components(separatedBy: "<w:numId w:val=\"1\"/>").count == 3)
        #expect(document.contains("<w:numId w:val=\"2\"/>") && document.contains("<w:numId w:val=\"3\"/>"))
        #expect(document.contains("<w:i/></w:rPr><w:t xml:space=\"preserve\">fact</w:t>"))
        #expect(document.contains("<w:hyperlink r:id=\"rId7\">"))
        let numbering = try #require(parts["word/numbering.xml"])
        #expect(numbering.components(separatedBy: "<w:abstractNum ").count == 4)
        #expect(numbering.contains("<w:numFmt w:val=\"bullet\"/>"))
        #expect(try #require(parts["word/_rels/document.xml.rels"]).contains("Target=\"https://example.org\" TargetMode=\"External\""))
        #expect(try #require(parts["word/settings.xml"]).contains("w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\""))
        #expect(try #require(parts["docProps/core.xml"]).contains("<dc:title>Sample motion</dc:title>"))
        #expect(try #require(parts["word/footer1.xml"]).contains("w:instr=\" PAGE \""))
    }

    @Test func textOutsideXMLIsDroppedAndMarkupIsEscaped() throws {
        let folder = try TestSupport.temporaryDirectory()
        try TestSupport.write(TestSupport.motionText(body: "## Conference notes\n\nTabs\u{0B} and \u{FFFF} and <b> & ]]> stay text.\n\n## Conference resolves\n\n1. Act.\n"),
                              to: "\(folder)/odd.md")
        #expect(try MotionProcess.run(["export", "odd.md", "--to", "docx", "-o", "odd.docx"], in: folder).status == 0)
        _ = try Self.parts("\(folder)/odd.docx")
        #expect(try MotionProcess.run(["export", "odd.md", "--to", "xml", "-o", "odd.xml"], in: folder).status == 0)
        #expect(try Self.parts("\(folder)/odd.xml", flat: true).contains("/word/document.xml"))
        let flat = try TestSupport.read("\(folder)/odd.xml")
        #expect(flat.contains("and  and &lt;b&gt; &amp; ]]&gt; stay text."))
        #expect(flat.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<pkg:package"))
    }

    /// pandoc's reading of a .docx as plain text (`make test` installs pandoc).
    static func pandoc(_ path: String, trackChanges: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc", "--track-changes=\(trackChanges)", "-t", "plain", "--wrap=none", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "pandoc is missing or failed; `make test` installs it")
        return String(decoding: data, as: UTF8.self)
    }

    /// Words as letters and digits only, list numbers and the details lines left out.
    static func words(_ text: String) -> [String] {
        text.split(separator: "\n").filter { line in !["Conference:", "Submitted by:", "Status:"].contains { line.hasPrefix($0) } }
            .joined(separator: " ").split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { !($0.allSatisfy(\.isNumber) && $0.count < 3) }
    }

    /// The body's words (pandoc takes the Title paragraph as the document's title, not its text).
    static func words(of motion: Motion) -> [String] {
        words((motion.preamble.map(\.plainText) + motion.sections.flatMap { [$0.headingText] + $0.blocks.map(\.plainText) })
            .joined(separator: "\n"))
    }

    @Test func trackedChangesAcceptToTheTargetAndRejectToTheBase() throws {
        let folder = try TestSupport.temporaryDirectory()
        let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!
        let base = try TestSupport.read(lxp)
        let target = base.replacingOccurrences(of: "peer support workers, peer workers,", with: "peer support workers,")
            .replacingOccurrences(of: "2. Produce bargaining", with: "2. Produce model bargaining")
            .replacingOccurrences(of: "4. Campaign against unpaid and token-fee lived experience work that replaces paid posts.\n", with: "")
            .replacingOccurrences(of: "## Conference believes", with: "## Conference firmly believes")
            + "7. Report back to conference in 2027.\n"
        try TestSupport.write(base, to: "\(folder)/base.md")
        try TestSupport.write(target, to: "\(folder)/target.md")
        let export = try MotionProcess.run(["export", "target.md", "--changes-from", "base.md", "--to", "docx", "-o", "tracked.docx"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        let document = try #require(try Self.parts("\(folder)/tracked.docx").first { $0 == "word/document.xml" })
        #expect(document == "word/document.xml")
        let accepted = Self.words(try Self.pandoc("\(folder)/tracked.docx", trackChanges: "accept"))
        let rejected = Self.words(try Self.pandoc("\(folder)/tracked.docx", trackChanges: "reject"))
        #expect(accepted == Self.words(of: try MotionReader.read(target).motion))
        #expect(rejected == Self.words(of: try MotionReader.read(base).motion))
        #expect(accepted != rejected)
    }

    @Test func anAmendmentExportsAsTheMotionWithItsChangesTracked() throws {
        let folder = try TestSupport.temporaryDirectory()
        let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!
        try TestSupport.write(try TestSupport.read(lxp), to: "\(folder)/health-2026-lxp-recognition.md")
        try TestSupport.write("---\nid: a1\nkind: amendment\namends: health-2026-lxp-recognition.md\nsubmitted-by: Mental Health Branch\n---\n\nIn point 2, after 'Produce' insert 'model'.\n",
                              to: "\(folder)/a1.md")
        let export = try MotionProcess.run(["export", "a1.md", "--to", "docx", "-o", "a1.docx"], in: folder)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try Self.pandoc("\(folder)/a1.docx", trackChanges: "accept").contains("Produce model bargaining"))
        #expect(try Self.pandoc("\(folder)/a1.docx", trackChanges: "reject").contains("Produce bargaining"))
        let critic = try MotionProcess.run(["export", "a1.md", "--to", "md"], in: folder)
        #expect(critic.stdout.contains("2. Produce {++model ++}bargaining"))
    }

    /// The test environment's Python with python-docx and openxml-audit (scripts/test-readers.sh).
    static let python = "\(TestSupport.packageRoot)/.build/test-venv/bin/python"

    static func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try #require(FileManager.default.fileExists(atPath: python), "run scripts/test-readers.sh (make test does) to install python-docx and openxml-audit")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Every kind of .docx we write passes openxml-audit with the strict policy (errors fail;
    /// the strictest setting it has) for Office 2019, and python-docx opens it.
    @Test func everyDocxPassesOpenXMLAuditAndOpensInPythonDocx() throws {
        let folder = try TestSupport.temporaryDirectory()
        let examples = TestSupport.exampleMotionPaths
        #expect(try MotionProcess.run(["export"] + examples + ["--to", "docx", "-o", "paper.docx"], in: folder).status == 0)
        for path in examples {
            #expect(try MotionProcess.run(["export", path, "--to", "docx", "-o", FileIO.baseName(of: path) + ".docx"], in: folder).status == 0)
        }
        let base = examples.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!
        try TestSupport.write(try TestSupport.read(base).replacingOccurrences(of: "2. Produce bargaining", with: "2. Produce model bargaining")
                              + "7. Report back.\n", to: "\(folder)/target.md")
        #expect(try MotionProcess.run(["export", "target.md", "--changes-from", base, "--to", "docx", "-o", "tracked.docx"], in: folder).status == 0)
        #expect(try MotionProcess.run(["export", base, "--to", "docx", "--line-numbers", "-o", "lines.docx"], in: folder).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".docx") }.sorted()
        #expect(files.count == examples.count + 3)
        // pandoc reads each motion's .docx back to the motion's words.
        for path in examples {
            let read = Self.words(try Self.pandoc("\(folder)/\(FileIO.baseName(of: path)).docx", trackChanges: "accept"))
            #expect(read == Self.words(of: try MotionReader.read(contentsOf: path).motion), "\(path)")
        }
        for file in files {
            let audit = try Self.runPython(["-m", "openxml_audit", "--policy", "strict", "--format", "office2019", "\(folder)/\(file)"])
            #expect(audit.status == 0, "\(file): \(audit.output)")
            let opened = try Self.runPython(["-c", "import docx, sys; d = docx.Document(sys.argv[1]); print(len(d.paragraphs), d.core_properties.title)", "\(folder)/\(file)"])
            #expect(opened.status == 0 && !opened.output.hasPrefix("0 "), "\(file): \(opened.output)")
        }
    }

    /// With --line-numbers, line N of the document is the amendment engine's line N.
    @Test(arguments: TestSupport.exampleMotionPaths)
    func lineNumbersAreTheComputedOnes(path: String) throws {
        let folder = try TestSupport.temporaryDirectory()
        #expect(try MotionProcess.run(["export", path, "--to", "docx", "--line-numbers", "-o", "lines.docx"], in: folder).status == 0)
        let text = try Self.pandoc("\(folder)/lines.docx", trackChanges: "accept")
        let shown = text.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let motion = try MotionReader.read(contentsOf: path).motion
        let width = ResourceLibrary(workspaceRoot: nil, currentDirectory: "/nonexistent").amendmentSettings(for: motion).lines.width
        for line in LineNumbering.lines(of: motion, width: width) {
            // A bullet's "- " is Word's "•".
            let text = line.text.hasPrefix("- ") ? "\u{2022} " + line.text.dropFirst(2) : line.text
            #expect(shown.contains("\(line.number) \(text)"), "line \(line.number): \(line.text)")
        }
        // Set in the document's own font (no fixed-pitch face), one size for the whole body.
        let document = try #require(try Self.part("word/document.xml", of: "\(folder)/lines.docx"))
        #expect(!document.contains("Courier") && !document.contains("MotionLine"))
        let sizes = Set(document.components(separatedBy: "<w:sz w:val=\"").dropFirst().map { $0.prefix { $0.isNumber } })
        #expect(sizes.count == 2, "the words' size and the numbers' a size smaller: \(sizes)")
    }

    @Test func amendmentsGoUnderTheirMotionAndXMLIsReproducibleToo() throws {
        let folder = try TestSupport.temporaryDirectory()
        let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!
        try TestSupport.write("---\nid: a1\nkind: amendment\namends: health-2026-lxp-recognition\n---\n\nIn point 2, after 'Produce' insert 'model'.\n",
                              to: "\(folder)/a1.md")
        let md = try MotionProcess.run(["export", "a1.md", TestSupport.exampleMotionPaths[0], lxp, "--to", "md"], in: folder)
        #expect(md.status == 0, "\(md.stderr)")
        let order = ["id: branch-2026-safe-staffing", "id: health-2026-lxp-recognition", "id: a1"].map { md.stdout.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
        for name in ["one.xml", "two.xml"] {
            #expect(try MotionProcess.run(["export", lxp, "--to", "xml", "-o", name], in: folder).status == 0)
        }
        #expect(try TestSupport.read("\(folder)/one.xml") == (try TestSupport.read("\(folder)/two.xml")))
    }

    /// Every part, of every kind of document, parses with libxml2 (read as the tool reads
    /// templates: no network, no external entities), odd characters included.
    @Test func everyPartParsesWithLibxml2() throws {
        let resources = ResourceLibrary(workspaceRoot: nil, currentDirectory: "/nonexistent")
        let writer = try DocxWriter(template: resources, packaging: .zip)
        let odd = try MotionReader.read(TestSupport.motionText(body: "## Conference notes\n\nA\u{0B}b \u{FFFF} <b> & ]]> \"q\" 'a'.\n\n## Conference resolves\n\n1. Act.\n")).motion
        let examples = try TestSupport.exampleMotionPaths.map { try MotionReader.read(contentsOf: $0).motion }
        var documents = [try writer.parts(for: examples), try writer.parts(for: [odd]), try writer.parts(for: examples, lines: LineScheme(width: 80)),
                         try writer.comparisonParts(base: examples[1], target: odd, author: ChangeAuthor(name: "A & B <x>", date: "2026-11-22T10:00:00Z"))]
        let paper = try BranchPaper(title: "Paper & <agenda>", branch: "Branch", date: "today", items: examples.map { BranchPaper.Item(motion: $0, amendments: []) },
                                    template: BuiltinFiles.files["templates/paper/branch-meeting.md.mustache"]!)
        var paperDocument = DocumentBuilder()
        try paper.add(to: &paperDocument)
        documents.append(try writer.package(paperDocument, title: paper.title, author: ""))
        for parts in documents {
            for (name, data) in parts where !name.hasSuffix(".docx") {
                #expect(XMLCheck.problem(in: String(decoding: data, as: UTF8.self)) == nil, "\(name)")
            }
        }
        let flat = String(decoding: try DocxWriter.flatOPC(try writer.parts(for: [odd])), as: UTF8.self)
        #expect(XMLCheck.problem(in: flat) == nil)
        #expect(XMLCheck.problem(in: "<a><b></a>") != nil)
    }

    @Test func markdownWithLineNumbers() throws {
        let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!
        let result = try MotionProcess.run(["export", lxp, "--to", "md", "--line-numbers"])
        let shown = try MotionProcess.run(["show", "--line-numbers", lxp])
        #expect(result.stdout == "# Recognition and reward for Lived Experience Professionals\n\n```\n" + shown.stdout + "```\n")
    }

    @Test func markdownIsCanonical() throws {
        let lxp = TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!
        let result = try MotionProcess.run(["export", lxp, "--to", "md"])
        #expect(result.stdout == (try TestSupport.read(lxp)))
    }
}
