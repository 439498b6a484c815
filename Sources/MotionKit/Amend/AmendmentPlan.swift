/// Where amendment instructions land in a base motion: every instruction resolved against the
/// base (never against another instruction's result), then checked for overlaps, then applied
/// in one pass. Resolution errors name the instruction, its line and the quoted words.
struct AmendmentPlan {
    typealias Unit = AmendableMotion.Unit
    typealias Scope = AmendmentInstruction.Scope

    struct BlockKey: Hashable {
        var part: Int
        var block: Int
    }

    struct Insertion {
        var part: Int
        var before: Int
        var kind: Block.Kind
        var text: String
        var instruction: Int
    }

    let base: AmendableMotion
    private(set) var instructions: [AmendmentInstruction] = []
    private(set) var textEdits: [Unit: [TextEdit]] = [:]
    private var deletedBlocks: [BlockKey: Int] = [:]
    private var replacedBlocks: [BlockKey: (text: String, instruction: Int)] = [:]
    private var insertions: [Insertion] = []
    private var deletedParts: [Int: Int] = [:]
    private var newSections: [(before: Int, text: String, instruction: Int)] = []
    private var replaceAll: (text: String, instruction: Int)?
    private var numberedAdditions: [String: Int] = [:]
    /// Words instructions quote to place an insertion: another amendment may not change them.
    private var anchors: [(unit: Unit, range: Range<Int>, instruction: Int)] = []

    init(base: AmendableMotion) {
        self.base = base
    }

    // MARK: Resolving

    mutating func add(_ instruction: AmendmentInstruction) throws(AmendmentError) {
        let index = instructions.count
        instructions.append(instruction)
        let scope = instruction.scope
        switch instruction.action {
        case .insertAfter, .insertBefore, .delete, .replace, .replaceSpan, .replaceSentence, .append, .prepend:
            // These are exactly the actions with a word change (AmendmentInstruction.swift).
            try addWords(instruction.action.wordChange!, in: scope, instruction: index)
        case .deleteScope:
            try deleteScope(scope)
        case .replaceScope(let text):
            try replaceScope(scope, with: text)
        case .addBlock(let kind, let position, let text):
            let (part, before) = try place(position, kind: kind)
            insertions.append(Insertion(part: part, before: before, kind: kind ?? neighbourKind(part: part, before: before),
                                        text: text, instruction: index))
        case .addSection(let position, let text):
            newSections.append((try sectionPlace(position), text, index))
        case .replaceAll(let text):
            replaceAll = (text, index)
        }
    }

    /// A change to words inside one unit, as ``WordChange`` defines it.
    private mutating func addWords(_ change: WordChange, in scope: Scope, instruction index: Int) throws(AmendmentError) {
        switch change {
        case .atQuote(let quote, let isAnchor, let edit):
            for (unit, quoted) in try findEach(quote, in: scope) {
                if isAnchor { anchors.append((unit, quoted, index)) }
                record(unit, edit(quoted, scalars(unit), index))
            }
        case .atEdge(let edit):
            let unit = try singleUnit(scope)
            record(unit, edit(scalars(unit), index))
        case .atSentence(let number, let edit):
            let unit = try singleUnit(scope)
            let text = scalars(unit)
            let sentences = TextEdit.sentences(in: text)
            let position = number == -1 ? sentences.count : number
            guard position >= 1, position <= sentences.count else {
                throw fail(.noSuchPlace, "there is no sentence \(number == -1 ? "last" : String(number)) in \(describe(unit)), which has \(sentences.count) sentence\(sentences.count == 1 ? "" : "s")")
            }
            record(unit, edit(sentences[position - 1], text, index))
        case .atSpan(let from, let through, let keepFrom, let edit):
            let (unit, start) = try find(from, in: scope)
            let text = scalars(unit)
            var end = text.count
            if let through {
                let after = QuoteMatcher.occurrences(of: through.trimmingWhitespace, in: text).filter { $0.lowerBound >= start.upperBound }
                guard let last = after.first else {
                    throw fail(.anchorMissing, "'\(through)' does not occur after '\(from)' in \(describe(unit)); quote the words where the deletion ends exactly as they stand")
                }
                end = last.upperBound
            }
            // After a kept quote the span starts with the space that follows it, which the new
            // words bring back.
            let span = keepFrom ? start.upperBound..<end : start.lowerBound..<end
            anchors.append((unit, start, index))
            record(unit, edit(span, text, index))
        }
    }

    /// Adds every instruction; when any cannot be placed, throws the first problem with all the
    /// others, so a delegate sees every quote that does not match at once.
    mutating func addAll(_ instructions: [AmendmentInstruction]) throws(AmendmentError) {
        var problems: [AmendmentError] = []
        for instruction in instructions {
            do { try add(instruction) } catch { problems.append(error) }
        }
        if let first = problems.first { throw first.with(more: Array(problems.dropFirst())) }
    }

    /// Starts the instructions of another amendment: "Add new point N" counts only its own.
    mutating func beginAmendment() {
        numberedAdditions = [:]
    }

    private var current: AmendmentInstruction { instructions[instructions.count - 1] }

    private func fail(_ reason: AmendmentError.Reason, _ message: String) -> AmendmentError {
        AmendmentError(reason, line: current.line, "\(current.reference): \(message)")
    }

    private mutating func record(_ unit: Unit, _ edit: TextEdit) {
        textEdits[unit, default: []].append(edit)
    }

    func scalars(_ unit: Unit) -> [Unicode.Scalar] { base.scalars(of: unit) }

    // MARK: Quoted words

    /// The one place `quote` stands within `scope`.
    /// Where a quote stands: once; or, for lines named one by one ("In lines 2 and 3 after 'x'
    /// insert 'y'"), once in each of those lines, where the change is made in each.
    private func findEach(_ quote: String, in scope: Scope) throws(AmendmentError) -> [(Unit, Range<Int>)] {
        if case .lines(let range) = scope, range.count > 1, current.eachLine {
            let found = try occurrences(of: quote, in: scope)
            let lines = found.map { occurrence in
                base.lines.first { $0.unit == occurrence.0 && $0.range.overlaps(occurrence.1) }?.number
            }
            if found.count == range.count, Set(lines.compactMap { $0 }) == Set(range) { return found }
        }
        return [try find(quote, in: scope)]
    }

    private func find(_ quote: String, in scope: Scope) throws(AmendmentError) -> (Unit, Range<Int>) {
        let found = try occurrences(of: quote, in: scope)
        if found.count == 1 { return found[0] }
        let place = describe(scope)
        if found.isEmpty {
            var message = "'\(quote)' does not occur in \(place)"
            if scope != .anywhere, let elsewhere = try? occurrences(of: quote, in: .anywhere), let first = elsewhere.first {
                message += "; it occurs in \(describe(first.0))"
            }
            throw fail(.anchorMissing, message + "; quote the words exactly as they stand in the motion")
        }
        throw fail(.anchorAmbiguous, "'\(quote)' occurs \(found.count) times in \(place); quote more of the words around it so that it occurs once")
    }

    func occurrences(of quote: String, in scope: Scope) throws(AmendmentError) -> [(Unit, Range<Int>)] {
        let quote = quote.trimmingWhitespace
        guard !quote.isEmpty else { throw fail(.unreadable, "the quoted words are empty") }
        var out: [(Unit, Range<Int>)] = []
        if case .lines(let range) = scope {
            let spans = try lineSpans(range)
            for unit in orderedUnique(spans.map(\.unit)) {
                let shown = spans.filter { $0.unit == unit }.map(\.range)
                for found in QuoteMatcher.occurrences(of: quote, in: base.scalars(of: unit))
                where shown.contains(where: { $0.overlaps(found) }) {
                    out.append((unit, found))
                }
            }
            return out
        }
        for unit in try units(scope) {
            for found in QuoteMatcher.occurrences(of: quote, in: base.scalars(of: unit)) { out.append((unit, found)) }
        }
        return out
    }

    private func orderedUnique(_ units: [Unit]) -> [Unit] {
        var seen = Set<Unit>()
        return units.filter { seen.insert($0).inserted }
    }

    /// The units a scope covers, in reading order.
    private func units(_ scope: Scope) throws(AmendmentError) -> [Unit] {
        switch scope {
        case .anywhere:
            var out: [Unit] = [.title]
            for part in base.parts.indices {
                if part > 0 { out.append(.heading(part)) }
                out += base.parts[part].blocks.indices.map { .block(part, $0) }
            }
            return out
        case .title: return [.title]
        case .heading(let name):
            let part = try self.part(named: name)
            guard part > 0 else { throw fail(.noSuchPlace, "the preamble has no heading") }
            return [.heading(part)]
        case .section(let name):
            let part = try self.part(named: name)
            return (part > 0 ? [.heading(part)] : []) + base.parts[part].blocks.indices.map { .block(part, $0) }
        case .block(let kind, let number, let section):
            let key = try block(kind, number, section)
            return [.block(key.part, key.block)]
        case .lines(let range):
            return orderedUnique(try lineSpans(range).map(\.unit))
        }
    }

    private func singleUnit(_ scope: Scope) throws(AmendmentError) -> Unit {
        let units = try units(scope)
        guard units.count == 1 else {
            throw fail(.noSuchPlace, "\(describe(scope)) is more than one paragraph; name the paragraph or point to add words to")
        }
        return units[0]
    }

    // MARK: Locators

    func part(named name: String) throws(AmendmentError) -> Int {
        switch base.part(named: name) {
        case .found(let part): return part
        case .missing:
            let names = base.parts.indices.dropFirst().map { "'\(base.name(ofPart: $0))'" }.joined(separator: ", ")
            throw fail(.noSuchPlace, "there is no section '\(name)'; the sections are \(names.isEmpty ? "none" : names)")
        case .ambiguous(let parts):
            let names = parts.map { "'\(base.name(ofPart: $0))'" }.joined(separator: " and ")
            throw fail(.noSuchPlace, "'\(name)' could mean \(names); write more of the heading")
        }
    }

    /// The part a block locator means: the named section, or the one section with such blocks.
    private func part(for kind: Block.Kind, section: String?) throws(AmendmentError) -> Int {
        if let section { return try part(named: section) }
        let having = base.parts.indices.filter { !base.blocks(of: kind, inPart: $0).isEmpty }
        if having.count == 1 { return having[0] }
        let noun = kind == .paragraph ? "paragraphs" : "\(kind.rawValue)s"
        if having.isEmpty { throw fail(.noSuchPlace, "the motion has no \(noun)") }
        let names = having.map { "'\(base.name(ofPart: $0))'" }.joined(separator: " and ")
        throw fail(.noSuchPlace, "\(noun) are numbered separately in \(names); say which, for example '\(kind.rawValue) 1 of \(base.name(ofPart: having[0]))'")
    }

    private func block(_ kind: Block.Kind, _ number: Int, _ section: String?) throws(AmendmentError) -> BlockKey {
        let part = try part(for: kind, section: section)
        let indices = base.blocks(of: kind, inPart: part)
        let position = number == -1 ? indices.count : number
        guard position >= 1, position <= indices.count else {
            throw fail(.noSuchPlace, "there is no \(kind.rawValue) \(number) in \(base.name(ofPart: part)), which has \(indices.count) \(kind.rawValue)\(indices.count == 1 ? "" : "s")")
        }
        return BlockKey(part: part, block: indices[position - 1])
    }

    private func lineSpans(_ range: ClosedRange<Int>) throws(AmendmentError) -> [AmendableMotion.LineSpan] {
        guard range.upperBound <= base.lines.count else {
            throw fail(.noSuchPlace, "there is no line \(range.upperBound): the motion has \(base.lines.count) lines (see motion show --line-numbers)")
        }
        return Array(base.lines[(range.lowerBound - 1)..<range.upperBound])
    }

    private func line(_ number: Int) throws(AmendmentError) -> AmendableMotion.LineSpan {
        guard number >= 1 else { throw fail(.noSuchPlace, "lines are numbered from 1") }
        return try lineSpans(number...number)[0]
    }

    /// The lines of a unit, as "lines 4-6".
    func lineRange(of unit: Unit) -> ClosedRange<Int>? {
        let numbers = base.lines(of: unit).map(\.number)
        guard let first = numbers.first, let last = numbers.last else { return nil }
        return first...last
    }

    // MARK: Whole blocks and sections

    private mutating func deleteScope(_ scope: Scope) throws(AmendmentError) {
        let index = instructions.count - 1
        switch scope {
        case .block(let kind, let number, let section):
            try deleteBlock(try block(kind, number, section))
        case .section(let name):
            let part = try part(named: name)
            if part == 0 {
                for block in base.parts[0].blocks.indices { try deleteBlock(BlockKey(part: 0, block: block)) }
            } else {
                if let other = deletedParts[part] {
                    if isSameChange(by: other) { return }
                    throw overlapError(other, index, "section '\(name)'")
                }
                deletedParts[part] = index
            }
        case .lines(let range):
            for unit in try wholeUnits(range) {
                switch unit {
                case .block(let part, let block): try deleteBlock(BlockKey(part: part, block: block))
                case .heading(let part): deletedParts[part] = index
                case .title: break
                }
            }
        case .title:
            throw fail(.noSuchPlace, "a motion needs a title; to change it write: Replace the title with: '...'")
        case .heading:
            throw fail(.noSuchPlace, "a section needs a heading; delete the whole section, or replace the heading")
        case .anywhere:
            throw fail(.unreadable, "say what to delete: a point, paragraph, section or lines, or quote the words")
        }
    }

    private mutating func deleteBlock(_ key: BlockKey) throws(AmendmentError) {
        let index = instructions.count - 1
        if let other = deletedBlocks[key], isSameChange(by: other) { return }
        if let other = deletedBlocks[key] ?? replacedBlocks[key]?.instruction {
            throw overlapError(other, index, describe(.block(key.part, key.block)))
        }
        deletedBlocks[key] = index
    }

    /// Whether the instruction being added makes a change that instruction `other`, of another
    /// amendment, already makes (both delete point 2): at conference that is one change, made
    /// once, not a conflict. The caller has checked the change is the same.
    private func isSameChange(by other: Int) -> Bool {
        let index = instructions.count - 1
        return instructions[other].source != instructions[index].source
    }

    private mutating func replaceScope(_ scope: Scope, with text: String) throws(AmendmentError) {
        let index = instructions.count - 1
        switch scope {
        case .title, .heading:
            let unit = try singleUnit(scope)
            record(unit, TextEdit(range: 0..<scalars(unit).count, replacement: text, instruction: index))
        case .block(let kind, let number, let section):
            let key = try block(kind, number, section)
            if let existing = replacedBlocks[key], existing.text == text, isSameChange(by: existing.instruction) { return }
            if let other = deletedBlocks[key] ?? replacedBlocks[key]?.instruction {
                throw overlapError(other, index, describe(.block(key.part, key.block)))
            }
            replacedBlocks[key] = (text, index)
        case .section, .lines:
            var units = try scope.isLines ? wholeUnits(scope.lineRange!) : self.units(scope)
            if !text.trimmingWhitespace.hasPrefix("#") {
                // New text without a heading replaces the section's text and keeps its heading.
                units.removeAll { if case .heading = $0 { return true } else { return false } }
                if units.isEmpty, case .section(let name) = scope {
                    let part = try part(named: name)
                    insertions.append(Insertion(part: part, before: 0, kind: .paragraph, text: text, instruction: index))
                    return
                }
            }
            let headings = units.compactMap { unit -> Int? in if case .heading(let part) = unit { return part } else { return nil } }
            if let first = headings.first {
                for part in headings { deletedParts[part] = index }
                newSections.append((first, text, index))
                return
            }
            let blocks = units.compactMap { unit -> BlockKey? in
                if case .block(let part, let block) = unit { return BlockKey(part: part, block: block) } else { return nil }
            }
            guard let first = blocks.first else { throw fail(.noSuchPlace, "\(describe(scope)) has no text to replace") }
            for key in blocks.dropFirst() { try deleteBlock(key) }
            if let other = deletedBlocks[first] ?? replacedBlocks[first]?.instruction {
                throw overlapError(other, index, describe(.block(first.part, first.block)))
            }
            replacedBlocks[first] = (text, index)
        case .anywhere:
            throw fail(.unreadable, "say what to replace")
        }
    }

    /// The units lines `range` cover, when they cover each one whole.
    private func wholeUnits(_ range: ClosedRange<Int>) throws(AmendmentError) -> [Unit] {
        let units = orderedUnique(try lineSpans(range).map(\.unit))
        for unit in units {
            let lines = lineRange(of: unit)!
            if !(range.contains(lines.lowerBound) && range.contains(lines.upperBound)) {
                throw fail(.noSuchPlace, "lines \(range.lowerBound)-\(range.upperBound) cover only part of \(describe(unit)) (lines \(lines.lowerBound)-\(lines.upperBound)); to change words there, quote them: Line \(range.lowerBound): delete '...'")
            }
            if case .heading(let part) = unit, let last = base.parts[part].blocks.indices.last,
               let end = lineRange(of: .block(part, last)), !range.contains(end.upperBound) {
                throw fail(.noSuchPlace, "lines \(range.lowerBound)-\(range.upperBound) take the heading of \(base.name(ofPart: part)) but not all of its text (to line \(end.upperBound)); delete the whole section or only its paragraphs")
            }
        }
        return units
    }

    // MARK: New blocks and sections

    /// The part and the base block a new block goes before.
    private mutating func place(_ position: AmendmentInstruction.Position, kind: Block.Kind?) throws(AmendmentError) -> (Int, Int) {
        switch position {
        case .numbered(let number, let section):
            let kind = kind ?? .point
            // With no section named and no such blocks yet, new points go in the last section.
            let part = section == nil && base.parts.allSatisfy({ !$0.blocks.contains { $0.kind == kind } })
                ? base.parts.count - 1 : try self.part(for: kind, section: section)
            let key = "\(part)/\(kind.rawValue)"
            let earlier = numberedAdditions[key, default: 0]
            numberedAdditions[key] = earlier + 1
            let indices = base.blocks(of: kind, inPart: part)
            let position = number - earlier
            guard position >= 1, position <= indices.count + 1 else {
                throw fail(.noSuchPlace, "there is no place for new \(kind.rawValue) \(number) in \(base.name(ofPart: part)), which has \(indices.count) \(kind.rawValue)\(indices.count == 1 ? "" : "s")\(earlier > 0 ? " and \(earlier) new before this one" : ""); the next new one is \(indices.count + 1 + earlier)")
            }
            if position <= indices.count { return (part, indices[position - 1]) }
            return (part, indices.last.map { $0 + 1 } ?? base.parts[part].blocks.count)
        case .after(let scope):
            if case .lines(let range) = scope { return try place(.afterLine(range.upperBound), kind: kind) }
            switch try units(scope).last! {
            case .title: return (0, 0)
            case .heading(let part): return (part, 0)
            case .block(let part, let block):
                if case .section = scope { return (part, base.parts[part].blocks.count) }
                return (part, block + 1)
            }
        case .before(let scope):
            if case .lines(let range) = scope { return try place(.beforeLine(range.lowerBound), kind: kind) }
            switch try units(scope).first! {
            case .title: return (0, 0)
            case .heading(let part): return (part - 1, base.parts[part - 1].blocks.count)
            case .block(let part, let block): return (part, block)
            }
        case .atStart(let section):
            return (section.isEmpty ? 0 : try part(named: section), 0)
        case .atEnd(let section):
            let part = try section.map { (name) throws(AmendmentError) in try self.part(named: name) } ?? base.parts.count - 1
            return (part, base.parts[part].blocks.count)
        case .afterLine(let number):
            let span = try line(number)
            let lines = lineRange(of: span.unit)!
            guard lines.upperBound == number else {
                throw fail(.noSuchPlace, "line \(number) is inside \(describe(span.unit)) (lines \(lines.lowerBound)-\(lines.upperBound)); new text goes after line \(lines.upperBound), its last line")
            }
            switch span.unit {
            case .heading(let part): return (part, 0)
            case .block(let part, let block): return (part, block + 1)
            case .title: return (0, 0)
            }
        case .beforeLine(let number):
            let span = try line(number)
            let lines = lineRange(of: span.unit)!
            guard lines.lowerBound == number else {
                throw fail(.noSuchPlace, "line \(number) is inside \(describe(span.unit)) (lines \(lines.lowerBound)-\(lines.upperBound)); new text goes before line \(lines.lowerBound), its first line")
            }
            switch span.unit {
            case .heading(let part): return (part - 1, base.parts[part - 1].blocks.count)
            case .block(let part, let block): return (part, block)
            case .title: return (0, 0)
            }
        }
    }

    /// A new block's kind when the wording does not say: that of the block before it, else the
    /// one after, else a paragraph.
    private func neighbourKind(part: Int, before: Int) -> Block.Kind {
        let blocks = base.parts[part].blocks
        if before > 0 { return blocks[before - 1].kind }
        return blocks.first?.kind ?? .paragraph
    }

    /// The part a new section goes before.
    private func sectionPlace(_ position: AmendmentInstruction.Position) throws(AmendmentError) -> Int {
        switch position {
        case .after(let scope):
            if case .lines(let range) = scope { return try sectionPlace(.afterLine(range.upperBound)) }
            return (try units(scope).last?.part ?? 0) + 1
        case .before(let scope):
            return max(1, try units(scope).first?.part ?? 1)
        case .atStart: return 1
        case .atEnd(nil): return base.parts.count
        case .atEnd(let name?): return try part(named: name) + 1
        case .numbered: return base.parts.count
        case .afterLine(let number):
            let span = try line(number)
            let part = span.unit.part ?? 0
            let last = base.lines.last { $0.unit.part == part }?.number
            guard last == number else {
                throw fail(.noSuchPlace, "line \(number) is not the last line of a section; a new section goes after line \(last ?? number)")
            }
            return part + 1
        case .beforeLine(let number):
            return max(1, try line(number).unit.part ?? 1)
        }
    }

    // MARK: Messages

    func describe(_ unit: Unit) -> String {
        switch unit {
        case .title: return "the title"
        case .heading(let part): return "the heading of \(base.name(ofPart: part))"
        case .block(let part, let block):
            let kind = base.parts[part].blocks[block].kind
            let number = base.blocks(of: kind, inPart: part).firstIndex(of: block)! + 1
            return "\(kind.rawValue) \(number) of \(base.name(ofPart: part))"
        }
    }

    func describe(_ scope: Scope) -> String {
        switch scope {
        case .anywhere: return "the motion"
        case .title: return "the title"
        case .heading(let name): return "the heading of \(name)"
        case .section(let name): return name
        case .block(let kind, let number, let section):
            return "\(kind.rawValue) \(number == -1 ? "last" : String(number))" + (section.map { " of \($0)" } ?? "")
        case .lines(let range): return range.count == 1 ? "line \(range.lowerBound)" : "lines \(range.lowerBound)-\(range.upperBound)"
        }
    }

    private func overlapError(_ first: Int, _ second: Int, _ what: String) -> AmendmentError {
        let a = instructions[first], b = instructions[second]
        let advice = a.source == b.source
            ? "every instruction refers to the motion as it stands, so combine them into one"
            : "they conflict: the later amendment falls unless the two are composited"
        return AmendmentError(.overlap, line: b.line,
            "\(a.reference) and \(b.reference) both change \(what); \(advice):\n  \(a.reference): \(a.text)\n  \(b.reference): \(b.text)")
    }

    // MARK: Applying

    /// The motion body with every instruction applied, as Markdown (title first).
    func markdown() throws(AmendmentError) -> String {
        try checkOverlaps()
        var title = base.title
        if let edits = textEdits[.title] { title = String(scalars: (TextEdit.apply(edits, to: scalars(.title)))) }
        var body = MarkdownLayout.SourceBody(title: title)
        if let replaceAll {
            body.markdown(replaceAll.text)
            return body.text
        }
        func addSections(before part: Int) {
            for section in newSections where section.before == part { body.markdown(Self.sectionMarkdown(section.text)) }
        }
        for (index, part) in base.parts.enumerated() {
            if index > 0 { addSections(before: index) }
            if deletedParts[index] != nil { continue }
            if index > 0 { body.heading(appliedText(.heading(index))) }
            for block in 0...part.blocks.count {
                for insertion in insertions where insertion.part == index && insertion.before == block {
                    body.markdown(Self.blockMarkdown(insertion.text, kind: insertion.kind))
                }
                guard block < part.blocks.count else { break }
                let key = BlockKey(part: index, block: block)
                if deletedBlocks[key] != nil { continue }
                if let replacement = replacedBlocks[key] {
                    body.markdown(Self.blockMarkdown(replacement.text, kind: part.blocks[block].kind))
                    continue
                }
                // A composite's block keeps its provenance through edits (a replacement, which
                // may be several blocks, and an insertion have none).
                body.block(appliedText(.block(index, block)) + part.blocks[block].trailer, kind: part.blocks[block].kind)
            }
        }
        addSections(before: base.parts.count)
        return body.text
    }

    func appliedText(_ unit: Unit) -> String {
        guard let edits = textEdits[unit] else { return base.text(of: unit) }
        // Two amendments making the very same change make it once.
        var seen = Set<String>()
        let distinct = edits.filter { seen.insert("\($0.range)\u{0}\($0.replacement)").inserted }
        return String(scalars: (TextEdit.apply(distinct, to: scalars(unit))))
    }

    private func checkOverlaps() throws(AmendmentError) {
        for (unit, edits) in textEdits.sorted(by: { $0.key < $1.key }) {
            if let (a, b) = TextEdit.overlap(in: edits) {
                let words = String(scalars: (scalars(unit)[min(a.range.lowerBound, b.range.lowerBound)..<max(a.range.upperBound, b.range.upperBound)]))
                throw overlapError(min(a.instruction, b.instruction), max(a.instruction, b.instruction), "'\(words.trimmingWhitespace)' in \(describe(unit))")
            }
            let first = edits[0].instruction
            switch unit {
            case .block(let part, let block):
                let key = BlockKey(part: part, block: block)
                if let other = deletedBlocks[key] ?? replacedBlocks[key]?.instruction ?? deletedParts[part] {
                    throw overlapError(min(other, first), max(other, first), describe(unit))
                }
            case .heading(let part):
                if let other = deletedParts[part] { throw overlapError(min(other, first), max(other, first), describe(unit)) }
            case .title: break
            }
        }
        // Across amendments: words one quotes to place an insertion that another changes, and
        // different words inserted at one place (their order would be a guess).
        for anchor in anchors {
            for edit in textEdits[anchor.unit] ?? [] where instructions[edit.instruction].source != instructions[anchor.instruction].source {
                let touches = edit.range.isEmpty
                    ? anchor.range.lowerBound < edit.range.lowerBound && edit.range.lowerBound < anchor.range.upperBound
                    : edit.range.overlaps(anchor.range)
                if touches {
                    let words = String(scalars: (scalars(anchor.unit)[anchor.range]))
                    throw overlapError(min(edit.instruction, anchor.instruction), max(edit.instruction, anchor.instruction),
                                       "'\(words)' in \(describe(anchor.unit)), which one quotes and the other changes")
                }
            }
        }
        for (unit, edits) in textEdits.sorted(by: { $0.key < $1.key }) {
            let insertions = edits.filter(\.range.isEmpty).sorted { $0.range.lowerBound < $1.range.lowerBound }
            for (a, b) in zip(insertions, insertions.dropFirst()) where a.range == b.range
                && instructions[a.instruction].source != instructions[b.instruction].source && a.replacement != b.replacement {
                throw overlapError(a.instruction, b.instruction, "the same place in \(describe(unit)), inserting different words")
            }
        }
        if let replaceAll, let other = instructions.indices.first(where: { $0 != replaceAll.instruction && !isTitleOnly(instructions[$0]) }) {
            throw overlapError(min(other, replaceAll.instruction), max(other, replaceAll.instruction), "the whole text")
        }
    }

    private func isTitleOnly(_ instruction: AmendmentInstruction) -> Bool {
        instruction.scope == .title
    }

    static func blockMarkdown(_ text: String, kind: Block.Kind) -> String {
        let paragraphs = text.components(separatedBy: "\n\n").map(\.trimmingWhitespace).filter { !$0.isEmpty }
        // An empty point is still a point ("1. " on its own).
        if paragraphs.isEmpty { return MarkdownLayout.block("", kind: kind) }
        return paragraphs.map { paragraph in
            if paragraph.hasPrefix("#") || startsWithListMarker(paragraph) { return paragraph }
            return MarkdownLayout.block(paragraph, kind: kind)
        }.joined(separator: "\n\n")
    }

    /// "1. ", "2) ", "- ", "* ", "+ ": the text says its own kind.
    static func startsWithListMarker(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(12))
        var index = 0
        while index < bytes.count, index < 9, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        if index > 0 {
            guard index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return false }
            index += 1
        } else {
            guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") else { return false }
            index = 1
        }
        return index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t"))
    }

    static func sectionMarkdown(_ text: String) -> String {
        let text = text.trimmingWhitespace
        if text.hasPrefix(MarkdownLayout.headingMarker) { return text }
        // A new section's heading written as a title ("# ...") is a section heading all the same.
        if text.hasPrefix(MarkdownLayout.titleMarker) { return MarkdownLayout.headingMarker + text.dropFirst(MarkdownLayout.titleMarker.count) }
        return MarkdownLayout.headingMarker + text
    }
}

extension AmendmentInstruction.Scope {
    var isLines: Bool { if case .lines = self { return true } else { return false } }
    var lineRange: ClosedRange<Int>? { if case .lines(let range) = self { return range } else { return nil } }
}
