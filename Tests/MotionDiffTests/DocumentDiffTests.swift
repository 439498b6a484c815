import Testing
@testable import MotionDiff

@Suite struct DocumentDiffTests {
    /// Rebuilds one side from the engine's alignment: base from equal/deleted/base-side parts,
    /// target from equal/inserted/target-side parts.
    func rebuild(_ diff: DocumentDiff, base: Bool) -> String {
        var out = ""
        let document = base ? diff.base : diff.target
        for section in diff.sections {
            guard let index = base ? section.base : section.target else { continue }
            if let heading = document.sections[index].heading { out += heading.rendered }
            for change in section.blocks {
                guard let place = base ? change.base : change.target else { continue }
                if base, change.kind == .movedHere { continue }
                if !base, change.kind == .movedAway { continue }
                out += document.sections[place.section].blocks[place.block].rendered
            }
        }
        return out + document.trailing
    }

    @Test func proseRendersBackExactly() {
        for text in ["", "\n", "one", "one\n", "\n\nA para\nwrapped.\n\n\nB para.\n\n", "  lead\n \t\ntrail  "] {
            #expect(DiffDocument.prose(text).render() == text)
        }
    }

    @Test func alignmentCoversBothDocumentsInOrder() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let paragraphs = (0..<Int(random.next() % 8)).map { _ in DiffTestSupport.prose(&random, maximum: 20).replacingOccurrences(of: "\n", with: " ") }
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            var edited = paragraphs.map { DiffTestSupport.edited($0, &random).replacingOccurrences(of: "\n", with: " ") }
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if edited.count > 2, random.next() % 2 == 0 { edited.swapAt(0, edited.count - 1) }
            let a = paragraphs.joined(separator: "\n\n") + "\n", b = edited.joined(separator: "\n\n") + "\n"
            let diff = DocumentDiff.compare(.prose(a), .prose(b))
            #expect(rebuild(diff, base: true) == a)
            #expect(rebuild(diff, base: false) == b)
            #expect(diff.hasChanges == (a != b))
        }
    }

    @Test func aPointThatMovedIsAMove() {
        let a = "First point about pay bands for peer support workers.\n\nSecond point about training and supervision for all staff.\n\nThird point about reporting back to conference next year.\n"
        let b = "Second point about training and supervision for all staff.\n\nThird point about reporting back to conference next year.\n\nFirst point about pay bands for peer support workers.\n"
        let diff = DocumentDiff.compare(.prose(a), .prose(b))
        let kinds = diff.sections[0].blocks.map(\.kind)
        #expect(kinds.contains(.movedAway) && kinds.contains(.movedHere))
        #expect(!kinds.contains(.deleted) && !kinds.contains(.inserted))
        #expect(diff.changes.map(\.kind) == [.moveBlock])
    }

    @Test func aHeavilyChangedBlockIsOneReplacement() {
        let a = "Conference notes the pay of peer workers.\n", b = "Members want fair bands and real careers now.\n"
        let diff = DocumentDiff.compare(.prose(a), .prose(b))
        #expect(diff.changes.map(\.kind) == [.deleteBlock, .insertBlock] || diff.changes.map(\.kind) == [.replaceBlock])
        let lightly = DocumentDiff.compare(.prose("Pay peer support workers fairly and promptly.\n"), .prose("Pay peer support workers fairly and quickly.\n"))
        #expect(lightly.changes.map(\.kind) == [.replaceWords])
    }

    @Test func changesCarryTheirBasePlace() {
        let a = "Intro words here.\n\nPay peer workers fairly in every trust.\n"
        let b = "Intro words here.\n\nPay peer support workers fairly in every trust.\n"
        let diff = DocumentDiff.compare(.prose(a), .prose(b))
        let change = try! #require(diff.changes.first)
        #expect(change.kind == .insertWords)
        #expect(change.base == BlockPlace(section: 0, block: 1))
        #expect(change.newText == "support ")
        let tokens = Tokenizer.tokenize("Pay peer workers fairly in every trust.", interner: TokenInterner())
        #expect(tokens.text(of: 0..<change.baseTokens!.lowerBound) == "Pay peer ")
    }

    @Test func sectionsPairByHeadingThenByKind() {
        func document(_ headings: [(String, String)]) -> DiffDocument {
            DiffDocument(sections: [.init(blocks: [])] + headings.map { heading, kind in
                .init(heading: .init(kind: .heading, lead: "\n\n", marker: "## ", text: heading), kind: kind,
                      blocks: [.init(kind: .paragraph, lead: "\n\n", text: "Text under \(heading).")])
            })
        }
        let diff = DocumentDiff.compare(document([("Conference notes", "notes"), ("Conference believes", "believes")]),
                                        document([("Congress notes", "notes"), ("Conference believes", "believes")]))
        #expect(diff.sections.map { [$0.base, $0.target] } == [[0, 0], [1, 1], [2, 2]])
        #expect(diff.sections[1].heading?.kind == .modified)
    }

    @Test func anInsertedBlockAfterAMoveIsPlacedAmongTheBaseBlocks() {
        let a = ["Alpha point on pay bands for all staff.", "Beta point on training.", "Gamma point on supervision.",
                 "Delta point on reporting."].joined(separator: "\n\n") + "\n"
        let b = ["Beta point on training.", "Gamma point on supervision.", "Delta point on reporting.",
                 "Alpha point on pay bands for all staff.", "Epsilon, a new point on recruitment drives."].joined(separator: "\n\n") + "\n"
        let changes = DocumentDiff.compare(.prose(a), .prose(b)).changes
        let insert = changes.first { $0.kind == .insertBlock }
        #expect(insert?.base == BlockPlace(section: 0, block: 4))
        let move = changes.first { $0.kind == .moveBlock }
        #expect(move?.base == BlockPlace(section: 0, block: 0))
        #expect(move?.destination == BlockPlace(section: 0, block: 4))
    }
}
