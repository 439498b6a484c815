import Testing
@testable import MotionKit

/// Amendments to amendments: `apply` gives the amendment as amended, wording kept as written;
/// `merge` applies each to its amendment first, then the amendments to the motion.
@Suite struct SubAmendmentTests {
    static let amendment = """
        ---
        id: lxp-a1
        title: Amendment 1
        kind: amendment
        amends: health-2026-lxp-recognition
        submitted-by: Mental Health Branch
        status: carried
        ---

        In point 2, after 'Produce' insert 'model'.

        Add a new point 7: 'Report on progress to the *executive* every six months.'

        """
    static let subAmendment = """
        ---
        id: lxp-a1-1
        title: Amendment to amendment 1
        kind: amendment
        amends: lxp-a1
        submitted-by: Leeds Branch
        status: carried
        ---

        In paragraph 2, delete 'every six months' and replace with 'every quarter'.

        """

    static func workspace() throws -> String {
        let root = try StoreCommandTests.workspace()
        try TestSupport.write(Self.amendment, to: "\(root)/motions/lxp-a1.md")
        try TestSupport.write(Self.subAmendment, to: "\(root)/motions/lxp-a1-1.md")
        #expect(try MotionProcess.run(["save"], in: root).status == 0)
        return root
    }

    @Test func applyGivesTheAmendmentAsAmendedWithItsWordingAsWritten() throws {
        let root = try Self.workspace()
        let applied = try MotionProcess.run(["apply", "motions/lxp-a1-1.md"], in: root)
        #expect(applied.status == 0, "\(applied.stderr)")
        let amended = try MotionReader.read(applied.stdout).motion
        #expect(amended.metadata.kind == .amendment)
        #expect(amended.metadata.amends == "health-2026-lxp-recognition")
        #expect(amended.wording == "In point 2, after 'Produce' insert 'model'.\n\nAdd a new point 7: 'Report on progress to the *executive* every quarter.'")
        #expect(!applied.stdout.contains("\\*"), "the quoted Markdown is not escaped: \(applied.stdout)")
    }

    @Test func mergeAppliesTheSubAmendmentToItsAmendmentFirst() throws {
        let root = try Self.workspace()
        let merged = try MotionProcess.run(["merge", StoreCommandTests.lxp, "lxp-a1", "lxp-a1-1"], in: root)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("2. Produce model bargaining guidance"))
        #expect(merged.stdout.contains("7. Report on progress to the *executive* every quarter.\n"), "\(merged.stdout)")
        #expect(!merged.stdout.contains("six months"))
        #expect(merged.stderr.contains("lxp-a1-1 is applied to lxp-a1 first"))
        // The same from the store, by status: the sub-amendment comes with its amendment.
        let saved = try MotionProcess.run(["merge", StoreCommandTests.lxp, "--status", "carried", "--save"], in: root)
        #expect(saved.status == 0, "\(saved.stderr)")
        let log = try MotionProcess.run(["log", StoreCommandTests.lxp], in: root)
        #expect(log.stdout.contains("As amended by lxp-a1 (as amended by lxp-a1-1)"), "\(log.stdout)")
        #expect(try MotionProcess.run(["show", StoreCommandTests.lxp], in: root).stdout.contains("every quarter"))
    }

    @Test func aSubAmendmentWithoutItsAmendmentIsRefused() throws {
        let root = try Self.workspace()
        let alone = try MotionProcess.run(["merge", StoreCommandTests.lxp, "lxp-a1-1"], in: root)
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("lxp-a1-1 amends lxp-a1, which is neither \(StoreCommandTests.lxp) nor one of the amendments merged; name lxp-a1 too"), "\(alone.stderr)")
        // Two amendments that amend each other name each other.
        try TestSupport.write(Self.amendment.replacingOccurrences(of: "amends: health-2026-lxp-recognition", with: "amends: lxp-a1-1"),
                              to: "\(root)/loop.md")
        let loop = try MotionProcess.run(["merge", StoreCommandTests.lxp, "loop.md", "motions/lxp-a1-1.md"], in: root)
        #expect(loop.status != 0)
        #expect(loop.stderr.contains("amend each other"), "\(loop.stderr)")
    }
}

/// An amendment to an amendment exported on its motion: the amendment's changes by its branch,
/// the amendment to it by another, so they are told apart.
@Suite struct SubAmendmentExportTests {
    @Test func wordAndMarkdownShowEachAmendmentsChangesAsItsOwn() throws {
        let root = try SubAmendmentTests.workspace()
        let markdown = try MotionProcess.run(["export", "lxp-a1-1", "--to", "md"], in: root)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Amendment to amendment 1\n\n**Amends:** Amendment 1 (lxp-a1@1)\\\n"))
        #expect(markdown.stdout.contains("2. Produce {++model ++}bargaining"), "\(markdown.stdout)")
        // Tracked changes show the words as a reader sees them: the emphasis is not a word.
        #expect(markdown.stdout.contains("{++7.++} {++Report on progress to the executive every ++}{--six months--}{>>added by the amendment, removed by Leeds Branch (lxp-a1-1)<<}{++quarter++}{>>Leeds Branch (lxp-a1-1)<<}{++.++}"), "\(markdown.stdout)")

        #expect(try MotionProcess.run(["export", "lxp-a1-1", "--to", "docx", "-o", "layered.docx"], in: root).status == 0)
        let path = "\(root)/layered.docx"
        let accepted = try ExportCommandTests.pandoc(path, trackChanges: "accept")
        #expect(accepted.contains("2. Produce model bargaining") && accepted.contains("7. Report on progress to the executive every quarter."), "\(accepted)")
        #expect(!accepted.contains("six months"))
        let rejected = try ExportCommandTests.pandoc(path, trackChanges: "reject")
        #expect(rejected.contains("2. Produce bargaining") && !rejected.contains("Report on progress"), "\(rejected)")
        let document = try #require(try ExportCommandTests.part("word/document.xml", of: path))
        #expect(document.contains("w:author=\"Mental Health Branch (lxp-a1)\"") && document.contains("w:author=\"Leeds Branch (lxp-a1-1)\""))
        // The first amendment's words the second removes: a deletion by the second inside the first's insertion.
        #expect(document.contains(#/<w:ins [^>]*w:author="Mental Health Branch \(lxp-a1\)"[^>]*><w:del [^>]*w:author="Leeds Branch \(lxp-a1-1\)"[^>]*><w:r><w:delText xml:space="preserve">six months</w:delText>/#), "\(document)")
        let audit = try ExportCommandTests.runPython(["-m", "openxml_audit", "--policy", "strict", "--format", "office2019", path])
        #expect(audit.status == 0, "\(audit.output)")
    }

    /// Accepting every change gives the motion as finally amended, rejecting every change the
    /// motion, and the amendment's own text is the rest, on motions edited in every way.
    @Test(arguments: 1...40)
    func eachLayerAddsUpToItsVersion(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        func edited(_ motion: Motion) -> Motion {
            var motion = motion
            let section = Int(random.next() % UInt64(motion.sections.count))
            var blocks = motion.sections[section].blocks
            guard !blocks.isEmpty else { return motion }
            let index = Int(random.next() % UInt64(blocks.count))
            switch random.next() % 4 {
            case 0: blocks.remove(at: index)
            case 1: blocks.insert(Block(.point, [.text("A new point \(random.next() % 100).")]), at: index)
            default:
                var words = blocks[index].plainText.split(separator: " ").map(String.init)
                let at = Int(random.next() % UInt64(words.count))
                if random.next() % 2 == 0 { words.remove(at: at) } else { words.insert("inserted\(random.next() % 10)", at: at) }
                blocks[index] = Block(blocks[index].kind, [.text(words.joined(separator: " "))])
            }
            motion.sections[section].blocks = blocks
            return motion
        }
        let base = try MotionReader.read(contentsOf: TestSupport.exampleMotionPaths.first { $0.hasSuffix("health-2026-lxp-recognition.md") }!).motion
        let first = edited(edited(base)), second = edited(edited(first))
        let layers = ChangeLayers(base: base, first: first, second: second)
        func text(_ keep: (ChangeLayers.Mark) -> Bool) -> [String] {
            layers.paragraphs.filter { keep($0.mark) }.map { $0.pieces.filter { keep($0.mark) }.map(\.text).joined() }
        }
        func visible(_ motion: Motion) -> [String] {
            DocumentBuilder.visibleText(motion).sections.flatMap { [$0.heading].compactMap { $0 } + $0.blocks }.map(\.text)
        }
        #expect(text { if case .deleted = $0 { false } else { $0 != .insertedThenDeleted } } == visible(second), "seed \(seed): accepted")
        #expect(text { if case .inserted = $0 { false } else { $0 != .insertedThenDeleted } } == visible(base), "seed \(seed): rejected")
        #expect(text { $0 != .inserted(layer: 1) && $0 != .deleted(layer: 0) } == visible(first), "seed \(seed): the amendment's own")
    }
}
