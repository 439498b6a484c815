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

    func peek(_ phrase: String) -> Bool {
        var copy = self
        return copy.keyword(phrase)
    }

    mutating func number() -> Int? {
        skipSpace()
        var index = position
        while index < characters.count, characters[index].value >= 0x30, characters[index].value <= 0x39 { index += 1 }
        if index > position, let value = Int(String(scalars: characters[position..<index])) {
            position = index
            return value
        }
        let words = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10]
        for (word, value) in words where keyword(word) { return value }
        return nil
    }

    /// "first" ... "tenth", "last" (-1).
    mutating func ordinal() -> Int? {
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        for (index, word) in ordinals.enumerated() where keyword(word) { return index + 1 }
        return keyword("last") ? -1 : nil
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

    /// Quoted text that runs to the end of the instruction (allowing a closing full stop and
    /// "and renumber").
    mutating func quotedToEnd() -> String? {
        quoted { cursor in
            _ = cursor.keyword(anyOf: [".", ";", ","])
            _ = cursor.keyword(anyOf: ["and renumber", "(and renumber)"])
            cursor.skip(["(", ")", "."])
            return cursor.atEnd
        }
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

    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
