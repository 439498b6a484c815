import MotionDiff

/// Writes the amendment wording that turns one motion into another.
///
/// The changes come from the diff engine (sections and blocks aligned, words diffed). Each word
/// change is quoted as a delegate would: the fewest whole words that are unique where they
/// stand, with the spacing the grammar implies. Every instruction is checked by applying it with
/// the same code `motion apply` uses; one that would not give the edited text is widened, and
/// the whole wording is checked once more at the end, so `apply(base, wording)` always gives the
/// target.
public enum AmendmentWriter {
    public static func wording(from base: Motion, to target: Motion, style: ConferenceProfile.AmendmentStyle, lineWidth: Int) -> String {
        wording(from: base, to: target, style: style, lines: LineScheme(width: lineWidth))
    }

    /// The wording, line numbers counted as `lines` says.
    public static func wording(from base: Motion, to target: Motion, style: ConferenceProfile.AmendmentStyle, lines: LineScheme) -> String {
        if Body(base) == Body(target) { return "" }
        let baseDocument = DiffInput.document(for: base), targetDocument = DiffInput.document(for: target)
        let baseText = AmendableMotion(base, document: baseDocument, lines: lines)
        let targetText = AmendableMotion(target, document: targetDocument, lines: nil)
        let diff = DocumentDiff.compare(baseDocument, targetDocument)
        let targetMarkdown = AmendableMotion.markdown(title: targetText.title, parts: targetText.parts)
        // Straight single quotes read best; curly double ones serve text whose apostrophes
        // would otherwise close a quote early.
        let attempts = [(WordingRenderer(), true), (WordingRenderer(), false), (WordingRenderer(open: "\u{201C}", close: "\u{201D}"), false)]
        for (renderer, quick) in attempts {
            var writer = Writer(base: baseText, target: targetText, style: style, renderer: renderer)
            writer.quick = quick
            let instructions = writer.instructions(diff)
            let wording = instructions.map(renderer.render).joined(separator: "\n\n") + "\n"
            if applies(wording, to: baseText, giving: targetMarkdown, target: target) { return wording }
        }
        return wholeReplacement(base: baseText, target: targetText)
    }

    /// Does the wording, read back and applied as `motion apply` would, give the target? The
    /// amended Markdown is compared first as text (the same text reads as the same motion);
    /// only when it differs is it read and compared as a motion.
    private static func applies(_ wording: String, to base: AmendableMotion, giving targetMarkdown: String, target: Motion) -> Bool {
        guard let instructions = try? AmendmentParser.parse(wording) else { return false }
        var plan = AmendmentPlan(base: base)
        for instruction in instructions {
            guard (try? plan.add(instruction)) != nil else { return false }
        }
        guard let markdown = try? plan.markdown() else { return false }
        if markdown == targetMarkdown { return true }
        guard let applied = try? AmendmentApplier.read(markdown, metadata: target.metadata) else { return false }
        return Body(applied) == Body(target)
    }

    /// The last resort, always exact: a new title if it changed, and the whole new text.
    static func wholeReplacement(base: AmendableMotion, target: AmendableMotion) -> String {
        var out = ""
        if base.title != target.title { out += "Replace the title with: '\(target.title)'.\n\n" }
        let body = AmendableMotion.markdown(title: "", parts: target.parts).drop { $0 != "\n" }.dropFirst()
        return out + "Delete all and replace with:\n" + body
    }

    /// What the round trip compares: the words and structure, not the metadata.
    struct Body: Equatable {
        var title: [Inline]
        var preamble: [Block]
        var sections: [Section]

        init(_ motion: Motion) {
            title = motion.title
            preamble = motion.preamble
            sections = motion.sections
        }
    }
}

/// One run of the writer over an aligned diff.
private struct Writer {
    typealias Unit = AmendableMotion.Unit
    typealias Instruction = AmendmentInstruction

    let base: AmendableMotion
    let target: AmendableMotion
    let style: ConferenceProfile.AmendmentStyle
    let renderer: WordingRenderer
    /// Check candidate quotes on the unit's own text rather than through a plan (a first pass;
    /// the careful pass runs if the wording it gives does not apply exactly).
    var quick = true
    /// Resolves candidate instructions exactly as `apply` will.
    let emptyPlan: AmendmentPlan
    /// New blocks numbered so far, by part and kind ("Add new point N" counts them).
    var numbered: [String: Int] = [:]
    var out: [Instruction] = []

    init(base: AmendableMotion, target: AmendableMotion, style: ConferenceProfile.AmendmentStyle, renderer: WordingRenderer) {
        self.base = base
        self.target = target
        self.style = style
        self.renderer = renderer
        emptyPlan = AmendmentPlan(base: base)
    }

    mutating func instructions(_ diff: DocumentDiff) -> [Instruction] {
        if base.title != target.title { title(diff) }
        var previousBasePart = 0
        for section in diff.sections {
            switch (section.base, section.target) {
            case (let b?, nil):
                if b == 0 {
                    for block in base.parts[0].blocks.indices { emit(Unit.block(0, block).scope(in: base, style: style), .deleteScope) }
                } else {
                    emit(style == .lines ? .lines(lineRange(ofPart: b)) : .section(base.name(ofPart: b)), .deleteScope)
                }
                previousBasePart = b
            case (nil, let t?):
                addSection(t, afterPart: previousBasePart)
            case (let b?, let t?):
                if b > 0, let heading = section.heading, base.parts[b].heading != target.parts[t].heading {
                    words(.heading(b), to: target.parts[t].heading ?? "", change: heading)
                }
                blocks(section, basePart: b, targetPart: t, diff: diff)
                previousBasePart = b
            case (nil, nil):
                break
            }
        }
        return out
    }

    // MARK: Title and sections

    private mutating func title(_ diff: DocumentDiff) {
        let change = diff.sections.first?.blocks.first {
            guard let b = $0.base, let t = $0.target else { return false }
            return diff.block(b, inBase: true).kind == .title && diff.block(t, inBase: false).kind == .title
        }
        if let change { words(.title, to: target.title, change: change) } else { emit(.title, .replaceScope(target.title)) }
    }

    private mutating func addSection(_ part: Int, afterPart previous: Int) {
        var markdown = MarkdownLayout.headingMarker + (target.parts[part].heading ?? "")
        for block in target.parts[part].blocks { markdown += "\n\n" + AmendableMotion.rendered(block) }
        let position: Instruction.Position
        if style == .lines, let last = base.lines.last(where: { $0.unit.part == previous }) {
            position = .afterLine(last.number)
        } else if previous == 0 {
            position = .atStart(section: "")
        } else {
            position = .after(.section(base.name(ofPart: previous)))
        }
        emit(.anywhere, .addSection(position: position, text: markdown))
    }

    private func lineRange(ofPart part: Int) -> ClosedRange<Int> {
        let numbers = base.lines.filter { $0.unit.part == part }.map(\.number)
        return numbers.first!...numbers.last!
    }

    // MARK: Blocks

    private mutating func blocks(_ section: SectionChange, basePart: Int, targetPart: Int, diff: DocumentDiff) {
        // Section 0 of the diff holds the front matter and the title before the preamble.
        let baseOffset = basePart == 0 ? diff.base.sections[0].blocks.prefix { $0.kind == .field || $0.kind == .title }.count : 0
        let targetOffset = targetPart == 0 ? diff.target.sections[0].blocks.prefix { $0.kind == .field || $0.kind == .title }.count : 0
        var nextBase = 0
        for change in section.blocks {
            let here = change.kind == .movedHere ? nil : change.base
            if let place = here { nextBase = max(0, place.block - baseOffset + 1) }
            let b = change.base.map { $0.block - baseOffset }, t = change.target.map { $0.block - targetOffset }
            if let b, b < 0 { continue }
            if let t, t < 0 { continue }
            switch change.kind {
            case .equal, .modified:
                guard let b, let t else { continue }
                let old = base.parts[basePart].blocks[b], new = target.parts[targetPart].blocks[t]
                if old.kind != new.kind {
                    replaceBlock(part: basePart, block: b, with: new)
                } else if old.text != new.text {
                    words(.block(basePart, b), to: new.text, change: change)
                }
            case .replaced:
                guard let b, let t else { continue }
                replaceBlock(part: basePart, block: b, with: target.parts[targetPart].blocks[t])
            case .deleted, .movedAway:
                guard let b else { continue }
                emit(Unit.block(basePart, b).scope(in: base, style: style), .deleteScope)
            case .inserted, .movedHere:
                guard let t else { continue }
                insert(target.parts[targetPart].blocks[t], part: basePart, before: nextBase)
            }
        }
    }

    private mutating func replaceBlock(part: Int, block: Int, with new: AmendableMotion.Block) {
        let unit = Unit.block(part, block)
        if base.parts[part].blocks[block].kind == new.kind {
            emit(unit.scope(in: base, style: style), .replaceScope(new.text))
        } else {
            emit(unit.scope(in: base, style: style), .deleteScope)
            insert(new, part: part, before: block + 1)
        }
    }

    /// A new block before base block `before` of `part`.
    private mutating func insert(_ block: AmendableMotion.Block, part: Int, before: Int) {
        let key = "\(part)/\(block.kind.rawValue)"
        let earlier = numbered[key, default: 0]
        let position: Instruction.Position
        if style == .lines, let line = lineBefore(part: part, block: before) {
            position = line
        } else if let number = numberedPlace(part: part, before: before, kind: block.kind) {
            numbered[key] = earlier + 1
            position = .numbered(number + earlier, section: sectionForNumbering(part: part, kind: block.kind))
        } else if before == 0 {
            position = .atStart(section: base.name(ofPart: part))
        } else {
            position = .after(Unit.block(part, before - 1).scope(in: base, style: .quoted))
        }
        emit(.anywhere, .addBlock(kind: block.kind, position: position, text: block.text))
    }

    /// "Add new point N" when that number puts the block exactly here: N is the place of the
    /// base block of that kind it goes before (or one past the last, right after it).
    private func numberedPlace(part: Int, before: Int, kind: Block.Kind) -> Int? {
        let indices = base.blocks(of: kind, inPart: part)
        if let index = indices.firstIndex(of: before) { return index + 1 }
        if let last = indices.last { return last + 1 == before ? indices.count + 1 : nil }
        return before == base.parts[part].blocks.count ? 1 : nil
    }

    /// The section a numbered block names: none for points when only one section has points.
    private func sectionForNumbering(part: Int, kind: Block.Kind) -> String? {
        let having = base.parts.indices.filter { !base.blocks(of: kind, inPart: $0).isEmpty }
        if kind == .point, having == [part] || having.isEmpty && part == base.parts.count - 1 { return nil }
        return base.name(ofPart: part)
    }

    /// "After line N" for a block going before base block `block` of `part`.
    private func lineBefore(part: Int, block: Int) -> Instruction.Position? {
        if block > 0 { return base.lines(of: .block(part, block - 1)).last.map { .afterLine($0.number) } }
        if part > 0 { return base.lines(of: .heading(part)).last.map { .afterLine($0.number) } }
        return base.lines.isEmpty ? nil : .beforeLine(1)
    }

    // MARK: Words

    /// Instructions for word changes in one unit; one replacement of the whole unit when quoting
    /// cannot say it exactly.
    private mutating func words(_ unit: Unit, to newText: String, change: BlockChange) {
        let old = Array(base.text(of: unit).unicodeScalars), new = Array(newText.unicodeScalars)
        if change.kind == .modified || change.kind == .movedHere, let a = change.baseTokens, let b = change.targetTokens,
           let instructions = quotedEdits(unit, old: old, new: new, edits: Self.edits(change.segments, a, b)) {
            for instruction in instructions { emit(instruction.scope, instruction.action) }
            return
        }
        switch unit {
        case .title: emit(.title, .replaceScope(newText))
        case .heading(let part): emit(.heading(section: base.name(ofPart: part)), .replaceScope(newText))
        case .block: emit(unit.scope(in: base, style: style), .replaceScope(newText))
        }
    }

    struct Edit {
        var old: Range<Int>
        var new: Range<Int>
    }

    /// Runs of changed tokens as scalar ranges of both texts.
    static func edits(_ segments: [DiffSegment], _ a: TokenizedText, _ b: TokenizedText) -> [Edit] {
        let mapA = scalarOffsets(a.text), mapB = scalarOffsets(b.text)
        var out: [Edit] = []
        var pending: Edit?
        for segment in segments {
            if segment.operation == .equal {
                if let edit = pending { out.append(edit) }
                pending = nil
                continue
            }
            let old = mapA[Int(a.starts[segment.a.lowerBound])]..<mapA[Int(a.starts[segment.a.upperBound])]
            let new = mapB[Int(b.starts[segment.b.lowerBound])]..<mapB[Int(b.starts[segment.b.upperBound])]
            if let edit = pending {
                pending = Edit(old: edit.old.lowerBound..<max(edit.old.upperBound, old.upperBound), new: edit.new.lowerBound..<max(edit.new.upperBound, new.upperBound))
            } else {
                pending = Edit(old: old, new: new)
            }
        }
        if let edit = pending { out.append(edit) }
        return out
    }

    /// UTF-8 offset -> scalar offset, for every scalar boundary.
    static func scalarOffsets(_ text: String) -> [Int] {
        var map = [Int](repeating: 0, count: text.utf8.count + 1)
        var offset = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            map[offset] = index
            offset += scalar.value < 0x80 ? 1 : scalar.value < 0x800 ? 2 : scalar.value < 0x1_0000 ? 3 : 4
        }
        map[offset] = text.unicodeScalars.count
        return map
    }

    /// Quoted instructions for `edits` in `unit`, or nil when they cannot say it exactly.
    private func quotedEdits(_ unit: Unit, old: [Unicode.Scalar], new: [Unicode.Scalar], edits: [Edit]) -> [Instruction]? {
        var edits = edits
        var attempts = 0
        while attempts < 64 {
            attempts += 1
            var chosen: [(instruction: Instruction, span: Range<Int>)] = []
            var failed: Int?
            for (index, edit) in edits.enumerated() {
                let lower = index > 0 ? edits[index - 1].old.upperBound : 0
                let upper = index + 1 < edits.count ? edits[index + 1].old.lowerBound : old.count
                guard let candidate = phrase(unit, edit, old: old, new: new, limits: lower..<upper) else { failed = index; break }
                chosen.append(candidate)
            }
            if let failed {
                // Quoting alone could not place it: say it together with a neighbour.
                guard edits.count > 1 else { return nil }
                let other = failed + 1 < edits.count ? failed + 1 : failed - 1
                edits = merged(edits, min(failed, other))
                continue
            }
            // Quotes that touch would change the same words: say them as one.
            if let touching = chosen.indices.dropLast().first(where: { chosen[$0].span.upperBound + 1 >= chosen[$0 + 1].span.lowerBound }) {
                edits = merged(edits, touching)
                continue
            }
            var plan = emptyPlan
            for candidate in chosen {
                guard (try? plan.add(candidate.instruction)) != nil else { return nil }
            }
            guard plan.textEdits.keys.allSatisfy({ $0 == unit }), plan.appliedText(unit).unicodeScalars.elementsEqual(new) else { return nil }
            return chosen.map(\.instruction)
        }
        return nil
    }

    private func merged(_ edits: [Edit], _ index: Int) -> [Edit] {
        var edits = edits
        let a = edits[index], b = edits[index + 1]
        edits[index] = Edit(old: a.old.lowerBound..<b.old.upperBound, new: a.new.lowerBound..<b.new.upperBound)
        edits.remove(at: index + 1)
        return edits
    }

    /// The shortest wording for one edit whose quote is unique and which, applied alone, gives
    /// exactly the edit; words of context are added until both hold.
    private func phrase(_ unit: Unit, _ edit: Edit, old: [Unicode.Scalar], new: [Unicode.Scalar], limits: Range<Int>)
        -> (instruction: Instruction, span: Range<Int>)? {
        var expected = old
        expected.replaceSubrange(edit.old, with: new[edit.new])
        let words = AmendableMotion.words(old)
        let delta = edit.new.count - edit.old.count

        func works(_ scope: Instruction.Scope, _ action: Instruction.Action) -> Bool {
            if quick, case .lines = scope {} else if quick { return worksInUnit(action) }
            var plan = emptyPlan
            guard (try? plan.add(Instruction(label: nil, number: 1, line: 1, text: "", scope: scope, action: action))) != nil else { return false }
            return plan.textEdits.keys.count == 1 && plan.textEdits[unit] != nil
                && plan.appliedText(unit).unicodeScalars.elementsEqual(expected)
        }
        /// The same check done directly on the unit's text: the quote must stand once, exactly
        /// here, and the spacing rules must give the edit. (The whole wording is applied at the
        /// end anyway; this spares building a plan for every try.)
        func worksInUnit(_ action: Instruction.Action) -> Bool {
            let edit: TextEdit
            switch action.wordChange {
            case .atQuote(let quote, _, let make)?:
                let found = QuoteMatcher.occurrences(of: quote, in: old)
                guard found.count == 1 else { return false }
                edit = make(found[0], old, 0)
            case .atEdge(let make)?: edit = make(old, 0)
            // The writer never words a change as a span; a span is a delegate's way to write it.
            case .atSpan?, .atSentence?, nil: return false
            }
            return TextEdit.apply([edit], to: old) == expected
        }
        func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(scalars: (scalars)) }
        func trimmed(_ range: Range<Int>, in text: [Unicode.Scalar]) -> Range<Int> {
            var range = range
            while !range.isEmpty, text[range.lowerBound].properties.isWhitespace { range = range.lowerBound + 1..<range.upperBound }
            while !range.isEmpty, text[range.upperBound - 1].properties.isWhitespace { range = range.lowerBound..<range.upperBound - 1 }
            return range
        }
        // Word starts before a position and word ends after it, within the limits.
        let startsBefore = words.filter { $0.lowerBound >= limits.lowerBound && $0.lowerBound < edit.old.lowerBound }.map(\.lowerBound).reversed()
        let endsAfter = words.filter { $0.upperBound <= limits.upperBound && $0.upperBound > edit.old.upperBound }.map(\.upperBound)

        if edit.old.isEmpty {
            let text = string(new[trimmed(edit.new, in: new)])
            guard !text.isEmpty else { return nil }
            let point = edit.old.lowerBound
            // The shortest anchor that works on each side; where it reads badly (it starts at a
            // comma, or is a lone number or small word), up to three longer ones, and the most
            // natural of all: "before 'supervision'" over "after 'path, no'".
            var best: (cost: Int, instruction: Instruction, span: Range<Int>)?
            func consider(_ anchor: Range<Int>, after: Bool) -> Bool {
                let quote = string(old[anchor])
                let scope = scopeFor(unit, span: anchor)
                let action: Instruction.Action = after ? .insertAfter(anchor: quote, text: text) : .insertBefore(anchor: quote, text: text)
                guard works(scope, action) else { return false }
                let cost = AnchorNaturalness.cost(quote, after: after)
                if best == nil || cost < best!.cost {
                    best = (cost, Instruction(label: nil, number: 0, line: 0, text: "", scope: scope, action: action), anchor)
                }
                return true
            }
            for (after, ends) in [(true, Array(startsBefore.prefix(10))), (false, Array(endsAfter.prefix(10)))] {
                var tried = 0
                for end in ends {
                    let anchor = trimmed(after ? end..<point : point..<end, in: old)
                    guard !anchor.isEmpty, consider(anchor, after: after) else { continue }
                    tried += 1
                    if let best, best.cost <= AnchorNaturalness.plainCost(best.instruction.action) || tried >= 4 { break }
                }
                if let best, best.cost <= AnchorNaturalness.plainCost(best.instruction.action) { break }
            }
            if let best { return (best.instruction, best.span) }
            if style == .quoted, unit != .title {
                let scope = unit.scope(in: base, style: .quoted)
                if old[point...].allSatisfy(\.properties.isWhitespace), works(scope, .append(text)) {
                    return (Instruction(label: nil, number: 0, line: 0, text: "", scope: scope, action: .append(text)), point..<point)
                }
                if old[..<point].allSatisfy(\.properties.isWhitespace), works(scope, .prepend(text)) {
                    return (Instruction(label: nil, number: 0, line: 0, text: "", scope: scope, action: .prepend(text)), point..<point)
                }
            }
        }
        // Deletions and replacements, with words of context on either side as needed.
        let lefts = [edit.old.lowerBound] + Array(startsBefore.prefix(6))
        let rights = [edit.old.upperBound] + Array(endsAfter.prefix(6))
        for widening in 0..<(2 * max(lefts.count, rights.count)) {
            for (l, r) in [(widening / 2, (widening + 1) / 2), ((widening + 1) / 2, widening / 2)] {
                guard l < lefts.count, r < rights.count else { continue }
                // The words quoted, and what stands there after the edit (the same context).
                let raw = lefts[l]..<rights[r]
                let span = trimmed(raw, in: old)
                guard !span.isEmpty else { continue }
                let newSpan = trimmed(raw.lowerBound..<(raw.upperBound + delta), in: expected)
                let quote = string(old[span]), replacement = newSpan.isEmpty ? "" : string(expected[newSpan])
                let action: Instruction.Action = replacement.isEmpty ? .delete(quote) : .replace(quote, with: replacement)
                let scope = scopeFor(unit, span: span)
                if works(scope, action) {
                    return (Instruction(label: nil, number: 0, line: 0, text: "", scope: scope, action: action), span)
                }
            }
        }
        return nil
    }

    /// Where a quote is located: its block, or the lines it spans.
    private func scopeFor(_ unit: Unit, span: Range<Int>) -> Instruction.Scope {
        guard style == .lines, unit != .title else { return unit.scope(in: base, style: .quoted) }
        let lines = base.lines(of: unit).filter { $0.range.overlaps(span) || ($0.range.isEmpty == false && span.isEmpty && $0.range.contains(span.lowerBound)) }
        guard let first = lines.first, let last = lines.last else { return unit.scope(in: base, style: .quoted) }
        return .lines(first.number...last.number)
    }

    private mutating func emit(_ scope: Instruction.Scope, _ action: Instruction.Action) {
        out.append(Instruction(label: nil, number: out.count + 1, line: 0, text: "", scope: scope, action: action))
    }
}

extension AmendableMotion.Unit {
    /// How wording names this unit: by locator, or by its lines.
    func scope(in motion: AmendableMotion, style: ConferenceProfile.AmendmentStyle) -> AmendmentInstruction.Scope {
        switch self {
        case .title: return .title
        case .heading(let part): return .heading(section: motion.name(ofPart: part))
        case .block(let part, let block):
            if style == .lines {
                let numbers = motion.lines(of: self).map(\.number)
                if let first = numbers.first, let last = numbers.last { return .lines(first...last) }
            }
            let kind = motion.parts[part].blocks[block].kind
            let number = motion.blocks(of: kind, inPart: part).firstIndex(of: block)! + 1
            let onlyPoints = kind == .point && motion.parts.indices.filter { !motion.blocks(of: .point, inPart: $0).isEmpty }.count == 1
            return .block(kind: kind, number: number, section: onlyPoints ? nil : motion.name(ofPart: part))
        }
    }
}

/// How naturally an anchor reads to a delegate: its words, plus a penalty for an anchor that
/// starts or breaks at punctuation ("after 'path, no'") or is a lone number or small word
/// ("after '7'"). Lower is better; ties keep the order tried (after before before).
enum AnchorNaturalness {
    static let smallWords: Set<String> = ["a", "an", "the", "of", "to", "in", "on", "at", "and", "or", "no", "not", "for", "by", "as",
                                          "is", "be", "it", "its", "with", "from", "that", "this"]

    static func cost(_ anchor: String, after: Bool) -> Int {
        let words = anchor.split(separator: " ")
        var cost = words.count
        // Punctuation inside the quote: the phrase is split where a reader pauses.
        if anchor.dropLast().contains(where: { ",;:".contains($0) }) { cost += 3 }
        if let first = anchor.unicodeScalars.first, ",;:.)".unicodeScalars.contains(first) { cost += 3 }
        if words.count == 1, let word = words.first {
            let bare = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if smallWords.contains(bare) || bare.allSatisfy(\.isNumber) { cost += 3 }
        }
        return cost
    }

    /// The cost of an anchor with nothing against it: its word count.
    static func plainCost(_ action: AmendmentInstruction.Action) -> Int {
        switch action {
        case .insertAfter(let anchor, _), .insertBefore(let anchor, _): anchor.split(separator: " ").count
        case .delete, .replace, .replaceSpan, .replaceSentence, .append, .prepend, .deleteScope, .replaceScope, .addBlock, .addSection,
             .replaceAll: 0
        }
    }
}
