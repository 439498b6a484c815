import Foundation
import Testing
@testable import MotionDiff

/// The change list is what amendments are written from, so applying it to the base, place by
/// place, must give the target.
@Suite struct ChangeApplicationTests {
    /// Applies changes to the blocks of a one-section document, using only base places.
    func apply(_ changes: [Change], to base: DiffDocument) -> [String] {
        let blocks = base.sections[0].blocks.map(\.text)
        var texts: [String?] = blocks
        var before: [Int: [String]] = [:]  // base index -> blocks inserted before it
        let interner = TokenInterner()
        var wordEdits: [Int: [(Range<Int>, String)]] = [:]
        for change in changes {
            switch change.kind {
            case .insertWords, .deleteWords, .replaceWords:
                wordEdits[change.base!.block, default: []].append((change.baseTokens!, change.newText))
            case .replaceBlock: texts[change.base!.block] = change.newText
            case .deleteBlock: texts[change.base!.block] = nil
            case .insertBlock: before[change.base!.block, default: []].append(change.newText)
            case .moveBlock:
                texts[change.base!.block] = nil
                before[change.destination!.block, default: []].append(change.newText)
            }
        }
        for (index, edits) in wordEdits {
            let tokens = Tokenizer.tokenize(blocks[index], interner: interner)
            var text = ""
            var position = 0
            for (range, newText) in edits.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) {
                text += tokens.text(of: position..<range.lowerBound) + newText
                position = range.upperBound
            }
            texts[index] = text + tokens.text(of: position..<tokens.count)
        }
        var out: [String] = []
        for index in 0...blocks.count {
            out += before[index] ?? []
            if index < blocks.count, let text = texts[index] { out.append(text) }
        }
        return out
    }

    @Test func applyingTheChangesGivesTheTarget() {
        var random = SplitMix64(seed: 21)
        let sentences = ["Pay peer support workers fairly.", "Train lived experience researchers well.",
                         "Report back to conference next year.", "Create senior posts at Band 7 and above.",
                         "Challenge stigma at work.", "Recruit members in every trust.", "Campaign against unpaid roles."]
        for _ in 0..<500 {
            var paragraphs = (0..<(2 + Int(random.next() % 5))).map { _ in
                (0..<(1 + Int(random.next() % 3))).map { _ in sentences[Int(random.next() % UInt64(sentences.count))] }.joined(separator: " ")
            }
            let base = paragraphs
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let index = Int(random.next() % UInt64(paragraphs.count))
                switch random.next() % 5 {
                case 0: paragraphs[index] = DiffTestSupport.edited(paragraphs[index], &random).replacingOccurrences(of: "\n", with: " ")
                case 1: if paragraphs.count > 1 { paragraphs.remove(at: index) }
                case 2: paragraphs.insert(sentences[Int(random.next() % UInt64(sentences.count))] + " And more.", at: index)
                case 3: paragraphs.append(paragraphs.remove(at: index))
                default: paragraphs[index] = "Something else entirely about the union's bargaining agenda."
                }
            }
            paragraphs = paragraphs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let a = DiffDocument.prose(base.joined(separator: "\n\n") + "\n")
            let b = DiffDocument.prose(paragraphs.joined(separator: "\n\n") + "\n")
            let diff = DocumentDiff.compare(a, b)
            #expect(apply(diff.changes, to: a) == b.sections[0].blocks.map(\.text), "\(base) -> \(paragraphs)")
        }
    }
}
