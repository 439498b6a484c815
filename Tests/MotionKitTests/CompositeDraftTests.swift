import Testing
@testable import MotionKit

/// Drafting a composite: sections aligned, what is said twice written once, near-duplicates
/// side by side, shared points first, provenance on every block, and no sentence lost.
@Suite struct CompositeDraftTests {
    static func motion(_ id: String, branch: String, _ body: String) throws -> CompositeDrafter.Source {
        let text = """
            ---
            id: \(id)
            title: Recognition for Lived Experience Professionals
            conference: Example Health Conference 2026
            submitted-by: \(branch)
            status: submitted
            profile: unison-health
            ---

            # Recognition for Lived Experience Professionals

            \(body)
            """
        return CompositeDrafter.Source(reference: "\(id)@1", motion: try MotionReader.read(text).motion)
    }

    static let bargaining = "Produce bargaining guidance for branches on job titles, job descriptions and fair banding of these roles under Agenda for Change."
    static let titles = "There are no standard job titles for these roles. Titles vary from one employer to the next and keep multiplying."

    static func family() throws -> [CompositeDrafter.Source] {
        [
            try motion("lxp-camden", branch: "Camden Branch", """
                ## Conference notes

                A growing number of health workers are employed because of their own lived experience. Some of this work is still unpaid.

                \(titles) A survivor researcher in one trust may do the same work as an expert by experience in another.

                ## Conference believes

                Lived experience is a professional skill. The workers who bring it deserve fair pay and career paths.

                ## Conference calls on the Health Service Group Executive to:

                1. Carry out a scoping exercise with a lived-experience-led group of members.
                2. \(bargaining)
                3. Press NHS England and employers to create senior posts at Band 7 and above, with clear progression from entry-level roles.
                """),
            try motion("lxp-leeds", branch: "Leeds Branch", """
                ## Conference notes

                \(titles)

                Members in these roles report stigma from colleagues and managers.

                ## Conference believes

                Lived experience is a professional skill. The workers who bring it deserve fair pay and career paths.

                ## Conference instructs the Health Service Group Executive to:

                1. \(bargaining)
                2. Press NHS England and employers to create senior posts at Band 6 and above, with clear progression from entry-level roles.
                3. Campaign against unpaid and token-fee lived experience work that replaces paid posts.
                """),
            try motion("lxp-bristol", branch: "Bristol Branch", """
                ## Conference calls on the Health Service Group Executive to:

                1. Develop a plan to recruit and organise Lived Experience Professionals in every setting.
                2. \(bargaining)
                """),
        ]
    }

    @Test func sectionsAlignByWhatTheyDoAndWhatIsSaidTwiceIsWrittenOnce() throws {
        let (composite, report) = try CompositeDrafter.draft(try Self.family(), id: "lxp-composite")
        #expect(composite.metadata.kind == .composite)
        #expect(composite.metadata.composites == ["lxp-camden@1", "lxp-leeds@1", "lxp-bristol@1"])
        #expect(composite.metadata.submittedBy == "Camden Branch; Leeds Branch; Bristol Branch")
        #expect(composite.metadata.profile == "unison-health")
        #expect(composite.sections.map(\.headingText) == ["Conference notes", "Conference believes",
                                                           "Conference calls on the Health Service Group Executive to:"])
        // Notes: the paragraph Leeds says in part comes first (two motions), then each motion's own.
        let notes = composite.sections[0].blocks
        #expect(notes.map { $0.plainText.prefix(20) } == ["There are no standar", "A growing number of ", "Members in these rol"])
        #expect(notes[0].provenance?.sources.map(\.description) == ["lxp-camden#notes.2", "lxp-leeds#notes.1"])
        #expect(composite.sections[1].blocks.count == 1)
        #expect(composite.sections[1].blocks[0].provenance?.sources.map(\.description) == ["lxp-camden#believes.1", "lxp-leeds#believes.1"])
        // Resolves: said by three, then the near-duplicates to choose from, then each motion's own.
        let points = composite.sections[2].blocks
        #expect(points.map(\.plainText) == [Self.bargaining,
                                            "Press NHS England and employers to create senior posts at Band 7 and above, with clear progression from entry-level roles.",
                                            "Press NHS England and employers to create senior posts at Band 6 and above, with clear progression from entry-level roles.",
                                            "Carry out a scoping exercise with a lived-experience-led group of members.",
                                            "Campaign against unpaid and token-fee lived experience work that replaces paid posts.",
                                            "Develop a plan to recruit and organise Lived Experience Professionals in every setting."])
        #expect(points.allSatisfy { $0.kind == .point })
        #expect(points[0].provenance?.sources.map(\.description) == ["lxp-camden#resolves.2", "lxp-leeds#resolves.1", "lxp-bristol#resolves.2"])
        #expect(points.map(\.provenance?.choice) == [nil, 1, 1, nil, nil, nil])
        #expect(points[5].provenance?.sources.map(\.description) == ["lxp-bristol#resolves.1"])

        #expect(report.leftOut.map { "\($0.source) \($0.sentence) = \($0.duplicateOf)" } == [
            "lxp-leeds#notes.1 1 = notes.1", "lxp-leeds#notes.1 2 = notes.1", "lxp-leeds#believes.1 1 = believes.1",
            "lxp-leeds#believes.1 2 = believes.1", "lxp-leeds#resolves.1 1 = resolves.1", "lxp-bristol#resolves.2 1 = resolves.1",
        ])
        #expect(report.choices.map(\.places) == [["resolves.2", "resolves.3"]])
        #expect(report.choices[0].similarity > 0.9)
        #expect(report.headings.map(\.variants) == [["Conference instructs the Health Service Group Executive to:"]])
        #expect(report.blocks.map(\.support) == [2, 1, 1, 2, 3, 1, 1, 1, 1, 1])
        #expect(report.text.contains("lxp-leeds#notes.1 sentence 1 = notes.1 of the composite"))
        #expect(CompositeCoverage.problems(sources: try Self.family().map(\.motion), composite: composite, report: report).isEmpty)
    }

    @Test func theDraftReadsBackWithEveryBlocksProvenance() throws {
        let (composite, _) = try CompositeDrafter.draft(try Self.family(), id: "lxp-composite", title: "One composite")
        let text = MarkdownWriter.write(composite)
        let reread = try MotionReader.read(text)
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics)")
        #expect(reread.motion == composite)
        #expect(reread.motion.titleText == "One composite")
        let blocks = { (motion: Motion) in motion.sections.flatMap(\.blocks).map(\.provenance) }
        #expect(blocks(reread.motion) == blocks(composite))
        #expect(MarkdownWriter.write(reread.motion) == text)
    }

    @Test func theCoverageCheckFindsALostSentenceAndAFalseReport() throws {
        let sources = try Self.family()
        var (composite, report) = try CompositeDrafter.draft(sources, id: "lxp-composite")
        composite.sections[2].blocks.removeLast()
        #expect(CompositeCoverage.problems(sources: sources.map(\.motion), composite: composite, report: report) == [
            "lxp-bristol#resolves.1 is in no block's provenance",
            "sentence 1 of lxp-bristol#resolves.1 is not in the composite: Develop a plan to recruit and organise Lived Experience Professionals in every setting.",
        ])
        (composite, report) = try CompositeDrafter.draft(sources, id: "lxp-composite")
        report.leftOut[0].duplicateOf = "resolves.4"
        #expect(CompositeCoverage.problems(sources: sources.map(\.motion), composite: composite, report: report)
                == ["lxp-leeds#notes.1 sentence 1 is reported as said in resolves.4, which does not say it"])
    }

    @Test func familiesOfSimilarMotionsLoseNothing() throws {
        for seed in 1...60 {
            var family = MotionFamily(seed: UInt64(seed))
            let sources = try family.motions()
            let (composite, report) = try CompositeDrafter.draft(sources, id: "family-composite")
            #expect(CompositeCoverage.problems(sources: sources.map(\.motion), composite: composite, report: report).isEmpty, "seed \(seed)")
            // Every block names where it came from, and what was left out is reported sentence by sentence.
            #expect(([composite.preamble] + composite.sections.map(\.blocks)).joined().allSatisfy { $0.provenance?.sources.isEmpty == false })
            let reread = try MotionReader.read(MarkdownWriter.write(composite)).motion
            #expect(reread == composite && reread.sections.flatMap(\.blocks).map(\.provenance) == composite.sections.flatMap(\.blocks).map(\.provenance))
            // Shared points (said by two or more, or a choice) come before each motion's own.
            let shared = report.blocks.filter { $0.place.hasPrefix("resolves.") }.map { $0.support > 1 || $0.choice != nil }
            #expect(!zip(shared, shared.dropFirst()).contains { !$0 && $1 }, "seed \(seed): \(shared)")
        }
    }

    @Test(arguments: [
        (["lxp-camden"], "a composite needs at least two motions"),
        (["lxp-camden", "lxp-camden"], "lxp-camden is named twice"),
    ])
    func refusesWhatCannotBeComposited(ids: [String], message: String) throws {
        let family = try Self.family()
        let sources = ids.map { id in family.first { $0.motion.id == id }! }
        #expect { try CompositeDrafter.draft(sources, id: "lxp-composite") } throws: { "\($0)".contains(message) }
    }

    @Test func refusesMotionsOfTwoConferencesAndAmendments() throws {
        var family = try Self.family()
        family[1].motion.metadata.conference = "Another Conference"
        #expect { try CompositeDrafter.draft(family, id: "x") } throws: {
            "\($0)" == "the motions go to different conferences (Another Conference, Example Health Conference 2026); a composite joins motions of one conference"
        }
        family = try Self.family()
        family[2].motion.metadata.kind = .amendment
        #expect { try CompositeDrafter.draft(family, id: "x") } throws: { "\($0)".contains("lxp-bristol@1 is an amendment; composite the motions themselves") }
        #expect { try CompositeDrafter.draft(try Self.family(), id: "lxp-leeds") } throws: { "\($0)".contains("is one of its motions'") }
    }
}

/// A family of motions on one subject, as branches write them: points some say word for word,
/// points each words a little differently, paragraphs one repeats in part, and points of their
/// own. Deterministic per seed, so a failure names a family that can be looked at.
struct MotionFamily {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private static let words = ("members branches employers workers conference union pay grading posts roles training support staff "
        + "health trusts national local guidance progression recognition campaign survey report fair equal career experience peer "
        + "research lived professional standards agreed bands titles descriptions funding budgets managers stigma wellbeing").split(separator: " ").map(String.init)

    private mutating func sentence() -> String {
        let count = Int(random.next() % 10) + 6
        let text = (0..<count).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// A sentence with a word or two changed: near, not the same.
    private mutating func reworded(_ sentence: String) -> String {
        var words = sentence.dropLast().split(separator: " ").map(String.init)
        for _ in 0..<(1 + Int(random.next() % 2)) {
            words[1 + Int(random.next() % UInt64(words.count - 1))] = Self.words[Int(random.next() % UInt64(Self.words.count))]
        }
        return words.joined(separator: " ") + "."
    }

    mutating func motions() throws -> [CompositeDrafter.Source] {
        let members = 2 + Int(random.next() % 4)
        let shared = (0..<2).map { _ in sentence() }
        let common = (0..<4).map { _ in sentence() + " " + sentence() }
        let background = (0..<3).map { _ in sentence() }.joined(separator: " ")
        var out: [CompositeDrafter.Source] = []
        for member in 0..<members {
            var notes = [random.next() % 3 == 0 ? String(background.prefix { $0 != "." }) + "." : background, sentence()]
            if random.next() % 2 == 0 { notes.swapAt(0, 1) }
            var points = shared.filter { _ in random.next() % 4 != 0 }
            for point in common where random.next() % 5 < 3 { points.append(random.next() % 2 == 0 ? point : reworded(point)) }
            points += (0..<(1 + Int(random.next() % 3))).map { _ in sentence() }
            if random.next() % 2 == 0 { points.reverse() }
            let heading = random.next() % 2 == 0 ? "Conference calls on the Executive to:" : "Conference instructs the Executive to:"
            let body = "## Conference notes\n\n" + notes.joined(separator: "\n\n") + "\n\n## \(heading)\n\n"
                + points.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n") + "\n"
            out.append(try CompositeDraftTests.motion("family-\(member + 1)", branch: "Branch \(member + 1)", body))
        }
        return out
    }
}
