import MotionDiff

/// A motion as amendment wording addresses it: its title, then parts (the preamble as part 0,
/// without a heading, then one part per section), each a list of blocks in their canonical
/// Markdown source. Wording quotes that source, so what a delegate sees in the file is what an
/// amendment can name.
struct AmendableMotion {
    struct Block: Hashable {
        var kind: MotionKit.Block.Kind
        var text: String
        /// A composite block's provenance comment, written back after its text when the block
        /// is kept or edited. Not part of the block: wording never sees it.
        var trailer = ""

        static func == (a: Block, b: Block) -> Bool { a.kind == b.kind && a.text == b.text }
        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(text)
        }
    }

    struct Part: Hashable {
        /// Nil for the preamble.
        var heading: String?
        var blocks: [Block]
    }

    /// A piece of text wording can change word by word.
    enum Unit: Hashable, Comparable {
        case title
        case heading(Int)
        case block(Int, Int)

        var part: Int? {
            switch self {
            case .title: return nil
            case .heading(let part), .block(let part, _): return part
            }
        }
    }

    /// One numbered line: its unit and the part of the unit's source it shows.
    struct LineSpan {
        var number: Int
        var unit: Unit
        var range: Range<Int>
    }

    var title: String
    var parts: [Part]
    /// Lines as ``LineNumbering`` counts them, mapped onto the source (none when made without
    /// a line width: a target text is never addressed by line). Computed when first asked for:
    /// most wording never names a line.
    var lines: [LineSpan] { cache.lines }
    private let cache: Cache
    /// Each part's heading folded for lookup by name ("" for the preamble).
    private let foldedHeadings: [String]

    init(_ motion: Motion, lines: LineScheme?) {
        self.init(motion, document: DiffInput.document(for: motion), lines: lines)
    }

    /// From the motion's diff document (``DiffInput/document(for:)``), which is its canonical
    /// Markdown piece by piece: the writer has it already and need not render twice.
    init(_ motion: Motion, document: DiffDocument, lines: LineScheme?) {
        var parts: [Part] = []
        var title = ""
        for (index, section) in document.sections.enumerated() {
            var blocks: [Block] = []
            for block in section.blocks {
                switch block.kind {
                case .title: title = block.text
                case .paragraph: blocks.append(Block(kind: .paragraph, text: block.text, trailer: block.trailer))
                case .point: blocks.append(Block(kind: .point, text: block.text, trailer: block.trailer))
                case .bullet: blocks.append(Block(kind: .bullet, text: block.text, trailer: block.trailer))
                case .field, .heading: break
                }
            }
            parts.append(Part(heading: index == 0 ? nil : section.heading?.text, blocks: blocks))
        }
        self.title = title
        self.parts = parts
        foldedHeadings = parts.map { $0.heading.map(SectionName.fold) ?? "" }
        cache = Cache(motion: motion, title: title, parts: parts, scheme: lines)
    }

    func text(of unit: Unit) -> String {
        switch unit {
        case .title: return title
        case .heading(let part): return parts[part].heading ?? ""
        case .block(let part, let block): return parts[part].blocks[block].text
        }
    }

    /// A unit's text as Unicode scalars (cached).
    func scalars(of unit: Unit) -> [Unicode.Scalar] {
        if let cached = cache.scalars[unit] { return cached }
        let scalars = Array(text(of: unit).unicodeScalars)
        cache.scalars[unit] = scalars
        return scalars
    }

    /// The blocks of `kind` in a part, by block index.
    func blocks(of kind: MotionKit.Block.Kind, inPart part: Int) -> [Int] {
        parts[part].blocks.indices.filter { parts[part].blocks[$0].kind == kind }
    }

    /// The lines of a unit (empty for the title, which is not numbered).
    func lines(of unit: Unit) -> [LineSpan] { cache.byUnit[unit] ?? [] }

    // MARK: Finding a section by what a delegate calls it

    /// The part a section name means: its heading, compared without case, typography, a final
    /// colon or a leading "the"; else the one heading that starts with the name.
    func part(named name: String) -> PartLookup {
        if let known = cache.partsByName[name] { return known }
        let found = lookUpPart(named: name)
        cache.partsByName[name] = found
        return found
    }

    private func lookUpPart(named name: String) -> PartLookup {
        let wanted = SectionName.fold(name)
        if ["preamble", "the preamble", "introduction"].contains(wanted) { return .found(0) }
        let headings = parts.indices.dropFirst().map { ($0, foldedHeadings[$0]) }
        let exact = headings.filter { $0.1 == wanted }
        if exact.count == 1 { return .found(exact[0].0) }
        if exact.count > 1 { return .ambiguous(exact.map(\.0)) }
        let prefixed = headings.filter { $0.1.hasPrefix(wanted + " ") }
        if prefixed.count == 1 { return .found(prefixed[0].0) }
        return prefixed.isEmpty ? .missing : .ambiguous(prefixed.map(\.0))
    }

    enum PartLookup: Equatable {
        case found(Int)
        case missing
        case ambiguous([Int])
    }

    /// The heading a delegate would write to name a part.
    func name(ofPart part: Int) -> String {
        guard let heading = parts[part].heading else { return "the preamble" }
        var name = heading
        while let last = name.last, last == ":" || last == " " { name.removeLast() }
        return name
    }

    // MARK: Rendering

    /// The motion body as Markdown: title, preamble and sections, blocks one blank line apart.
    static func markdown(title: String, parts: [Part]) -> String {
        var body = MarkdownLayout.SourceBody(title: title)
        for part in parts {
            if let heading = part.heading { body.heading(heading) }
            for block in part.blocks { body.block(block.text, kind: block.kind) }
        }
        return body.text
    }

    /// A block with its marker (see ``MarkdownLayout/block(_:kind:)``).
    static func rendered(_ block: Block) -> String {
        MarkdownLayout.block(block.text, kind: block.kind)
    }

    // MARK: Lines

    fileprivate static func lineSpans(_ motion: Motion, title: String, parts: [Part], scheme: LineScheme) -> [LineSpan] {
        var out: [LineSpan] = []
        var counts: [Int] = []
        for line in LineNumbering.lines(of: motion, scheme: scheme) {
            let unit: Unit = line.isTitle ? .title : line.block.map { .block((line.section ?? -1) + 1, $0) } ?? .heading((line.section ?? -1) + 1)
            out.append(LineSpan(number: line.number, unit: unit, range: 0..<0))
            // Wrapped lines hold words joined by single spaces.
            counts.append(line.text.isEmpty ? 0 : line.text.utf8.reduce(into: 1) { count, byte in if byte == 0x20 { count += 1 } })
        }
        // Map each line's words onto the source's words; where markup changes the count of
        // words (a link title, say), a line stands for its whole unit.
        var index = 0
        while index < out.count {
            let unit = out[index].unit
            var end = index
            while end < out.count, out[end].unit == unit { end += 1 }
            let source: String
            switch unit {
            case .heading(let part): source = parts[part].heading ?? ""
            case .block(let part, let block): source = parts[part].blocks[block].text
            case .title: source = title
            }
            let sourceWords = Self.words(Array(source.unicodeScalars))
            let counts = counts[index..<end]
            var markerWords = 0
            if case .block(let part, let block) = unit, parts[part].blocks[block].kind != .paragraph { markerWords = 1 }
            if counts.reduce(0, +) - markerWords == sourceWords.count, !sourceWords.isEmpty {
                var word = 0
                for (offset, count) in counts.enumerated() {
                    let own = offset == 0 ? count - markerWords : count
                    let first = min(word, sourceWords.count - 1), last = max(first, min(word + own, sourceWords.count) - 1)
                    out[index + offset].range = sourceWords[first].lowerBound..<sourceWords[last].upperBound
                    word += own
                }
            } else {
                let all = 0..<source.unicodeScalars.count
                for line in index..<end { out[line].range = all }
            }
            index = end
        }
        return out
    }

    /// White-space separated words, as scalar ranges.
    static func words(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " || scalar == "\n" || scalar == "\t" || !scalar.isASCII && scalar.properties.isWhitespace {
                if let s = start { out.append(s..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let s = start { out.append(s..<scalars.count) }
        return out
    }
}

/// What is worked out about one motion at most once, when first needed: its line spans, its
/// units as scalars, the sections names were looked up for.
private final class Cache {
    let motion: Motion
    let title: String
    let parts: [AmendableMotion.Part]
    let scheme: LineScheme?

    init(motion: Motion, title: String, parts: [AmendableMotion.Part], scheme: LineScheme?) {
        self.motion = motion
        self.title = title
        self.parts = parts
        self.scheme = scheme
    }

    lazy var lines: [AmendableMotion.LineSpan] = scheme.map { AmendableMotion.lineSpans(motion, title: title, parts: parts, scheme: $0) } ?? []
    lazy var byUnit: [AmendableMotion.Unit: [AmendableMotion.LineSpan]] = Dictionary(grouping: lines, by: \.unit)
    /// Each unit's text as scalars, the form quotes are matched in, made once.
    var scalars: [AmendableMotion.Unit: [Unicode.Scalar]] = [:]
    /// Section names already looked up.
    var partsByName: [String: AmendableMotion.PartLookup] = [:]
}

/// Section names as delegates write them, folded for comparison.
enum SectionName {
    static func fold(_ name: String) -> String {
        var words = QuoteMatcher.fold(name).split(separator: " ").map(String.init)
        while let last = words.last, last.allSatisfy({ $0 == ":" || $0 == "." }) { words.removeLast() }
        if var last = words.last {
            while last.hasSuffix(":") || last.hasSuffix(".") { last.removeLast() }
            words[words.count - 1] = last
        }
        if words.first == "the" { words.removeFirst() }
        if words.last == "section", words.count > 1 { words.removeLast() }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
