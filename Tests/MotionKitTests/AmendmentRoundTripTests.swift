import Foundation
import Testing
@testable import MotionKit

/// The core property: wording written for an edit, applied back to the base, gives the edit.
@Suite struct AmendmentRoundTripTests {
    static let examples: [Motion] = TestSupport.exampleMotionPaths.map { try! MotionReader.read(contentsOf: $0).motion }

    /// `apply(base, amend(base, target)) == target`, word for word, or the failure explained.
    static func roundTrip(_ base: Motion, _ target: Motion, style: ConferenceProfile.AmendmentStyle) -> String? {
        let wording = AmendmentWriter.wording(from: base, to: target, style: style, lineWidth: 80)
        if wording.isEmpty, AmendmentWriter.Body(base) != AmendmentWriter.Body(target) {
            return "no wording for a change:\n\(MarkdownWriter.write(base))\n---\n\(MarkdownWriter.write(target))\n\(base.sections)\n\(target.sections)"
        }
        do {
            let applied = try AmendmentApplier.apply(wording: wording, to: base, lineWidth: 80)
            guard AmendmentWriter.Body(applied) == AmendmentWriter.Body(target) else {
                return "applied text differs\n--- wording\n\(wording)\n--- expected\n\(MarkdownWriter.write(target))\n--- got\n\(MarkdownWriter.write(applied))"
            }
            // Saved as an amendment document, the wording is stored in canonical form: it must
            // still apply to the same result.
            let document = "---\nid: generated\nkind: amendment\namends: \(base.id)\n---\n\n\(wording)"
            let stored = MarkdownWriter.write(try MotionReader.read(document).motion)
            let reapplied = try AmendmentApplier.apply(try AmendmentDocument.read(stored).instructions, to: base, lineWidth: 80)
            if AmendmentWriter.Body(reapplied) == AmendmentWriter.Body(target) { return nil }
            return "the stored (canonical) amendment applies differently\n--- stored\n\(stored)"
        } catch {
            return "\(error)\n--- wording\n\(wording)"
        }
    }

    @Test(arguments: [ConferenceProfile.AmendmentStyle.quoted, .lines])
    func generatedEditsRoundTrip(style: ConferenceProfile.AmendmentStyle) throws {
        var generator = MotionEditor(seed: style == .quoted ? 11 : 12)
        var wholeReplacements = 0
        for iteration in 0..<1500 {
            let base = Self.examples[iteration % Self.examples.count]
            let target = generator.edit(base)
            if AmendmentWriter.Body(base) == AmendmentWriter.Body(target) { continue }
            let failure = Self.roundTrip(base, target, style: style)
            #expect(failure == nil, "iteration \(iteration): \(failure ?? "")")
            if failure != nil { return }
            if AmendmentWriter.wording(from: base, to: target, style: style, lineWidth: 80).hasPrefix("Delete all") { wholeReplacements += 1 }
        }
        // The last resort must stay rare: quoting is the point.
        #expect(wholeReplacements < 15, "\(wholeReplacements) of 1500 edits fell back to replacing the whole text")
    }

    /// Corners the generator rarely reaches: an empty new point, apostrophes in quotes, words
    /// that occur many times, a heading with a comma, a hard line break.
    @Test(arguments: [
        ("1. To act.", "1. To act.\n2. "),
        ("1. The workers' union's view.", "1. The workers' and members' union's view."),
        ("1. the the the the the the.", "1. the the the and the the the."),
        ("1. To act.", "1. To act\\\n   at once."),
    ])
    func cornersRoundTrip(old: String, new: String) throws {
        for style in [ConferenceProfile.AmendmentStyle.quoted, .lines] {
            let base = try MotionReader.read(TestSupport.motionText(body: "## Conference notes, with concern\n\nA fact.\n\n## Conference resolves\n\n\(old)\n")).motion
            let target = try MotionReader.read(TestSupport.motionText(body: "## Conference notes, with concern\n\nA fact.\n\n## Conference resolves\n\n\(new)\n")).motion
            #expect(Self.roundTrip(base, target, style: style) == nil)
            #expect(!AmendmentWriter.wording(from: base, to: target, style: style, lineWidth: 80).contains("Delete all"))
        }
    }

    @Test func noChangeGivesNoWording() {
        for motion in Self.examples {
            #expect(AmendmentWriter.wording(from: motion, to: motion, style: .quoted, lineWidth: 80).isEmpty)
        }
    }
}

/// Random edits of a motion, of the kinds delegates make: words changed, added and removed,
/// blocks added, deleted, moved and retyped, sections renamed, added and deleted, the title
/// changed. Words are drawn from the motion itself so quotes are often ambiguous.
struct MotionEditor {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let extraWords = ["peer", "support", "workers", "and", "the", "workers'", "union's", "don't", "“fair”", "café", ",",
                             "(Band 7)", "lived", "experience", "survivor", "researchers", "Conference", "point", "2."]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func int(_ upper: Int) -> Int { upper <= 0 ? 0 : Int(random.next() % UInt64(upper)) }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func edit(_ motion: Motion) -> Motion {
        var motion = motion
        let pool = motion.sections.flatMap { $0.blocks }.flatMap { $0.plainText.split(separator: " ").map(String.init) } + Self.extraWords
        for _ in 0..<(1 + int(4)) {
            switch int(12) {
            case 0..<6:
                guard let (s, b) = randomBlock(motion) else { continue }
                let block = s < 0 ? motion.preamble[b] : motion.sections[s].blocks[b]
                let edited = Block(block.kind, editWords(block.content, pool: pool))
                if s < 0 { motion.preamble[b] = edited } else { motion.sections[s].blocks[b] = edited }
            case 6:
                guard let (s, b) = randomBlock(motion), s >= 0, motion.sections[s].blocks.count > 1 else { continue }
                motion.sections[s].blocks.remove(at: b)
            case 7:
                let s = int(motion.sections.count)
                let kind: Block.Kind = pick([.paragraph, .point, .point, .bullet])
                let words = (0..<(3 + int(12))).map { _ in pick(pool) }.joined(separator: " ")
                motion.sections[s].blocks.insert(Block(kind, [.text(words)]), at: int(motion.sections[s].blocks.count + 1))
            case 8:
                guard let (s, b) = randomBlock(motion), s >= 0 else { continue }
                let block = motion.sections[s].blocks.remove(at: b)
                let to = int(motion.sections.count)
                motion.sections[to].blocks.insert(block, at: int(motion.sections[to].blocks.count + 1))
            case 9:
                guard let (s, b) = randomBlock(motion), s >= 0 else { continue }
                motion.sections[s].blocks[b].kind = pick([.paragraph, .point, .bullet])
            case 10:
                let s = int(motion.sections.count)
                if chance(50) {
                    motion.sections[s].heading = editWords(motion.sections[s].heading, pool: pool)
                    if motion.sections[s].headingText.trimmingCharacters(in: .whitespaces).isEmpty { motion.sections[s].heading = [.text("Conference adds")] }
                } else if chance(50), motion.sections.count > 1 {
                    motion.sections.remove(at: s)
                } else {
                    let words = (0..<(3 + int(10))).map { _ in pick(pool) }.joined(separator: " ")
                    motion.sections.insert(Section("Conference further \(pick(["notes", "believes", "resolves"]))", blocks: [Block(.paragraph, [.text(words)])]),
                                           at: int(motion.sections.count + 1))
                }
            default:
                motion.title = editWords(motion.title, pool: pool)
                if motion.titleText.trimmingCharacters(in: .whitespaces).isEmpty { motion.title = [.text("A new title")] }
            }
        }
        // The target as a delegate's file would hold it: written and read back.
        return try! MotionReader.read(MarkdownWriter.write(motion)).motion
    }

    mutating func randomBlock(_ motion: Motion) -> (Int, Int)? {
        let places = motion.preamble.indices.map { (-1, $0) } + motion.sections.indices.flatMap { s in motion.sections[s].blocks.indices.map { (s, $0) } }
        return places.isEmpty ? nil : pick(places)
    }

    /// Word edits inside the plain-text runs of some inline content.
    mutating func editWords(_ content: [Inline], pool: [String]) -> [Inline] {
        var content = content
        let texts = content.indices.filter { if case .text = content[$0] { return true } else { return false } }
        guard let index = texts.isEmpty ? nil : pick(texts), case .text(let text) = content[index] else {
            return content + [.text(" " + pick(pool))]
        }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<(1 + int(3)) {
            let at = int(words.count)
            switch int(5) {
            case 0: words.insert(pick(pool), at: int(words.count + 1))
            case 1: if words.count > 1 { words.remove(at: at) }
            case 2: words[at] = pick(pool)
            case 3: words.insert(contentsOf: (0..<(1 + int(4))).map { _ in pick(pool) }, at: int(words.count + 1))
            default: if words.count > 3 { words.removeSubrange(at..<min(words.count, at + 1 + int(4))) }
            }
        }
        content[index] = .text(words.joined(separator: " "))
        return content
    }
}
