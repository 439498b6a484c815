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
                    var instruction = AmendmentInstruction(label: chunk.label, number: instructions.count + 1, line: chunk.line,
                                                           text: chunk.body, scope: placed, action: placedAction)
                    instruction.eachLine = partial.notes.linesOneByOne
                    instructions.append(instruction)
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
        let introduced = cursor.keyword("amend") || cursor.keyword("in") || cursor.keyword("within")
        // A line that is itself an instruction ("Add new point 4:") is not a context.
        if !introduced, instructionStart(text) != nil { return nil }
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
            let lower = ASCII.lowercased(byte)
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
            // Character by character: String(_:) of a slice of characters is generic, and asks
            // the runtime for a conformance on first use (a scan of the whole table).
            var word = ""
            for character in characters[start..<index] { word.append(character) }
            word = word.lowercased()
            guard word.count == 1 || word.allSatisfy({ "ivx".contains($0) }) else { return nil }
        }
        guard index > start, index < characters.count, characters[index] == "." || characters[index] == ")" else { return nil }
        index += 1
        guard index < characters.count, characters[index] == " " || characters[index] == "\t" else { return nil }
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        return index
    }

    // MARK: One instruction

    /// One instruction being read: its line and text, for messages. Its grammar is in the
    /// AmendmentParser+*.swift files: instructions, their forms, and places.
    struct Parsed {
        var line: Int
        var text: String
        /// What reading noticed beyond the places and actions it returns.
        let notes = Notes()

        final class Notes {
            /// Lines were named one by one ("lines 2 and 3"), not as a range ("lines 2-3").
            var linesOneByOne = false
        }

        func error(_ message: String) -> AmendmentError {
            AmendmentError(.unreadable, line: line, "line \(line): \(message): \(text.prefix(120))\(text.count > 120 ? "..." : "") (see docs/amendments.md for the wording the tool reads)")
        }
    }
}
