import MotionDiff

/// Drafts one composite motion from motions on the same subject, as a standing orders committee
/// does by hand: sections aligned by what they do (notes with notes, resolves with resolves),
/// what several motions say in the same words written once, near-duplicates kept side by side
/// for the committee to choose from, shared points first and then each motion's own, and every
/// block's provenance.
///
/// Nothing is lost: a block is left out only when every one of its sentences is said, in the
/// same words, by a block the composite keeps; a block with any words of its own is kept whole.
/// ``CompositeCoverage`` checks that on every draft.
public enum CompositeDrafter {
    public struct Source: Sendable {
        /// How the report and `composites:` name it: `ID@N`, or a file's path.
        public var reference: String
        public var motion: Motion

        public init(reference: String, motion: Motion) {
            self.reference = reference
            self.motion = motion
        }
    }

    public struct Options: Sendable {
        /// Blocks of different motions at least this alike (the share of words in common) are
        /// near-duplicates, kept side by side as a choice.
        public var nearDuplicate = 0.6
        /// A choice of three or more holds no pair less alike than this, so A like B and B like
        /// C does not make a choice between A and an unrelated C.
        public var choiceFloor = 0.5
        /// Blocks of fewer words are alike only when they say the very same.
        public var shortestNearDuplicate = 5

        public init() {}
    }

    public static func draft(_ sources: [Source], id: String, title: String? = nil,
                             options: Options = Options()) throws(ApplicationError) -> (motion: Motion, report: CompositeReport) {
        try check(sources, id: id)
        var drafting = Drafting(sources: sources, options: options)
        drafting.run()
        let motion = try drafting.motion(id: id, title: title)
        let report = drafting.report(for: motion)
        // The invariant, on every draft: a sentence is in the composite or reported as left out.
        let problems = CompositeCoverage.problems(sources: sources.map(\.motion), composite: motion, report: report)
        guard problems.isEmpty else {
            throw ApplicationError(.badData, "the composite would lose words (a bug in motion; please report it): " + problems.joined(separator: "; "))
        }
        return (motion, report)
    }

    private static func check(_ sources: [Source], id: String) throws(ApplicationError) {
        guard sources.count >= 2 else { throw ApplicationError(.usage, "a composite needs at least two motions") }
        guard MotionID.isValid(id) else {
            throw ApplicationError(.usage, "'\(id)' is not a valid id: use lower-case letters, digits and dashes, such as '\(MotionID.slug(id))'")
        }
        var seen: Set<String> = []
        for source in sources {
            let motion = source.motion
            guard seen.insert(motion.id).inserted else { throw ApplicationError(.usage, "\(motion.id) is named twice; name each motion once") }
            guard motion.id != id else { throw ApplicationError(.usage, "the composite's id \(id) is one of its motions'; choose a new id") }
            guard motion.metadata.kind != .amendment, motion.metadata.kind != .composite else {
                throw ApplicationError(.usage, "\(source.reference) is \(motion.metadata.kind == .amendment ? "an amendment" : "a composite"); composite the motions themselves")
            }
        }
        for key in [\Motion.Metadata.conference, \Motion.Metadata.profile] {
            let values = Set(sources.compactMap { $0.motion.metadata[keyPath: key] })
            guard values.count <= 1 else {
                let name = key == \Motion.Metadata.conference ? "conference" : "profile"
                throw ApplicationError(.usage, "the motions go to different \(name)s (\(values.sorted().joined(separator: ", "))); a composite joins motions of one \(name)")
            }
        }
    }
}

/// One source block, ready to compare.
private struct Unit {
    var source: Int
    var place: Provenance.Place
    var block: Block
    /// Each sentence, with its words in lower case as its key ("" for a sentence of no words).
    var sentences: [CompositeCoverage.Sentence]
    var words: WordBag
    var wordCount: Int
}

/// The sections of the composite: by what they do, in the order motions use.
private enum Bucket: Hashable {
    case preamble, notes, believes, resolves
    /// Sections that are none of those, by heading.
    case other(String)
}

/// One entry of a section: a kept block, or a choice of near-duplicates.
private struct Entry {
    var units: [Int]
    var isChoice: Bool
}

private struct Drafting {
    let sources: [CompositeDrafter.Source]
    let options: CompositeDrafter.Options
    private var units: [Unit] = []
    private var buckets: [(bucket: Bucket, heading: [Inline]?, units: [Int])] = []
    /// Per unit: the other source blocks that say what it says (their duplicates left out).
    private var alsoFrom: [Int: [Int]] = [:]
    private var leftOut: [(unit: Int, sentence: Int, by: Int)] = []
    private var repeated: [(unit: Int, sentence: Int, by: Int)] = []
    private var sections: [(bucket: Bucket, heading: [Inline]?, entries: [Entry])] = []
    private var headingVariants: [(heading: String, variants: [String])] = []

    init(sources: [CompositeDrafter.Source], options: CompositeDrafter.Options) {
        self.sources = sources
        self.options = options
    }

    mutating func run() {
        collectUnits()
        for index in buckets.indices {
            let kept = leaveOutDuplicates(buckets[index].units)
            sections.append((buckets[index].bucket, buckets[index].heading, order(choices(among: kept))))
        }
    }

    // MARK: Units and sections

    private mutating func collectUnits() {
        let interner = TokenInterner(ignoreTypography: true)
        var bucketIndex: [Bucket: Int] = [:]
        var headings: [Bucket: [String]] = [:]
        for (source, item) in sources.enumerated() {
            let motion = item.motion
            let places = Provenance.Place.places(in: motion)
            let parts: [(heading: [Inline]?, blocks: [Block])] = [(nil, motion.preamble)] + motion.sections.map { ($0.heading, $0.blocks) }
            for (part, content) in parts.enumerated() {
                let bucket = part == 0 ? .preamble : Self.bucket(of: motion.sections[part - 1])
                if bucketIndex[bucket] == nil {
                    bucketIndex[bucket] = buckets.count
                    buckets.append((bucket, content.heading, []))
                }
                if let heading = content.heading {
                    let text = heading.plainText
                    if !(headings[bucket]?.contains(text) ?? false) { headings[bucket, default: []].append(text) }
                }
                for (index, block) in content.blocks.enumerated() {
                    let text = block.plainText
                    let lowered = text.lowercased()
                    units.append(Unit(source: source, place: places[part][index], block: block,
                                      sentences: CompositeCoverage.sentences(of: text), words: WordBag(Tokenizer.tokenize(lowered, interner: interner)),
                                      wordCount: WordCount.of(text)))
                    buckets[bucketIndex[bucket]!].units.append(units.count - 1)
                }
            }
        }
        // Sections in the order a motion has them; sections of no known kind last, as first met.
        buckets = buckets.enumerated().sorted { a, b in
            (a.element.bucket.rank, a.offset) < (b.element.bucket.rank, b.offset)
        }.map(\.element)
        headingVariants = buckets.compactMap { entry in
            guard let used = entry.heading?.plainText, let all = headings[entry.bucket], all.count > 1 else { return nil }
            return (used, all.filter { $0 != used })
        }
    }

    private static func bucket(of section: Section) -> Bucket {
        switch section.kind {
        case .notes: .notes
        case .believes: .believes
        case .resolves: .resolves
        case .other: .other(section.headingText.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
    }

    // MARK: Said already

    /// The units kept, in source order; a unit whose every sentence a kept unit says already is
    /// left out, and the units that say it gain its source.
    private mutating func leaveOutDuplicates(_ bucket: [Int]) -> [Int] {
        var kept: [Int] = []
        var sayer: [String: Int] = [:]
        for unit in bucket {
            let sentences = units[unit].sentences
            let covered = sentences.map { $0.key.isEmpty ? nil : sayer[$0.key] }
            if !sentences.isEmpty, sentences.indices.allSatisfy({ sentences[$0].key.isEmpty || covered[$0] != nil }),
               covered.contains(where: { $0 != nil }) {
                for (index, by) in covered.enumerated() {
                    guard let by else { continue }
                    leftOut.append((unit, index + 1, by))
                    if !(alsoFrom[by]?.contains(unit) ?? false) { alsoFrom[by, default: []].append(unit) }
                }
                continue
            }
            kept.append(unit)
            for (index, sentence) in sentences.enumerated() where !sentence.key.isEmpty {
                if let by = sayer[sentence.key] { repeated.append((unit, index + 1, by)) } else { sayer[sentence.key] = unit }
            }
        }
        return kept
    }

    // MARK: Near-duplicates

    /// Kept units grouped: near-duplicates of different motions into choices (complete
    /// linkage: every pair in a choice at least `choiceFloor` alike), the rest alone.
    private func choices(among kept: [Int]) -> [Entry] {
        var pairs: [(a: Int, b: Int, similarity: Double)] = []
        for (i, a) in kept.enumerated() where units[a].wordCount >= options.shortestNearDuplicate {
            for b in kept[(i + 1)...] where units[b].source != units[a].source && units[b].wordCount >= options.shortestNearDuplicate {
                let similarity = units[a].words.similarity(to: units[b].words, atLeast: options.nearDuplicate)
                if similarity >= options.nearDuplicate { pairs.append((a, b, similarity)) }
            }
        }
        pairs.sort { ($0.similarity, -$0.a, -$0.b) > ($1.similarity, -$1.a, -$1.b) }
        var group = Dictionary(uniqueKeysWithValues: kept.map { ($0, [$0]) })
        for pair in pairs {
            guard let left = group[pair.a], let right = group[pair.b], left != right else { continue }
            let sources = left.map { units[$0].source }
            let allAlike = left.allSatisfy { a in
                right.allSatisfy { b in units[a].words.similarity(to: units[b].words) >= options.choiceFloor }
            }
            // One motion's blocks are never alternatives to each other.
            guard allAlike, !right.contains(where: { sources.contains(units[$0].source) }) else { continue }
            let merged = (left + right).sorted()
            for unit in merged { group[unit] = merged }
        }
        var seen: Set<Int> = []
        return kept.compactMap { unit in
            guard let members = group[unit], seen.insert(members[0]).inserted else { return nil }
            return Entry(units: members, isChoice: members.count > 1)
        }
    }

    // MARK: Order

    /// Shared entries first (said by more motions first, ties in the order met), then each
    /// motion's own, motion by motion.
    private func order(_ entries: [Entry]) -> [Entry] {
        let support = entries.map { self.support(of: $0) }
        let shared = entries.indices.filter { support[$0] > 1 }.sorted { (-support[$0], $0) < (-support[$1], $1) }
        let own = entries.indices.filter { support[$0] <= 1 }.sorted { (units[entries[$0].units[0]].source, $0) < (units[entries[$1].units[0]].source, $1) }
        return (shared + own).map { entries[$0] }
    }

    private func support(of entry: Entry) -> Int {
        Set(entry.units.flatMap { [units[$0].source] + (alsoFrom[$0] ?? []).map { units[$0].source } }).count
    }

    // MARK: Output

    func motion(id: String, title: String?) throws(ApplicationError) -> Motion {
        let first = sources[0].motion
        let branches = sources.compactMap(\.motion.metadata.submittedBy).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let metadata = Motion.Metadata(
            id: id, conference: sources.lazy.compactMap(\.motion.metadata.conference).first,
            submittedBy: branches.isEmpty ? nil : branches.joined(separator: "; "), kind: .composite, status: .draft,
            profile: sources.lazy.compactMap(\.motion.metadata.profile).first, composites: sources.map(\.reference))
        let titleText = title?.trimmingCharacters(in: .whitespaces) ?? ""
        var motion = Motion(metadata: metadata, title: titleText.isEmpty ? first.title : [.text(titleText)])
        var choice = 0
        for section in sections {
            var blocks: [Block] = []
            for entry in section.entries {
                if entry.isChoice { choice += 1 }
                for unit in entry.units {
                    var block = units[unit].block
                    block.line = 0
                    block.provenance = Provenance(sources: ([unit] + (alsoFrom[unit] ?? [])).map(source(of:)), choice: entry.isChoice ? choice : nil)
                    blocks.append(block)
                }
            }
            if case .preamble = section.bucket {
                motion.preamble = blocks
            } else if let heading = section.heading {
                motion.sections.append(Section(heading: heading, blocks: blocks))
            }
        }
        return motion
    }

    private func source(of unit: Int) -> Provenance.Source {
        Provenance.Source(motionID: sources[units[unit].source].motion.id, place: units[unit].place)
    }

    func report(for motion: Motion) -> CompositeReport {
        // Where each unit ended up in the composite.
        let places = Provenance.Place.places(in: motion)
        var placeOf: [Int: String] = [:]
        var blocks: [CompositeReport.Block] = []
        var choices: [CompositeReport.Choice] = []
        var choice = 0
        // The preamble's bucket is always the first section (every motion has one, if empty).
        for (part, section) in sections.enumerated() {
            var index = 0
            for entry in section.entries {
                if entry.isChoice { choice += 1 }
                var names: [String] = []
                for unit in entry.units {
                    let place = places[part][index].description
                    placeOf[unit] = place
                    names.append(place)
                    blocks.append(CompositeReport.Block(place: place, from: ([unit] + (alsoFrom[unit] ?? [])).map { source(of: $0).description },
                                                        support: support(of: Entry(units: [unit], isChoice: false)),
                                                        choice: entry.isChoice ? choice : nil))
                    index += 1
                }
                if entry.isChoice {
                    let members = entry.units
                    let least = members.indices.flatMap { i in members[(i + 1)...].map { units[members[i]].words.similarity(to: units[$0].words) } }.min() ?? 1
                    choices.append(CompositeReport.Choice(choice: choice, places: names, similarity: (least * 100).rounded() / 100))
                }
            }
        }
        return CompositeReport(
            id: motion.id,
            sources: sources.enumerated().map { index, source in
                CompositeReport.Source(reference: source.reference, id: source.motion.id, title: source.motion.titleText,
                                       submittedBy: source.motion.metadata.submittedBy,
                                       sentences: units.filter { $0.source == index }.map(\.sentences.count).reduce(0, +))
            },
            blocks: blocks, choices: choices,
            leftOut: leftOut.map { CompositeReport.LeftOut(source: source(of: $0.unit).description, sentence: $0.sentence,
                                                           text: units[$0.unit].sentences[$0.sentence - 1].text, duplicateOf: placeOf[$0.by] ?? "?") },
            repeated: repeated.map { CompositeReport.Repeated(source: source(of: $0.unit).description, sentence: $0.sentence,
                                                              text: units[$0.unit].sentences[$0.sentence - 1].text, alsoIn: placeOf[$0.by] ?? "?") },
            headings: headingVariants.map { CompositeReport.HeadingVariant(heading: $0.heading, variants: $0.variants) },
            sentences: units.map(\.sentences.count).reduce(0, +), words: motion.wordCounts.body)
    }
}

extension Bucket {
    fileprivate var rank: Int {
        switch self {
        case .preamble: 0
        case .notes: 1
        case .believes: 2
        case .resolves: 3
        case .other: 4
        }
    }
}
