/// Reads amendment wording (the grammar is in docs/amendments.md) into instructions.
///
/// It accepts what delegates write: keywords in any case, straight or curly quotes, "insert" or
/// "add", instructions numbered "1." or "(a)" or not at all, one per paragraph or line.
public enum AmendmentParser {
    /// Parses the wording; `firstLine` is the line of `text`'s first line in its file.
    ///
    /// Every word must belong to an instruction the grammar knows, and no text to insert may read
    /// like an instruction itself; otherwise that instruction is refused. Every problem of the
    /// wording is reported at once (the first error carries the others), each with its line and
    /// what the tool could read.
    public static func parse(_ text: String, firstLine: Int = 1) throws(AmendmentError) -> [AmendmentInstruction] {
        var instructions: [AmendmentInstruction] = []
        var (chunks, problems) = self.chunks(text, firstLine: firstLine)
        for chunk in chunks {
            var cursor = WordingCursor(chunk.body)
            let partial = Parsed(line: chunk.line, text: chunk.body)
            do {
                for (scope, action) in try partial.instructions(&cursor) {
                    let (placed, placedAction) = chunk.context.map { within($0, scope, action) } ?? (scope, action)
                    instructions.append(AmendmentInstruction(label: chunk.label, number: instructions.count + 1, line: chunk.line,
                                                             text: chunk.body, scope: placed, action: placedAction))
                }
            } catch {
                problems.append(error)
            }
        }
        if let first = problems.first { throw first.with(more: Array(problems.dropFirst())) }
        guard !instructions.isEmpty else {
            throw AmendmentError(.unreadable, "the amendment has no instructions; write for example: In point 2, after 'workers' insert 'and survivor researchers'.")
        }
        return instructions
    }

    /// An instruction read under a context line ("Conference resolves:"): what it leaves
    /// unplaced is placed in that section.
    static func within(_ section: String, _ scope: AmendmentInstruction.Scope,
                       _ action: AmendmentInstruction.Action) -> (AmendmentInstruction.Scope, AmendmentInstruction.Action) {
        var scope = scope, action = action
        switch scope {
        case .anywhere where action.wordChange != nil: scope = .section(section)
        case .block(let kind, let number, nil): scope = .block(kind: kind, number: number, section: section)
        case .anywhere, .title, .heading, .section, .block, .lines: break
        }
        if case .addBlock(let kind, let position, let text) = action {
            switch position {
            case .numbered(let number, nil): action = .addBlock(kind: kind, position: .numbered(number, section: section), text: text)
            case .atEnd(nil): action = .addBlock(kind: kind, position: .atEnd(section: section), text: text)
            case .numbered(_, .some), .atEnd(.some), .after, .before, .atStart, .afterLine, .beforeLine: break
            }
        }
        return (scope, action)
    }

    // MARK: Splitting into instructions

    struct Chunk {
        var line: Int
        var label: String?
        var body: String
        /// The place a context line before it set ("Conference resolves:"), if any.
        var context: String?
    }

    static let startWords: Set<String> = ["in", "at", "after", "before", "delete", "add", "insert", "replace", "line", "lines", "amend", "from"]

    /// An instruction starts on a line that begins (after an optional "1." or "(a)") with one of
    /// the grammar's first words; other lines continue the instruction before them. After
    /// "Delete all and replace with" the rest of the text is the new wording.
    static func chunks(_ text: String, firstLine: Int) -> (chunks: [Chunk], problems: [AmendmentError]) {
        var chunks: [Chunk] = []
        var problems: [AmendmentError] = []
        var leadingLines = 0
        var takingRest = false
        var openQuote = false
        // After an instruction ending in a colon ("Insert new point after point 6:"), its text
        // follows on the next lines, whatever they start with, until a blank line and then a
        // line that reads as an instruction on its own.
        var takingText = false
        var previousBlank = false
        var context: String?
        for (offset, rawLine) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let bytes = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine
            let line = String(decoding: bytes, as: UTF8.self)
            let number = firstLine + offset
            let blank = line.trimmingWhitespace.isEmpty
            defer { previousBlank = blank }
            var continues = openQuote || chunks.last.map { $0.body.hasSuffix("\\") } == true && !takingRest
            if takingText, !blank {
                // Text after "...:" ends only where a whole instruction stands after a blank line.
                let starts = previousBlank && instructionStart(line).map { _, body in
                    var cursor = WordingCursor(body)
                    return (try? Parsed(line: number, text: body).instructions(&cursor)) != nil
                } == true
                if !starts { continues = true } else { takingText = false }
            }
            if !continues, !takingRest, let place = contextLine(line), chunks.last.map { $0.body.trimmingWhitespace.hasSuffix(":") } != true {
                // "Conference resolves:" on its own line: the place of the instructions after it.
                context = place
                continue
            }
            if continues {
                // Inside a quote that runs over lines, or after a hard line break ("\\" at the
                // end of a line), the line goes on the instruction before, whatever it starts with.
                openQuote = openQuote && !closesQuote(line)
            } else if !takingRest, let (label, body) = instructionStart(line) {
                chunks.append(Chunk(line: number, label: label, body: body, context: context))
                var probe = WordingCursor(body)
                takingRest = probe.peekDeleteAll()
                openQuote = opensQuote(body)
                takingText = !takingRest && body.trimmingWhitespace.hasSuffix(":")
                continue
            }
            if chunks.isEmpty {
                let trimmed = line.trimmingWhitespace
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                // The first such line is reported; the rest before the first instruction counted.
                if problems.isEmpty {
                    problems.append(AmendmentError(.unreadable, line: number,
                        "line \(number): '\(trimmed.prefix(60))' is not an amendment instruction; instructions begin with In, Line, After, Delete, Add or Insert, for example: In point 2, after 'workers' insert 'and survivor researchers'."))
                } else {
                    leadingLines += 1
                }
                continue
            }
            chunks[chunks.count - 1].body += "\n" + line
        }
        if leadingLines > 0 {
            problems[0].message += " \(leadingLines) more line\(leadingLines == 1 ? "" : "s") before the first instruction \(leadingLines == 1 ? "is" : "are") not instructions either."
        }
        return (chunks.map { chunk in
            var chunk = chunk
            chunk.body = chunk.body.trimmingWhitespace
            return chunk
        }, problems)
    }

    /// A line that only names a place, ending in a colon: "Conference resolves:", "Amend
    /// Conference notes:", "In Conference believes:". Nil for anything else.
    static func contextLine(_ line: String) -> String? {
        var text = line.trimmingWhitespace
        if let length = labelLength(Substring(text)) { text = String(text.dropFirst(length)) }
        guard text.hasSuffix(":"), text.count > 1 else { return nil }
        text.removeLast()
        guard !text.contains(where: { WordingCursor.closers(for: $0.unicodeScalars.first!) != nil }),
              text.split(separator: " ").count <= 10 else { return nil }
        var cursor = WordingCursor(text)
        _ = cursor.keyword("amend") || cursor.keyword("in") || cursor.keyword("within")
        // A line that is itself an instruction ("Add new point 4:") is not a context.
        if instructionStart(text) != nil, !(line.trimmingWhitespace.lowercased().hasPrefix("amend ") || line.trimmingWhitespace.lowercased().hasPrefix("in ")) {
            return nil
        }
        if startsWithPlace(text + ",") { return nil }
        let place = cursor.rest.trimmingWhitespace
        return place.isEmpty ? nil : place
    }

    /// A quote opened after a colon ("...: '## New section") and not closed on the same line
    /// runs over the lines that follow, whatever they start with, to the line that closes it.
    static func opensQuote(_ line: String) -> Bool {
        guard line.utf8.contains(0x3A) else { return false }
        let scalars = Array(line.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":") else { return false }
        var index = colon + 1
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        guard index < scalars.count, "'\"\u{2018}\u{201C}".unicodeScalars.contains(scalars[index]) else { return false }
        let rest = scalars[(index + 1)...]
        // A quote that only closes ("to:'.") opens nothing.
        guard rest.contains(where: { !$0.properties.isWhitespace && $0 != "." && $0 != ";" }) else { return false }
        return !closesQuote(String(scalars: (rest)))
    }

    static func closesQuote(_ line: String) -> Bool {
        var scalars = Array(line.trimmingWhitespace.unicodeScalars)
        if let last = scalars.last, last == "." || last == ";" { scalars.removeLast() }
        guard let last = scalars.last else { return false }
        return "'\"\u{2019}\u{201D}".unicodeScalars.contains(last)
    }

    /// A quote with a leading or trailing ellipsis ("'...the interests of'") means those words
    /// in the middle of the text: the ellipsis is not part of them.
    static func withoutEllipsis(_ quote: String) -> String {
        var text = Substring(quote)
        for mark in ["...", "\u{2026}"] {
            if text.hasPrefix(mark), text.count > mark.count { text = text.dropFirst(mark.count) }
            if text.hasSuffix(mark), text.count > mark.count { text = text.dropLast(mark.count) }
        }
        return String(text).trimmingWhitespace
    }

    /// A line that starts with a place and then a comma or colon: "Point 2, ...", "First
    /// paragraph: ...", "The second point of Conference resolves, ...". Only block places: a
    /// section's name is free text that a new paragraph may start with too.
    static func startsWithPlace(_ text: String) -> Bool {
        var cursor = WordingCursor(text)
        _ = cursor.keyword("the")
        let parsed = Parsed(line: 0, text: text)
        // A numbered rule or clause ("Rule 12.6, ...") names its section as well as a block does.
        var numbered = cursor
        let rule = numbered.keyword(anyOf: ["rule", "clause", "standing order"]) != nil && numbered.number() != nil
        guard rule || cursor.ordinal() != nil || parsed.blockKind(&cursor) != nil else { return false }
        cursor = WordingCursor(text)
        switch try? parsed.scope(&cursor) {
        case .block?: break
        case .section?: guard rule else { return false }
        default: return false
        }
        cursor.skipSpace()
        return cursor.position < cursor.characters.count && (cursor.characters[cursor.position] == "," || cursor.characters[cursor.position] == ":")
    }

    /// The label and the rest when `line` starts an instruction.
    static func instructionStart(_ line: String) -> (String?, String)? {
        var text = Substring(line)
        while let first = text.first, first == " " || first == "\t" || first == "*" || first == "-" && text.dropFirst().first == " " {
            text.removeFirst()
        }
        var label: String?
        if let length = labelLength(text) {
            label = String(text.prefix(length)).trimmingWhitespace
            text = text.dropFirst(length)
        }
        // The first word, lower-cased from its bytes, is all that decides.
        var first = ""
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            guard lower >= 0x61 && lower <= 0x7A else { break }
            first.unicodeScalars.append(Unicode.Scalar(lower))
        }
        guard startWords.contains(first) || startsWithPlace(String(text)) else { return nil }
        return (label, String(text))
    }

    /// The length of a leading "1.", "2)", "1.2.", "(a)", "b." or "(iv)" and the space after it.
    static func labelLength(_ text: Substring) -> Int? {
        let characters = Array(text.prefix(16))
        var index = 0
        if index < characters.count, characters[index] == "(" { index += 1 }
        let start = index
        if index < characters.count, characters[index].isASCII, characters[index].isNumber {
            while index < characters.count, characters[index].isASCII, characters[index].isNumber || characters[index] == "."
                && index + 1 < characters.count && characters[index + 1].isNumber { index += 1 }
        } else {
            while index < characters.count, index - start < 5, characters[index].isASCII, characters[index].isLetter { index += 1 }
            let word = String(characters[start..<index]).lowercased()
            guard word.count == 1 || word.allSatisfy({ "ivx".contains($0) }) else { return nil }
        }
        guard index > start, index < characters.count, characters[index] == "." || characters[index] == ")" else { return nil }
        index += 1
        guard index < characters.count, characters[index] == " " || characters[index] == "\t" else { return nil }
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        return index
    }

    // MARK: One instruction

    private struct Parsed {
        var line: Int
        var text: String

        func error(_ message: String) -> AmendmentError {
            AmendmentError(.unreadable, line: line, "line \(line): \(message): \(text.prefix(120))\(text.count > 120 ? "..." : "") (see docs/amendments.md for the wording the tool reads)")
        }

        /// Every action of one instruction: usually one; "after 'a' insert 'b' and after 'c'
        /// insert 'd'" is two on the same place, and "... . In point 3, delete 'e'." starts a
        /// new one. Whatever is left unread is an error that says what was read.
        func instructions(_ cursor: inout WordingCursor) throws(AmendmentError) -> [(AmendmentInstruction.Scope, AmendmentInstruction.Action)] {
            if let several = try deleteSeveral(&cursor) { return several }
            var out = [try checked(try instruction(&cursor))]
            while true {
                while cursor.procedure() {}
                if cursor.atEnd { return out }
                if out.allSatisfy({ $0.0 == .anywhere && $0.1.wordChange != nil }),
                   cursor.keyword("in") || cursor.keyword("from") || cursor.keyword("within") {
                    // The place after the action: "Replace 'a' with 'b' in the title".
                    let place = try scope(&cursor)
                    out = out.map { (place, $0.1) }
                    continue
                }
                do {
                    if cursor.nextAction() {
                        let scope = out[out.count - 1].0
                        out.append(try checked((scope, try textAction(&cursor, scope: scope))))
                        continue
                    }
                    if cursor.peekNextSentence() {
                        cursor.skip([".", ";"])
                        out.append(try checked(try instruction(&cursor)))
                        continue
                    }
                } catch {
                    throw AmendmentError(error.reason, line: line, error.message + "; the tool read it as far as: " + reading(out))
                }
                cursor.skip([".", ";", ","])
                let unread = cursor.rest.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespace
                throw AmendmentError(.unreadable, line: line,
                    "line \(line): cannot read '\(unread.prefix(120))' at the end of this instruction; the tool read it as far as: \(reading(out)) (see docs/amendments.md for the wording the tool reads)")
            }
        }

        /// What was read, as the tool would write it: the closest reading it can offer.
        func reading(_ actions: [(AmendmentInstruction.Scope, AmendmentInstruction.Action)]) -> String {
            actions.map { WordingRenderer().render(AmendmentInstruction(label: nil, number: 1, line: line, text: "", scope: $0.0, action: $0.1)) }
                .joined(separator: " ")
        }

        /// The quote mark right before `text` in the instruction, nil when it was written unquoted.
        func quoteBefore(_ text: String) -> Unicode.Scalar? {
            guard !text.isEmpty, let range = self.text.range(of: text), range.lowerBound > self.text.startIndex else { return nil }
            let before = self.text.unicodeScalars[self.text.unicodeScalars.index(before: range.lowerBound)]
            return WordingCursor.closers(for: before) != nil ? before : nil
        }

        /// Refuses text to insert that reads like an instruction or holds an unbalanced quote:
        /// it would be pasted into the motion (see ``PayloadCheck``).
        func checked(_ parsed: (AmendmentInstruction.Scope, AmendmentInstruction.Action)) throws(AmendmentError) -> (AmendmentInstruction.Scope, AmendmentInstruction.Action) {
            for text in parsed.1.payloads {
                if let problem = PayloadCheck.problem(in: text, quotedWith: quoteBefore(text)) {
                    throw error("the text to insert, '\(text.prefix(80))\(text.count > 80 ? "..." : "")', \(problem)")
                }
            }
            return parsed
        }

        func instruction(_ cursor: inout WordingCursor) throws(AmendmentError) -> (AmendmentInstruction.Scope, AmendmentInstruction.Action) {
            if cursor.peekDeleteAll() {
                _ = cursor.keyword("delete all") || cursor.keyword("delete the whole motion")
                _ = cursor.keyword(anyOf: ["and replace with", "and insert", "and substitute"])
                guard let text = cursor.payload() else { throw error("give the new text after 'Delete all and replace with:'") }
                return (.anywhere, .replaceAll(text))
            }
            if cursor.peek(anyOf: ["amend"], thenQuote: true) {
                // "Amend 'x' to 'y'."
                return (.anywhere, try textAction(&cursor, scope: .anywhere))
            }
            if cursor.keyword("in") || cursor.keyword("amend") || cursor.keyword("within") {
                let scope = try self.scope(&cursor)
                cursor.skip([",", ":"])
                if let whole = try wholeReplacement(&cursor) { return (scope, whole) }
                return (scope, try textAction(&cursor, scope: scope))
            }
            if AmendmentParser.startsWithPlace(cursor.rest) {
                // The place first, without "In": "Point 2, replace ...", "First paragraph: delete ...".
                let scope = try self.scope(&cursor)
                cursor.skip([",", ":"])
                if let whole = try wholeReplacement(&cursor) { return (scope, whole) }
                if cursor.peek("delete"), !cursor.peek(anyOf: ["delete"], thenQuote: true), !cursor.peek("delete the word"), !cursor.peek("delete from"),
                   !cursor.peek("delete all after") {
                    _ = cursor.keyword("delete")
                    return (scope, try scopeReplacement(&cursor))
                }
                return (scope, try textAction(&cursor, scope: scope))
            }
            if cursor.keyword("after line") || cursor.keyword("before line") || cursor.keyword("insert after line")
                || cursor.keyword("add after line") || cursor.keyword("insert before line") || cursor.keyword("add before line") {
                let before = String(scalars: cursor.characters[..<cursor.position]).lowercased().contains("before")
                guard let line = cursor.number() else { throw error("give a line number after 'line'") }
                cursor.skip([","])
                _ = cursor.keyword(anyOf: ["insert", "add"])
                let position: AmendmentInstruction.Position = before ? .beforeLine(line) : .afterLine(line)
                if cursor.keyword("new section") || cursor.keyword("a new section") {
                    guard let text = cursor.payload() else { throw error("give the new section, starting with its heading") }
                    return (.anywhere, .addSection(position: position, text: text))
                }
                return (.anywhere, try newBlock(&cursor, position: position))
            }
            if cursor.keyword("line") || cursor.keyword("lines") || cursor.keyword("from line") {
                let scope = try lines(&cursor)
                cursor.skip([",", ":"])
                return (scope, try textAction(&cursor, scope: scope))
            }
            if cursor.keyword("at the end of") || cursor.keyword("at end of") || cursor.keyword("at the start of")
                || cursor.keyword("at the beginning of") || cursor.keyword("at start of") {
                let atEnd = String(scalars: cursor.characters[..<cursor.position]).lowercased().contains("end")
                let scope = try self.scope(&cursor)
                cursor.skip([","])
                _ = cursor.keyword(anyOf: ["insert", "add"])
                return try addAtEdge(&cursor, scope: scope, atEnd: atEnd)
            }
            if let sentence = try sentence(&cursor) { return sentence }
            if cursor.keyword("delete") {
                if let (action, place) = try span(&cursor) { return (place ?? .anywhere, action) }
                if cursor.peek(anyOf: ["the words", "the word"], thenQuote: true) {
                    _ = cursor.keyword("the words") || cursor.keyword("the word")
                }
                if cursor.atQuote { return (.anywhere, try textAction(&cursor, scope: .anywhere, after: "delete")) }
                let scope = try self.scope(&cursor)
                return (scope, try scopeReplacement(&cursor))
            }
            if cursor.keyword("replace") {
                if cursor.atQuote { return (.anywhere, try textAction(&cursor, scope: .anywhere, after: "replace")) }
                let scope = try self.scope(&cursor)
                guard cursor.keyword("with") || cursor.keyword("by"), let text = cursor.payload() else {
                    throw error("write what replaces it: Replace point 3 with: '...'")
                }
                return (scope, .replaceScope(text))
            }
            if cursor.keyword("add") || cursor.keyword("insert") {
                return try add(&cursor)
            }
            if cursor.peek("after") || cursor.peek("before"), let heading = headingNamed(&cursor) {
                // "After 'Conference resolves', delete '(this year)'": the heading that reads so.
                return (.heading(section: heading), try textAction(&cursor, scope: .heading(section: heading)))
            }
            if cursor.peek("after") || cursor.peek("before") {
                return (.anywhere, try textAction(&cursor, scope: .anywhere))
            }
            throw error("cannot read this instruction")
        }

        // "Add ..." / "Insert ...": new blocks, new sections, or words at an edge.
        func add(_ cursor: inout WordingCursor) throws(AmendmentError) -> (AmendmentInstruction.Scope, AmendmentInstruction.Action) {
            if cursor.peek("to"), !cursor.peek("to read") {
                // "Add to 'Conference notes' section: ...", "Add to point 5: ', and ...'".
                _ = cursor.keyword("to")
                _ = cursor.keyword("the end of")
                let place = try scope(&cursor)
                _ = cursor.keyword("section")
                return try addAtEdge(&cursor, scope: place, atEnd: true)
            }
            if cursor.peek(anyOf: ["after", "before"], thenQuote: true) {
                // "Add after 'x' - 'y'", "Insert after 'x': 'y'", "Add after 'x' the words 'y'".
                let after = cursor.keyword("after")
                if !after { _ = cursor.keyword("before") }
                guard let quoted = cursor.quoted(followedBy: { c in
                    c.skip([",", ":", "-", "\u{2013}", "\u{2014}"])
                    _ = c.keyword("the words") || c.keyword("the word")
                    return c.atQuote || c.position >= c.characters.count
                }) else { throw error("quote the words it goes \(after ? "after" : "before"), then the words to add: Add after 'workers' - 'and researchers'") }
                cursor.skip([",", ":", "-", "\u{2013}", "\u{2014}"])
                _ = cursor.keyword("the words") || cursor.keyword("the word")
                guard let text = cursor.payload() else { throw error("give the words to add") }
                let anchor = AmendmentParser.withoutEllipsis(quoted)
                return (.anywhere, after ? .insertAfter(anchor: anchor, text: text) : .insertBefore(anchor: anchor, text: text))
            }
            if cursor.atColonOrEnd {
                // "Add:" and the new text: a new paragraph, point or bullet at the end.
                guard let text = cursor.payload() else { throw error("give the text to add after 'Add:'") }
                return (.anywhere, .addBlock(kind: nil, position: .atEnd(section: nil), text: text))
            }
            if cursor.keyword("at the end of") || cursor.keyword("at end of") {
                return try addAtEdge(&cursor, scope: try scope(&cursor), atEnd: true)
            }
            if cursor.keyword("at the start of") || cursor.keyword("at the beginning of") || cursor.keyword("at start of") {
                return try addAtEdge(&cursor, scope: try scope(&cursor), atEnd: false)
            }
            if cursor.keyword("at the end") || cursor.keyword("at end") {
                guard let text = cursor.payload() else { throw error("give the text to add") }
                return (.anywhere, .addBlock(kind: nil, position: .atEnd(section: nil), text: text))
            }
            if cursor.keyword("new section") || cursor.keyword("a new section") {
                let position: AmendmentInstruction.Position
                if cursor.keyword("after") { position = .after(try scope(&cursor)) }
                else if cursor.keyword("before") { position = .before(try scope(&cursor)) }
                else if cursor.keyword("at the start") || cursor.keyword("at start") { position = .atStart(section: "") }
                else { _ = cursor.keyword("at the end") || cursor.keyword("at end"); position = .atEnd(section: nil) }
                guard let text = cursor.payload() else { throw error("give the new section, starting with its heading") }
                return (.anywhere, .addSection(position: position, text: text))
            }
            if cursor.keyword("new") || cursor.keyword("a new") {
                return (.anywhere, try newBlock(&cursor, position: nil))
            }
            if cursor.atQuote, let (first, second, text) = between(&cursor) {
                return (.anywhere, .replace(first + " " + second, with: first + " " + text + " " + second))
            }
            if cursor.atQuote {
                guard let text = cursor.quoted(before: ["after", "before"]) else { throw error("say where: Insert '...' after '...'") }
                let after = cursor.keyword("after")
                if !after { _ = cursor.keyword("before") }
                guard let anchor = cursor.quotedToEnd() else { throw error("quote the words it goes \(after ? "after" : "before")") }
                return (.anywhere, after ? .insertAfter(anchor: anchor, text: text) : .insertBefore(anchor: anchor, text: text))
            }
            throw error("cannot read what to add; write for example: Add new point 4: '...'")
        }

        /// "'high' between 'keep' and 'pay'": the words to add and the two they go between.
        func between(_ cursor: inout WordingCursor) -> (String, String, String)? {
            var probe = cursor
            guard let text = probe.quoted(before: ["between"]), probe.keyword("between"),
                  let first = probe.quoted(before: ["and"]), probe.keyword("and"), let second = probe.quotedToEnd() else { return nil }
            cursor = probe
            return (AmendmentParser.withoutEllipsis(first), AmendmentParser.withoutEllipsis(second), text)
        }

        /// A quoted heading used as a place: "After 'Conference resolves', delete ...": the
        /// quote is followed by an action other than an insertion, so it names a heading.
        func headingNamed(_ cursor: inout WordingCursor) -> String? {
            var probe = cursor
            _ = probe.keyword("after") || probe.keyword("before")
            guard probe.atQuote, let name = probe.quoted(followedBy: { c in
                c.skip([",", ":"])
                return c.peek("delete") || c.peek("replace") || c.peek("amend") || c.peek("substitute")
            }) else { return nil }
            probe.skip([",", ":"])
            cursor = probe
            return name
        }

        /// "new point 4 [of S]: ...", "new paragraph after paragraph 2 of S: ...".
        func newBlock(_ cursor: inout WordingCursor, position given: AmendmentInstruction.Position?) throws(AmendmentError) -> AmendmentInstruction.Action {
            _ = cursor.keyword("new") || cursor.keyword("a new")
            let kind = blockKind(&cursor)
            var position = given
            if position == nil {
                if let number = cursor.label() {
                    var section: String?
                    if cursor.keyword("of") || cursor.keyword("to") || cursor.keyword("in") { section = cursor.sectionName() }
                    position = .numbered(number, section: section)
                } else if cursor.keyword("after") {
                    position = .after(try scope(&cursor))
                } else if cursor.keyword("before") {
                    position = .before(try scope(&cursor))
                } else if cursor.keyword("at the end of") || cursor.keyword("at end of") || cursor.keyword("to") {
                    position = .atEnd(section: cursor.sectionName())
                } else if cursor.keyword("at the start of") || cursor.keyword("at the beginning of") {
                    guard let name = cursor.sectionName() else { throw error("name the section") }
                    position = .atStart(section: name)
                } else {
                    position = .atEnd(section: nil)
                }
            }
            guard let text = cursor.payload() else { throw error("give the text of the new \(kind?.rawValue ?? "paragraph")") }
            return .addBlock(kind: kind, position: position!, text: text)
        }

        func addAtEdge(_ cursor: inout WordingCursor, scope: AmendmentInstruction.Scope, atEnd: Bool) throws(AmendmentError) -> (AmendmentInstruction.Scope, AmendmentInstruction.Action) {
            guard let text = cursor.payload() else { throw error("give the text to add") }
            switch scope {
            case .section(let name):
                return (.anywhere, .addBlock(kind: nil, position: atEnd ? .atEnd(section: name) : .atStart(section: name), text: text))
            case .anywhere:
                return (.anywhere, .addBlock(kind: nil, position: .atEnd(section: nil), text: text))
            case .title, .heading, .block, .lines:
                return (scope, atEnd ? .append(text) : .prepend(text))
            }
        }

        /// "Delete points 3 and 4", "Delete the third and fourth clauses [of S]", "Delete
        /// paragraphs 1, 2 and 3 of S": each block deleted, as one instruction each.
        func deleteSeveral(_ cursor: inout WordingCursor) throws(AmendmentError) -> [(AmendmentInstruction.Scope, AmendmentInstruction.Action)]? {
            var probe = cursor
            guard probe.keyword("delete") else { return nil }
            _ = probe.keyword("the")
            var numbers: [Int] = []
            let plurals: [(String, Block.Kind)] = [("points", .point), ("clauses", .point), ("items", .point), ("paragraphs", .paragraph),
                                                   ("bullets", .bullet), ("bullet points", .bullet)]
            var kind = plurals.first { probe.keyword($0.0) }?.1
            repeat {
                probe.skip([","])
                _ = probe.keyword("and")
                guard let number = kind == nil ? probe.ordinal() : probe.label() else { break }
                numbers.append(number)
            } while true
            if kind == nil { kind = plurals.first { probe.keyword($0.0) }?.1 }
            guard let kind, numbers.count >= 2 else { return nil }
            cursor = probe
            let section = blockSection(&cursor)
            while cursor.procedure() {}
            guard cursor.atEnd else { throw error("cannot read '\(cursor.rest.trimmingWhitespace)' after the \(kind.rawValue)s to delete") }
            return numbers.map { (.block(kind: kind, number: $0, section: section), .deleteScope) }
        }

        /// "Delete the second sentence of paragraph 1", "Replace the last sentence of point 3 with
        /// '...'", "Delete the first and second sentences of ..." (each its own action).
        func sentence(_ cursor: inout WordingCursor) throws(AmendmentError) -> (AmendmentInstruction.Scope, AmendmentInstruction.Action)? {
            var probe = cursor
            guard let verb = probe.keyword(anyOf: ["delete", "replace", "amend"]) else { return nil }
            _ = probe.keyword("the")
            guard let number = probe.ordinal(), probe.keyword("sentence") else { return nil }
            guard probe.keyword("of") || probe.keyword("in") else { throw error("say which text the sentence is in: the second sentence of paragraph 1") }
            cursor = probe
            let place = try scope(&cursor)
            if verb == "delete" { return (place, .replaceSentence(number: number, with: "")) }
            guard cursor.keyword("with") || cursor.keyword("to read") || cursor.keyword("by"), let text = cursor.payload() else {
                throw error("give the sentence that replaces it: Replace the second sentence of paragraph 1 with '...'")
            }
            return (place, .replaceSentence(number: number, with: text))
        }

        /// After "delete": "from 'A' to 'B' inclusive", "from 'A' to the end", "all after 'A'
        /// [in line 8] [and insert 'T']": a span of words, and the place when it is named
        /// between the quotes and the new words.
        func span(_ cursor: inout WordingCursor) throws(AmendmentError) -> (AmendmentInstruction.Action, AmendmentInstruction.Scope?)? {
            var probe = cursor
            let keepFrom: Bool
            if probe.keyword("from") {
                keepFrom = false
            } else if probe.keyword(anyOf: ["all after", "everything after", "all the words after", "all words after", "the rest after",
                                            "all text after", "everything following", "all following"]) != nil {
                keepFrom = true
            } else {
                return nil
            }
            guard probe.atQuote else { return nil }
            cursor = probe
            let ends = ["up to and including", "up to", "to", "through", "until", "in", "within", "and insert", "and replace with", "and substitute", "and add"]
            guard let from = cursor.quoted(followedBy: { c in
                c.skip([","])
                return ends.contains { c.peek($0) } || c.actionEnds()
            }) else { throw error("close the quote around the words where the deletion starts") }
            var through: String?
            cursor.skip([","])
            if cursor.keyword(anyOf: ["up to and including", "up to", "to", "through", "until"]) != nil {
                if cursor.keyword("the end") {
                    _ = cursor.keyword("of the paragraph") || cursor.keyword("of the point") || cursor.keyword("of the line")
                } else {
                    guard let last = cursor.quoted(followedBy: { c in
                        c.skip([","])
                        return c.peek("inclusive") || c.peek("in") || c.peek("within") || c.peek("and insert") || c.peek("and replace with")
                            || c.peek("and substitute") || c.actionEnds()
                    }) else { throw error("quote the words where the deletion ends: delete from 'A' to 'B' inclusive") }
                    through = AmendmentParser.withoutEllipsis(last)
                    _ = cursor.keyword("inclusive") || cursor.keyword("inclusively")
                }
            } else if !keepFrom {
                throw error("say where the deletion ends: delete from 'A' to 'B' inclusive, or from 'A' to the end")
            }
            var place: AmendmentInstruction.Scope?
            var probePlace = cursor
            probePlace.skip([","])
            if probePlace.keyword("in") || probePlace.keyword("within") {
                cursor = probePlace
                place = try scope(&cursor)
            }
            var replacement = ""
            cursor.skip([","])
            if cursor.keyword(anyOf: ["and insert", "and replace with", "and replace it with", "and substitute", "and add"]) != nil {
                guard let text = cursor.payload() else { throw error("give the words that go in their place") }
                replacement = text
            }
            return (.replaceSpan(from: AmendmentParser.withoutEllipsis(from), through: through, keepFrom: keepFrom, with: replacement), place)
        }

        /// "to read: '...'", "so that it reads: '...'": the place's whole text replaced.
        func wholeReplacement(_ cursor: inout WordingCursor) throws(AmendmentError) -> AmendmentInstruction.Action? {
            guard cursor.keyword(anyOf: ["to read", "so that it reads", "so it reads", "so as to read"]) != nil else { return nil }
            guard let text = cursor.payload() else { throw error("give the text it is to read") }
            return .replaceScope(text)
        }

        /// After "Delete <scope>": "and renumber", "and replace with: ...".
        func scopeReplacement(_ cursor: inout WordingCursor) throws(AmendmentError) -> AmendmentInstruction.Action {
            while cursor.procedure() {}
            cursor.skip([","])
            if cursor.keyword(anyOf: ["and replace it with", "and replace with", "and insert", "and substitute", "and add"]) != nil {
                guard let text = cursor.payload() else { throw error("give the text that replaces it") }
                return .replaceScope(text)
            }
            return .deleteScope
        }

        /// What an instruction does to words inside its scope.
        func textAction(_ cursor: inout WordingCursor, scope: AmendmentInstruction.Scope, after consumed: String? = nil) throws(AmendmentError) -> AmendmentInstruction.Action {
            let verb = consumed ?? cursor.keyword(anyOf: ["after", "before", "delete", "replace", "substitute", "add", "insert", "amend"])
            // "delete the words '...'", "replace the word '...'".
            if verb == "delete" || verb == "replace" || verb == "amend" { _ = cursor.keyword("the words") || cursor.keyword("the word") }
            switch verb {
            case "after", "before":
                guard let quoted = cursor.quoted(before: ["insert", "add"]) else {
                    throw error("quote the words it goes \(verb!), then say what to insert: \(verb!) 'workers' insert '...'")
                }
                let anchor = AmendmentParser.withoutEllipsis(quoted)
                cursor.skip([","])
                _ = cursor.keyword(anyOf: ["insert", "add"])
                guard let text = cursor.payload() else { throw error("give the words to insert after \(verb!) '\(anchor)'") }
                return verb == "after" ? .insertAfter(anchor: anchor, text: text) : .insertBefore(anchor: anchor, text: text)
            case "delete":
                if let (action, place) = try span(&cursor) {
                    guard place == nil || scope == .anywhere else { throw error("name the place once") }
                    return action
                }
                if !cursor.atQuote {
                    return try scopeReplacement(&cursor)
                }
                let joins = ["and replace it with", "and replace with", "and insert", "and substitute", "and add", "and put"]
                guard let quoted = cursor.quoted(followedBy: { c in
                    c.skip([","])
                    return joins.contains { c.peek($0) } || c.actionEnds()
                }) else { throw error("close the quote around the words to delete") }
                let old = AmendmentParser.withoutEllipsis(quoted)
                var join = cursor
                join.skip([","])
                if join.keyword(anyOf: joins) != nil {
                    cursor = join
                    guard let new = cursor.payload() else { throw error("give the words that replace '\(old)'") }
                    return .replace(old, with: new)
                }
                return .delete(old)
            case "replace", "substitute", "amend":
                let joins = verb == "amend" ? ["to read", "to"] : ["with", "by", "for"]
                guard let quoted = cursor.quoted(before: joins) else {
                    throw error(verb == "amend" ? "write it as: amend 'old words' to 'new words'" : "write it as: replace 'old words' with 'new words'")
                }
                let old = AmendmentParser.withoutEllipsis(quoted)
                _ = cursor.keyword(anyOf: joins)
                guard let new = cursor.payload() else { throw error("give the words that replace '\(old)'") }
                return .replace(old, with: new)
            case "add", "insert":
                if cursor.keyword("at the end") || cursor.keyword("at end") {
                    guard let text = cursor.payload() else { throw error("give the words to add") }
                    return .append(text)
                }
                if cursor.keyword("at the start") || cursor.keyword("at the beginning") || cursor.keyword("at start") {
                    guard let text = cursor.payload() else { throw error("give the words to add") }
                    return .prepend(text)
                }
                if cursor.peek("new") || cursor.peek("a new") {
                    var action = try newBlock(&cursor, position: nil)
                    // "In Conference notes, add new paragraph 2: ..." numbers within that section.
                    if case .section(let name) = scope, case .addBlock(let kind, let position, let text) = action {
                        switch position {
                        case .numbered(let n, nil): action = .addBlock(kind: kind, position: .numbered(n, section: name), text: text)
                        case .atEnd(nil): action = .addBlock(kind: kind, position: .atEnd(section: name), text: text)
                        case .numbered(_, .some), .atEnd(.some), .after, .before, .atStart, .afterLine, .beforeLine: break
                        }
                    }
                    return action
                }
                if cursor.atQuote, let (first, second, text) = between(&cursor) {
                    // "Insert 'high' between 'keep' and 'pay'": the two words stand together.
                    return .replace(first + " " + second, with: first + " " + text + " " + second)
                }
                if cursor.atQuote, let text = cursor.quoted(before: ["after", "before"]) {
                    let after = cursor.keyword("after")
                    if !after { _ = cursor.keyword("before") }
                    guard let anchor = cursor.quotedToEnd() else { throw error("quote the words it goes \(after ? "after" : "before")") }
                    return after ? .insertAfter(anchor: anchor, text: text) : .insertBefore(anchor: anchor, text: text)
                }
                guard let text = cursor.payload() else { throw error("give the words to add") }
                return .append(text)
            default:
                throw error("say what to do: after '...' insert '...', delete '...', or delete '...' and replace with '...'")
            }
        }

        // MARK: Locators

        func scope(_ cursor: inout WordingCursor) throws(AmendmentError) -> AmendmentInstruction.Scope {
            cursor.skipSpace()
            if cursor.keyword("the title") || cursor.keyword("title") { return .title }
            if cursor.keyword("the heading of") || cursor.keyword("heading of") || cursor.keyword("the heading") {
                guard let name = cursor.sectionName() else { throw error("name the section whose heading changes") }
                return .heading(section: name)
            }
            if cursor.keyword("lines") || cursor.keyword("line") || cursor.keyword("from line") { return try lines(&cursor) }
            if cursor.keyword("the preamble") || cursor.keyword("preamble") { return .section("preamble") }
            if cursor.peek("the") {
                var probe = cursor
                _ = probe.keyword("the")
                if let ordinal = probe.ordinal() {
                    if let kind = blockKind(&probe) {
                        cursor = probe
                        return try narrowed(.block(kind: kind, number: ordinal, section: blockSection(&cursor)), &cursor)
                    }
                }
            }
            var probe = cursor
            if let ordinal = probe.ordinal(), let kind = blockKind(&probe) {
                // "First paragraph", "final bullet".
                cursor = probe
                return try narrowed(.block(kind: kind, number: ordinal, section: blockSection(&cursor)), &cursor)
            }
            probe = cursor
            if let kind = blockKind(&probe), let number = probe.label() {
                cursor = probe
                return try narrowed(.block(kind: kind, number: number, section: blockSection(&cursor)), &cursor)
            }
            _ = cursor.keyword("the section") || cursor.keyword("section")
            guard let name = cursor.sectionName() else { throw error("say where: a point, paragraph, section, line or the title") }
            // "In Conference believes, paragraph 2, ...": the section, then the block in it.
            probe = cursor
            probe.skip([","])
            if let kind = blockKind(&probe), let number = probe.label() {
                cursor = probe
                return try narrowed(.block(kind: kind, number: number, section: name), &cursor)
            }
            return .section(name)
        }

        /// "In paragraph 2, line 3, ...": printed agendas count lines through the whole motion,
        /// so the line is the place.
        func narrowed(_ scope: AmendmentInstruction.Scope, _ cursor: inout WordingCursor) throws(AmendmentError) -> AmendmentInstruction.Scope {
            var probe = cursor
            probe.skip([","])
            guard probe.keyword("lines") || probe.keyword("line") else { return scope }
            cursor = probe
            return try lines(&cursor)
        }

        func blockSection(_ cursor: inout WordingCursor) -> String? {
            guard cursor.keyword("of") || cursor.keyword("in") else { return nil }
            _ = cursor.keyword("the section") || cursor.keyword("section")
            return cursor.sectionName()
        }

        func blockKind(_ cursor: inout WordingCursor) -> Block.Kind? {
            if cursor.keyword("action point") || cursor.keyword("point") || cursor.keyword("item") || cursor.keyword("numbered point")
                || cursor.keyword("clause") { return .point }
            if cursor.keyword("bullet point") || cursor.keyword("bullet") { return .bullet }
            if cursor.keyword("paragraph") || cursor.keyword("para") { return .paragraph }
            return nil
        }

        func lines(_ cursor: inout WordingCursor) throws(AmendmentError) -> AmendmentInstruction.Scope {
            guard let first = cursor.number() else { throw error("give the line number") }
            var last = first
            cursor.skipSpace()
            if cursor.keyword("-") || cursor.keyword("\u{2013}") || cursor.keyword("to") {
                _ = cursor.keyword("line")
                guard let end = cursor.number() else { throw error("give the last line of the range") }
                last = end
            } else {
                // "lines 1 & 2", "lines 2 and 3": lines next to each other.
                var probe = cursor
                if probe.keyword("&") || probe.keyword("and"), let next = probe.number() {
                    guard next == first + 1 else {
                        throw error("lines \(first) and \(next) are not next to each other; write an instruction for each line, or name the lines from \(first) to \(next)")
                    }
                    cursor = probe
                    last = next
                }
            }
            guard first >= 1, last >= first else { throw error("lines \(first)-\(last) is not a range of lines") }
            return .lines(first...last)
        }
    }
}
