import MotionDiff

/// Two layers of change on one motion, word by word, each with its author: an amendment's
/// (layer 0) and an amendment to that amendment's (layer 1). The motion as the amendment
/// amended it is the spine: each of its words is the motion's own or the amendment's, and is
/// kept or removed by the amendment to it; the motion's words the amendment removed, and the
/// words the amendment to it added, stand where they were.
///
/// So a reader sees the amendment's changes as one author's, and the amendment to it as another's:
/// what the second adds, what it removes of the motion, and what of the first amendment's own
/// words it removes (inserted by the first, deleted by the second). Paragraph breaks are
/// words too (one per block, by kind), so whole blocks added or removed are attributed the same way.
struct ChangeLayers {
    enum Mark: Equatable {
        case plain
        case inserted(layer: Int)
        case deleted(layer: Int)
        /// Added by the amendment (layer 0), removed by the amendment to it (layer 1).
        case insertedThenDeleted
    }

    struct Piece {
        var text: String
        var mark: Mark
    }

    struct Paragraph {
        var kind: DiffDocument.BlockKind
        /// The paragraph's own mark: kept, added or removed as a whole.
        var mark: Mark
        /// A point's or bullet's marker as it changed ("5." to "6."), each with its mark.
        var marker: [Piece]
        var pieces: [Piece]
    }

    let paragraphs: [Paragraph]

    /// `base` the motion, `first` it as amended, `second` it as amended by the amendment as amended.
    init(base: Motion, first: Motion, second: Motion) {
        let interner = TokenInterner()
        let documents = [base, first, second].map(DocumentBuilder.visibleText)
        let versions = documents.map { Flat($0, interner) }
        let (v0, v1, v2) = (versions[0], versions[1], versions[2])
        // Each of the first's words: the amendment's own? removed by the amendment to it?
        var added = [Bool](repeating: false, count: v1.count), removed = added
        var removedBefore: [Int: [Int]] = [:], addedBefore: [Int: [Int]] = [:]
        var toBase = [Int?](repeating: nil, count: v1.count), toSecond = toBase
        // Block by block as the diff engine aligns them (so words never pair across blocks), word by word within.
        Self.walk(DocumentDiff.compare(documents[0], documents[1]), v0, v1) { operation, i, j in
            switch operation {
            case .equal: toBase[j] = i
            case .insert: added[j] = true
            case .delete: removedBefore[j, default: []].append(i)
            }
        }
        Self.walk(DocumentDiff.compare(documents[1], documents[2]), v1, v2) { operation, j, k in
            switch operation {
            case .equal: toSecond[j] = k
            case .delete: removed[j] = true
            case .insert: addedBefore[j, default: []].append(k)
            }
        }
        var items: [(version: Int, index: Int, mark: Mark)] = []
        for j in 0...v1.count {
            items += (removedBefore[j] ?? []).map { (0, $0, .deleted(layer: 0)) }
            items += (addedBefore[j] ?? []).map { (2, $0, .inserted(layer: 1)) }
            guard j < v1.count else { break }
            let mark: Mark = switch (added[j], removed[j]) {
            case (false, false): .plain
            case (false, true): .deleted(layer: 1)
            case (true, false): .inserted(layer: 0)
            case (true, true): .insertedThenDeleted
            }
            items.append((1, j, mark))
        }
        var paragraphs: [Paragraph] = []
        for item in items {
            let version = versions[item.version]
            if let kind = version.kinds[item.index] {
                var marker: [Piece] = []
                if item.version == 1, item.mark == .plain, let i = toBase[item.index], let k = toSecond[item.index] {
                    // A kept point renumbered: the old number removed, the new one added, by whichever moved it.
                    let (old, middle, new) = (v0.markers[i], v1.markers[item.index], v2.markers[k])
                    if old == new {
                        marker = new.map { [Piece(text: $0, mark: .plain)] } ?? []
                    } else {
                        let layer = middle == old ? 1 : 0
                        marker = [old.map { Piece(text: $0, mark: .deleted(layer: layer)) }, new.map { Piece(text: $0, mark: .inserted(layer: layer)) }].compactMap { $0 }
                    }
                } else if let own = version.markers[item.index] {
                    marker = [Piece(text: own, mark: item.mark)]
                }
                paragraphs.append(Paragraph(kind: kind, mark: item.mark, marker: marker, pieces: []))
            } else {
                // Every motion starts with its title's break; words before one would be a bug, never dropped.
                if paragraphs.isEmpty { paragraphs.append(Paragraph(kind: .paragraph, mark: .plain, marker: [], pieces: [])) }
                paragraphs[paragraphs.count - 1].pieces.append(Piece(text: version.texts[item.index], mark: item.mark))
            }
        }
        self.paragraphs = paragraphs.map(Self.joiningRuns)
    }

    /// Calls `body` with each token of `diff` (between `x` and `y`, flattened), in y's order:
    /// its operation, its place in x (an insertion: the place in x it goes before) and in y (a
    /// deletion: the place in y it goes before).
    private static func walk(_ diff: DocumentDiff, _ x: Flat, _ y: Flat, _ body: (DiffSegment.Operation, Int, Int) -> Void) {
        var nextX = 0, nextY = 0  // the first places not yet passed
        func equal(_ i: Int, _ j: Int) { body(.equal, i, j); (nextX, nextY) = (i + 1, j + 1) }
        func delete(_ range: Range<Int>) { for i in range { body(.delete, i, nextY); nextX = i + 1 } }
        func insert(_ range: Range<Int>) { for j in range { body(.insert, nextX, j); nextY = j + 1 } }
        for section in diff.sections {
            for change in [section.heading].compactMap({ $0 }) + section.blocks {
                let old = change.base.flatMap(x.range), new = change.target.flatMap(y.range)
                switch (change.kind, old, new) {
                case (.equal, let old?, let new?) where old.count == new.count:
                    for offset in 0..<old.count { equal(old.lowerBound + offset, new.lowerBound + offset) }
                case (.modified, let old?, let new?) where change.baseTokens?.count == old.count - 1 && change.targetTokens?.count == new.count - 1:
                    equal(old.lowerBound, new.lowerBound)
                    var (i, j) = (old.lowerBound + 1, new.lowerBound + 1)
                    for segment in change.segments {
                        switch segment.operation {
                        case .equal: for _ in segment.a { equal(i, j); i += 1; j += 1 }
                        case .delete: delete(i..<(i + segment.a.count)); i += segment.a.count
                        case .insert: insert(j..<(j + segment.b.count)); j += segment.b.count
                        }
                    }
                case (_, let old?, let new?):
                    // Replaced (or tokenised otherwise than here): the break kept when the kind is, the words all new.
                    if x.kinds[old.lowerBound] == y.kinds[new.lowerBound] {
                        equal(old.lowerBound, new.lowerBound)
                        delete((old.lowerBound + 1)..<old.upperBound)
                        insert((new.lowerBound + 1)..<new.upperBound)
                    } else {
                        delete(old)
                        insert(new)
                    }
                case (_, let old?, nil): delete(old)
                case (_, nil, let new?): insert(new)
                case (_, nil, nil): break
                }
            }
        }
    }

    private static func joiningRuns(_ paragraph: Paragraph) -> Paragraph {
        var joined = paragraph
        joined.pieces = []
        for piece in paragraph.pieces {
            if let last = joined.pieces.last, last.mark == piece.mark {
                joined.pieces[joined.pieces.count - 1].text += piece.text
            } else {
                joined.pieces.append(piece)
            }
        }
        return joined
    }

    /// A motion's visible text as one token sequence: each block a break token of its kind,
    /// then its words.
    private struct Flat {
        var texts: [String] = []
        /// At a break: the block's kind.
        var kinds: [DiffDocument.BlockKind?] = []
        /// At a break: a point's number ("3.") or a bullet's "•", as ``ListMarkers`` counts them.
        var markers: [String?] = []
        /// Each block's break and words, by its place (a heading's block is -1).
        private var ranges: [BlockPlace: Range<Int>] = [:]
        var count: Int { texts.count }

        func range(_ place: BlockPlace) -> Range<Int>? { ranges[place] }

        init(_ document: DiffDocument, _ interner: TokenInterner) {
            let lists = ListMarkers(document)
            for (s, section) in document.sections.enumerated() {
                let blocks = [(section.heading, -1)].compactMap { heading, index in heading.map { ($0, index) } }
                    + section.blocks.enumerated().map { ($0.element, $0.offset) }
                for (block, index) in blocks {
                    let start = texts.count
                    defer { ranges[BlockPlace(section: s, block: index)] = start..<texts.count }
                    texts.append("")
                    kinds.append(block.kind)
                    markers.append(index < 0 ? nil : lists[BlockPlace(section: s, block: index)])
                    let tokens = Tokenizer.tokenize(block.text, interner: interner)
                    for token in 0..<tokens.count {
                        texts.append(String(tokens[token]))
                        kinds.append(nil)
                        markers.append(nil)
                    }
                }
            }
        }
    }
}

extension DocumentBuilder {
    /// An amendment to an amendment shown on the motion: the amendment's changes by its author,
    /// the amendment to it by a second, so Word colours them apart; Accept All gives the motion
    /// as finally amended, Reject All the motion.
    mutating func addLayeredComparison(_ layers: ChangeLayers, authors: [ChangeAuthor], amendment: AmendmentHeading) {
        laterRevisionAuthor = authors[1]
        paragraph(style: "Title") { builder in builder.run(amendment.title) }
        details(amendment.details.map { ($0.label, $0.value) })
        for layered in layers.paragraphs {
            let style: String? = switch layered.kind {
            case .title: "Heading1"
            case .heading: subheadingStyle
            case .point, .bullet: "ListParagraph"
            case .paragraph, .field: nil
            }
            revisionAuthor = Self.author(of: layered.mark, authors)
            paragraph(style: style, hangingMarker: !layered.marker.isEmpty, mark: Self.paragraphMark(layered.mark)) { builder in
                for piece in layered.marker { builder.layeredRun(piece, authors) }
                if !layered.marker.isEmpty { builder.run("", tab: true) }
                for piece in layered.pieces { builder.layeredRun(piece, authors) }
            }
        }
    }

    private mutating func layeredRun(_ piece: ChangeLayers.Piece, _ authors: [ChangeAuthor]) {
        revisionAuthor = Self.author(of: piece.mark, authors)
        trackedRun(Self.paragraphMark(piece.mark), piece.text, tab: false)
    }

    private static func paragraphMark(_ mark: ChangeLayers.Mark) -> ParagraphMark {
        switch mark {
        case .plain: .unchanged
        case .inserted: .inserted
        case .deleted: .deleted
        case .insertedThenDeleted: .insertedThenDeleted
        }
    }

    /// Who made a change: the layer's author (the amendment's for words it added and the
    /// amendment to it then removed; ``laterRevisionAuthor`` is the remover).
    private static func author(of mark: ChangeLayers.Mark, _ authors: [ChangeAuthor]) -> ChangeAuthor? {
        switch mark {
        case .plain: nil
        case .inserted(let layer), .deleted(let layer): authors[layer]
        case .insertedThenDeleted: authors[0]
        }
    }
}

extension ChangeLayers {
    /// The layers as an HTML fragment for the web page, every word escaped: the amendment's
    /// changes as `<ins>`/`<del>`, the amendment to it's in a second colour (`class="second"`,
    /// titled with its author), the first's words the second removes as a deletion inside the
    /// insertion.
    func html(second: String) -> String {
        let title = HTMLDiffRenderer.escape(second)
        func piece(_ piece: Piece) -> String {
            let text = HTMLDiffRenderer.escape(piece.text)
            return switch piece.mark {
            case .plain: text
            case .inserted(let layer): layer == 0 ? "<ins>\(text)</ins>" : "<ins class=\"second\" title=\"\(title)\">\(text)</ins>"
            case .deleted(let layer): layer == 0 ? "<del>\(text)</del>" : "<del class=\"second\" title=\"\(title)\">\(text)</del>"
            case .insertedThenDeleted: "<ins><del class=\"second\" title=\"\(title)\">\(text)</del></ins>"
            }
        }
        return paragraphs.map { paragraph in
            let content = (paragraph.marker.isEmpty ? "" : paragraph.marker.map(piece).joined() + " ") + paragraph.pieces.map(piece).joined()
            return switch paragraph.kind {
            case .title: "<h3>\(content)</h3>"
            case .heading: "<h4>\(content)</h4>"
            default: "<p>\(content)</p>"
            }
        }.joined(separator: "\n") + "\n"
    }
}
