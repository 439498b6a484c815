import Testing
@testable import MotionKit

@Suite struct RoundTripTests {
    @Test(arguments: TestSupport.exampleMotionPaths)
    func exampleMotionsRoundTrip(path: String) throws {
        let document = try MotionReader.read(contentsOf: path)
        let written = MarkdownWriter.write(document.motion)
        #expect(try MotionReader.read(written).motion == document.motion)
        // The examples are kept in canonical form.
        #expect(written == (try TestSupport.read(path)))
    }

    @Test func generatedMotionsRoundTrip() throws {
        var generator = MotionGenerator(seed: 2026)
        for _ in 0..<1_500 {
            var motion = generator.motion()
            if motion.metadata.kind == .amendment {
                // An amendment keeps its wording verbatim: give it the body the writer lays out.
                motion = try MotionReader.read(MarkdownWriter.write(motion)).motion
                #expect(motion.wording != nil)
            }
            let written = MarkdownWriter.write(motion)
            let reread = try MotionReader.read(written)
            #expect(reread.motion == motion, "\(written)")
            #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics)\n\(written)")
            if reread.motion != motion { return }
            #expect(MarkdownWriter.write(reread.motion) == written)
        }
    }

    @Test func nonCanonicalFileNormalisesOnceAndIsStable() throws {
        let handWritten = """
            ---
            profile: generic
            status: draft
            title:   Safe staffing
            id: safe-staffing
            ---
            Safe staffing
            =============

            Conference notes
            ----------------
            Wards are run 
            short of staff,
            night after night.



            ## Conference __resolves__ ##

            1) Press for
               safe ratios.
            2) Report back.

            * one
            + two
            """
        let first = try MotionReader.read(handWritten).motion
        let canonical = MarkdownWriter.write(first)
        #expect(canonical.contains("Wards are run short of staff, night after night.\n"))
        #expect(canonical.contains("1. Press for safe ratios.\n2. Report back.\n"))
        #expect(canonical.contains("## Conference **resolves**\n"))
        let second = try MotionReader.read(canonical).motion
        #expect(second == first)
        #expect(MarkdownWriter.write(second) == canonical)
    }

    @Test(arguments: [
        "1. not a list", "# not a heading", "- not a bullet", "+ plus", "> not a quote", "* star", "a * b _c_ d",
        "snake_case_name", "[not a link](x)", "<b>tag</b>", "&amp; &#123; & plain", "back\\slash", "`tick`",
        "ends with #", "~~~ fence", "2) paren", "=== underline", "| pipe |", "café — “quotes” ‘single’",
    ])
    func specialTextRoundTrips(text: String) throws {
        let motion = Motion(metadata: .init(id: "x"), title: [.text(text)],
                            sections: [Section(text, blocks: [Block(.paragraph, [.text(text)]), Block(.point, [.text(text)])])])
        let reread = try MotionReader.read(MarkdownWriter.write(motion)).motion
        #expect(reread == motion, "\(MarkdownWriter.write(motion))")
    }
}

/// Generates random motions within what the format can express, from a fixed seed.
struct MotionGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let words = [
        "peer", "support", "workers", "Band", "7", "lived", "experience", "researcher", "café", "naïve", "coöperate",
        "1.", "2)", "#", "-", "+", "*", "_", "snake_case", "[x]", "<tag>", "&amp;", "&", "\\", "`", "~~~", ">", "|",
        "“quoted”", "‘single’", "don't", "—", "2026", "50%", "a_b", "*x*", "__y__", "!", "![img]", "🙂", "Ω", "x:y",
    ]
    static let alnumWords = ["peer", "workers", "Band", "seven", "trusts", "pay", "café", "Ωmega", "2026"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func phrase(_ count: Int, from list: [String] = words) -> String {
        (0..<max(count, 1)).map { _ in pick(list) }.joined(separator: " ")
    }

    mutating func inlines() -> [Inline] {
        var out: [Inline] = [.text(phrase(1 + Int(random.next() % 6)))]
        for _ in 0..<Int(random.next() % 4) {
            switch random.next() % 5 {
            case 0: out.append(.emphasis([.text(phrase(1 + Int(random.next() % 3), from: Self.alnumWords))]))
            case 1: out.append(.strong([.text(phrase(1 + Int(random.next() % 3), from: Self.alnumWords))]))
            case 2: out.append(.link(destination: pick(["https://example.org/a_b", "https://x.org/(p)", "mailto:a@b.org"]),
                                     title: pick(["", "a \"title\""]), content: [.text(phrase(2, from: Self.alnumWords))]))
            case 3: out.append(.code(pick(["x", "a`b", "`", " y ", "**not**"])))
            default: out.append(.lineBreak)
            }
            out.append(.text(" " + phrase(1 + Int(random.next() % 4)) + " "))
        }
        // Blocks end in a word: CommonMark drops trailing spaces and a final hard break.
        out.append(.text(pick(Self.alnumWords)))
        return fixSpacesAroundBreaks(out).normalized
    }

    /// A hard break strips the spaces around it, so the model never has them there.
    private func fixSpacesAroundBreaks(_ inlines: [Inline]) -> [Inline] {
        var out = inlines
        for index in out.indices where out[index] == .lineBreak {
            if index > 0, case .text(let before) = out[index - 1] { out[index - 1] = .text(String(before.reversed().drop { $0 == " " }.reversed())) }
            if index + 1 < out.count, case .text(let after) = out[index + 1] { out[index + 1] = .text(String(after.drop { $0 == " " })) }
        }
        return out
    }

    mutating func motion() -> Motion {
        var sections: [Section] = []
        for _ in 0..<(1 + Int(random.next() % 4)) {
            var blocks: [Block] = []
            for _ in 0..<Int(random.next() % 6) {
                blocks.append(Block(pick([Block.Kind.paragraph, .point, .point, .bullet]), inlines()))
            }
            sections.append(Section(heading: [.text(pick(["Conference notes", "Congress believes", "This branch resolves to:"]) + " " + phrase(1))], blocks: blocks))
        }
        let metadata = Motion.Metadata(
            id: "m-\(random.next() % 1000)", conference: chance(70) ? phrase(3) : nil,
            submittedBy: chance(70) ? "Region: " + phrase(2) : nil, kind: pick(MotionKind.allCases),
            status: pick(MotionStatus.allCases), profile: chance(50) ? "generic" : nil,
            amends: chance(20) ? "other-motion@2" : nil)
        let preamble = chance(20) ? [Block(.paragraph, inlines())] : []
        return Motion(metadata: metadata, title: [.text(phrase(1 + Int(random.next() % 8)))], preamble: preamble, sections: sections)
    }
}

/// A small, fast, seedable generator so that failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation
