/// A reading position in one instruction's wording: keywords in any case, numbers, and quoted
/// text in straight or curly, single or double quotes.
struct WordingCursor {
    /// Unicode scalars: quotes, keywords and white space are all single scalars.
    let characters: [Unicode.Scalar]
    var position = 0

    init(_ text: String) {
        characters = Array(text.unicodeScalars)
    }

    var rest: String { String(scalars: characters[position...]) }

    /// White space, answered without a Unicode table lookup for ASCII.
    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    @inline(__always) func isSpace(_ scalar: Unicode.Scalar) -> Bool { Self.isSpace(scalar) }

    mutating func skipSpace() {
        while position < characters.count, isSpace(characters[position]) { position += 1 }
    }

    /// Skips white space and any of `marks` (",", ":").
    mutating func skip(_ marks: Set<Unicode.Scalar>) {
        while position < characters.count, isSpace(characters[position]) || marks.contains(characters[position]) { position += 1 }
    }

    /// Nothing left but white space and a closing full stop or semicolon.
    var atEnd: Bool { Self.isEnd(characters[position...]) }

    static func isEnd(_ tail: ArraySlice<Unicode.Scalar>) -> Bool {
        tail.allSatisfy { isSpace($0) || $0 == "." || $0 == ";" || $0 == "," }
    }

    /// Reads `phrase` (lower-case words separated by single spaces) in any case, each word whole.
    mutating func keyword(_ phrase: String) -> Bool {
        var index = position
        var previous: UInt8 = 0x20
        for byte in phrase.utf8 {
            if byte == 0x20 {
                // A word ends: it must end whole here, then any white space before the next.
                if isWordByte(previous), index < characters.count, isWordCharacter(characters[index]) { return false }
                while index < characters.count, isSpace(characters[index]) { index += 1 }
                previous = byte
                continue
            }
            if previous == 0x20 { while index < characters.count, isSpace(characters[index]) { index += 1 } }
            guard index < characters.count else { return false }
            let character = characters[index]
            if byte < 0x80 {
                guard character.isASCII else { return false }
                let ascii = UInt8(character.value)
                guard (ascii >= 0x41 && ascii <= 0x5A ? ascii + 32 : ascii) == byte else { return false }
            } else {
                // A non-ASCII keyword ("\u{2013}"): compare the whole character.
                let rest = phrase.utf8.drop { $0 != byte }
                return matchNonASCII(String(decoding: rest, as: UTF8.self), from: index)
            }
            index += 1
            previous = byte
        }
        if isWordByte(previous), index < characters.count, isWordCharacter(characters[index]) { return false }
        position = index
        return true
    }

    @inline(__always) private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isWordByte(UInt8(scalar.value) | 0x20) || (scalar.value >= 0x30 && scalar.value <= 0x39) }
        return QuoteMatcher.isWordScalar(scalar)
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private mutating func matchNonASCII(_ text: String, from index: Int) -> Bool {
        var index = index
        for expected in text.unicodeScalars {
            guard index < characters.count, characters[index] == expected else { return false }
            index += 1
        }
        position = index
        return true
    }

    /// The first of `phrases` that reads here.
    mutating func keyword(anyOf phrases: [String]) -> String? {
        phrases.first { keyword($0) }
    }

    /// "Delete all and replace with:", "Delete the whole motion:", but not "delete all after
    /// 'x'", which deletes the words after a quote.
    func peekDeleteAll() -> Bool {
        var probe = self
        guard probe.keyword("delete all") || probe.keyword("delete the whole motion") else { return false }
        return probe.atColonOrEnd || probe.peek("and replace") || probe.peek("and insert") || probe.peek("and substitute")
            || probe.peek("text and replace") || probe.peek("the text and replace")
    }

    /// One of `phrases` reads here, followed by a quote when `thenQuote`.
    func peek(anyOf phrases: [String], thenQuote: Bool) -> Bool {
        var probe = self
        guard probe.keyword(anyOf: phrases) != nil else { return false }
        return probe.atQuote == thenQuote
    }

    /// Only a colon, or nothing, is left before the text: "Add:".
    var atColonOrEnd: Bool {
        var probe = self
        probe.skipSpace()
        return probe.position >= characters.count || characters[probe.position] == ":"
    }

    func peek(_ phrase: String) -> Bool {
        var copy = self
        return copy.keyword(phrase)
    }

    mutating func number() -> Int? {
        skipSpace()
        var index = position
        while index < characters.count, characters[index].value >= 0x30, characters[index].value <= 0x39 { index += 1 }
        if index > position {
            // "1e3" or an overflowing number is no number: never the start of a text.
            guard index - position <= 9, index == characters.count || !characters[index].properties.isAlphabetic,
                  let value = Int(String(scalars: characters[position..<index])) else { return nil }
            position = index
            return value
        }
        let words = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]
        for (word, value) in words where keyword(word) { return value }
        return nil
    }

    /// What looks like a number but is not one a place can have ("1e3", "-1", "0", a number
    /// too long to be a point): the token, to name it in an error.
    func malformedNumber() -> String? {
        var probe = self
        probe.skipSpace()
        let start = probe.position
        var index = start
        if index < characters.count, characters[index] == "-" || characters[index] == "\u{2212}" { index += 1 }
        guard index < characters.count, characters[index].value >= 0x30, characters[index].value <= 0x39 else { return nil }
        while index < characters.count, !WordingCursor.isSpace(characters[index]), !",:;".unicodeScalars.contains(characters[index]) { index += 1 }
        let token = String(scalars: characters[start..<index])
        var copy = probe
        if let number = copy.number(), number >= 1, copy.position == index || copy.position == index - 1 && characters[index - 1] == "." {
            return nil
        }
        return token
    }

    /// "first" ... "tenth", "last" or "final" (-1).
    mutating func ordinal() -> Int? {
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        for (index, word) in ordinals.enumerated() where keyword(word) { return index + 1 }
        return keyword("last") || keyword("final") ? -1 : nil
    }

    /// A block's label as delegates write it: "3", "(3)", "iii", "(c)", "c", "3." — the place of
    /// the block, whichever way the agenda printed it.
    mutating func label() -> Int? {
        var probe = self
        probe.skipSpace()
        let parenthesised = probe.keyword("(")
        if let number = probe.number() {
            if parenthesised { guard probe.keyword(")") else { return nil } }
            self = probe
            return number
        }
        var word = ""
        var index = probe.position
        while index < characters.count, characters[index].isASCII, characters[index].properties.isAlphabetic, word.count < 6 {
            word.unicodeScalars.append(characters[index])
            index += 1
        }
        guard !word.isEmpty else { return nil }
        let after = index < characters.count ? characters[index] : " "
        guard isSpace(after) || ",:;.)".unicodeScalars.contains(after) else { return nil }
        let value: Int?
        if let roman = Self.roman(word.lowercased()) {
            value = roman
        } else if word.count == 1, let letter = word.lowercased().unicodeScalars.first, letter != "i", letter != "v", letter != "x" {
            value = Int(letter.value) - 0x60
        } else {
            value = nil
        }
        guard let value else { return nil }
        probe.position = index
        if parenthesised { guard probe.keyword(")") else { return nil } }
        self = probe
        return value
    }

    /// i, ii, iii, iv, ... xx.
    static func roman(_ word: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10]
        guard !word.isEmpty, word.count <= 5, word.allSatisfy({ values[$0] != nil }) else { return nil }
        let digits = word.map { values[$0]! }
        var total = 0
        for (index, digit) in digits.enumerated() {
            total += index + 1 < digits.count && digit < digits[index + 1] ? -digit : digit
        }
        return (1...20).contains(total) ? total : nil
    }

    var atQuote: Bool {
        var copy = self
        copy.skipSpace()
        return copy.position < characters.count && Self.closers(for: characters[copy.position]) != nil
    }

    static func closers(for opening: Unicode.Scalar) -> Set<Unicode.Scalar>? {
        switch opening {
        case "'", "\u{2018}", "\u{201A}": return ["'", "\u{2019}", "\u{2018}"]
        case "\"", "\u{201C}", "\u{201E}": return ["\"", "\u{201D}", "\u{201C}"]
        default: return nil
        }
    }

    /// Quoted text whose closing quote is the first one after which `follows` reads, so that an
    /// apostrophe inside ("workers' rights") does not end the quote early.
    mutating func quoted(followedBy follows: (inout WordingCursor) -> Bool) -> String? {
        skipSpace()
        guard position < characters.count, let closers = Self.closers(for: characters[position]) else { return nil }
        let start = position + 1
        var index = start
        while index < characters.count {
            if closers.contains(characters[index]) {
                var after = self
                after.position = index + 1
                if follows(&after) {
                    let text = String(scalars: characters[start..<index])
                    position = index + 1
                    return text
                }
            }
            index += 1
        }
        return nil
    }

    /// Quoted text that ends the action: the instruction ends after it (a closing full stop and
    /// a procedure such as "and renumber accordingly" allowed), or another action of the same
    /// sentence starts ("... and after 'c' insert 'd'").
    mutating func quotedToEnd() -> String? {
        quoted { cursor in cursor.actionEnds() }
    }

    /// What delegates write after an edit to say the numbers follow: "and renumber",
    /// "renumber accordingly", "(and reletter)", "and renumber the remaining points". Numbers
    /// always follow here, so it changes nothing; it is read so it is never taken as text.
    mutating func procedure() -> Bool {
        var probe = self
        probe.skip([",", ";", ".", "("])
        _ = probe.keyword("and")
        guard probe.keyword(anyOf: ["renumber", "re-number", "reletter", "re-letter", "renumbering", "relettering"]) != nil else { return false }
        _ = probe.keyword(anyOf: ["accordingly", "as necessary", "as appropriate", "the remaining points", "the remaining paragraphs",
                                  "the remaining clauses", "the remaining bullets", "the points", "the paragraphs", "subsequent points",
                                  "subsequent paragraphs", "the rest"])
        probe.skip([")", "."])
        self = probe
        return true
    }

    /// Whether the action read so far is complete here: the instruction ends (after any
    /// procedure), or a next action of the same sentence starts. Leaves the cursor unmoved.
    func actionEnds() -> Bool {
        var probe = self
        while probe.procedure() {}
        if probe.atEnd { return true }
        return probe.peekNextAction() || probe.peekNextSentence() || probe.peekTrailingPlace()
    }

    /// "in the title", "from paragraph 2", "in lines 3 & 4": the place, written after the
    /// action. It holds no quote marks (quoted words would be another action's).
    func peekTrailingPlace() -> Bool {
        var probe = self
        probe.skip([","])
        guard probe.keyword(anyOf: ["in", "from", "within"]) != nil else { return false }
        return !characters[probe.position...].contains { WordingCursor.closers(for: $0) != nil }
    }

    /// ". In point 3, ...": a full stop or semicolon, then a new instruction with its own place.
    func peekNextSentence() -> Bool {
        var probe = self
        probe.skipSpace()
        guard probe.position < characters.count, characters[probe.position] == "." || characters[probe.position] == ";" else { return false }
        probe.skip([".", ";"])
        return AmendmentParser.instructionStart(probe.rest) != nil
    }

    /// The verbs that start another action on the same place.
    static let actionVerbs = ["after", "before", "delete", "replace", "insert", "add", "substitute", "amend"]

    /// "and after '...'", "; delete '...'", ", and insert ...": another action follows.
    func peekNextAction() -> Bool {
        var probe = self
        probe.skip([",", ";"])
        let joined = probe.keyword("and also") || probe.keyword("and then") || probe.keyword("and")
        let separated = characters[position...].prefix { WordingCursor.isSpace($0) || $0 == "," || $0 == ";" }.contains(";")
        guard joined || separated else { return false }
        return WordingCursor.actionVerbs.contains { probe.peek($0) }
    }

    /// Reads the join before a next action ("and", ";"), when one follows.
    mutating func nextAction() -> Bool {
        guard peekNextAction() else { return false }
        skip([",", ";"])
        _ = keyword("and also") || keyword("and then") || keyword("and")
        return true
    }

    /// Quoted text followed by one of `phrases` (after an optional comma).
    mutating func quoted(before phrases: [String]) -> String? {
        quoted { cursor in
            cursor.skip([","])
            return phrases.contains { cursor.peek($0) }
        }
    }

    /// The text an instruction adds: after an optional colon, quoted to the end or, unquoted,
    /// everything left (which may run over several lines).
    mutating func payload() -> String? {
        skip([":", ","])
        if atQuote, let text = quotedToEnd() { return text }
        // A quote closed before words the instruction cannot read: the quoted text, so that the
        // error names what follows it and what was read, rather than text pasted with its quotes.
        if atQuote, let text = quoted(followedBy: { cursor in
            cursor.position >= cursor.characters.count || WordingCursor.isSpace(cursor.characters[cursor.position])
                || ".,;:)".unicodeScalars.contains(cursor.characters[cursor.position])
        }) { return text }
        guard position < characters.count else { return nil }
        var text = rest
        position = characters.count
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text.isEmpty ? nil : text
    }

    /// A section name, up to a comma or colon, " and ..." or the end.
    mutating func sectionName() -> String? {
        skipSpace()
        if atQuote, let name = quoted(followedBy: { cursor in
            cursor.skip([",", ":"])
            return true
        }) { return name }
        var index = position
        var end = characters.count
        while index < characters.count {
            let character = characters[index]
            if character == "," { end = index; break }
            if character == ":", index + 1 == characters.count || isSpace(characters[index + 1]) || Self.closers(for: characters[index + 1]) != nil {
                end = index
                break
            }
            if character == " " {
                var probe = self
                probe.position = index
                if probe.peek("and replace") || probe.peek("and insert") || probe.peek("and renumber") || probe.peek("and substitute")
                    || probe.peek("with") { end = index; break }
            }
            if character == ".", Self.isEnd(characters[(index + 1)...]) { end = index; break }
            index += 1
        }
        let name = String(scalars: characters[position..<end]).trimmingWhitespace
        position = end
        return name.isEmpty ? nil : name
    }
}

extension String {
    /// A string from Unicode scalars, encoded in one pass.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        self = String(decoding: bytes, as: UTF8.self)
    }

    /// The last place `needle` stands, compared scalar by scalar. Not Foundation's
    /// `range(of:options: .backwards)`: it stops the process on text holding NUL (a fuzz finding).
    func lastRange(of needle: String) -> Range<String.Index>? {
        let scalars = unicodeScalars
        let haystack = Array(scalars), pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
        for start in stride(from: haystack.count - pattern.count, through: 0, by: -1)
        where haystack[start..<start + pattern.count].elementsEqual(pattern) {
            let lower = scalars.index(scalars.startIndex, offsetBy: start)
            return lower..<scalars.index(lower, offsetBy: pattern.count)
        }
        return nil
    }

    var trimmingWhitespace: String {
        // On bytes where the white space is ASCII and a visible ASCII character stands inside it
        // (or nothing does): each of those bytes is then a character of its own, as no
        // combining mark follows it. Most texts have nothing to trim and are not copied.
        let bytes = utf8
        var low = bytes.startIndex, high = bytes.endIndex
        while low < high, ASCII.isWhitespace(bytes[low]) { low = bytes.index(after: low) }
        while high > low, ASCII.isWhitespace(bytes[bytes.index(before: high)]) { high = bytes.index(before: high) }
        if low == high { return "" }
        if bytes[low] < 0x80, bytes[bytes.index(before: high)] < 0x80 {
            return low == bytes.startIndex && high == bytes.endIndex ? self : String(self[low..<high])
        }
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
