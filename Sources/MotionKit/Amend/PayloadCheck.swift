/// Text an amendment would put into the motion, checked for what shows it was misread: words of
/// an instruction, or a quote that does not close. A motion on an agenda with "insert 'and
/// volunteers'" in it is worse than an error, so such text is refused with a message saying
/// what to write instead.
///
/// Motion text may quote words itself ("replace the title 'peer worker' with ..."), so quotes of
/// another kind than the ones around the text are the delegate's own and are left alone; the
/// check looks at quotes of the kind that delimit the text, and at every quote of unquoted text.
enum PayloadCheck {
    /// What is wrong with `text`, or nil when it reads as motion text. `opener` is the quote
    /// mark the wording put before it; nil when the text was not quoted.
    static func problem(in text: String, quotedWith opener: Unicode.Scalar?) -> String? {
        let scalars = Array(text.unicodeScalars)
        let family = opener.flatMap(WordingCursor.closers(for:))
        func suspicious(_ quote: Unicode.Scalar) -> Bool {
            guard let family else { return true }
            return family.contains(quote) || WordingCursor.closers(for: quote) == family
        }
        if opener == nil, let first = scalars.first, let closers = WordingCursor.closers(for: first) {
            guard scalars.dropFirst().contains(where: closers.contains) else {
                return "opens a quote that is never closed; close the quote at the end of the text"
            }
            return "starts with a quote that closes before the instruction ends; put the whole text inside the quotes, and nothing after them but 'and renumber'"
        }
        if opener == nil, let colon = scalars.firstIndex(of: ":"), colon < 40,
           scalars[(colon + 1)...].first(where: { !$0.properties.isWhitespace }).map({ WordingCursor.closers(for: $0) != nil }) == true {
            // "e3: 'x'", "-1: 'x'": a place the tool could not read, then the quoted text.
            return "reads like a place it could not read ('\(String(scalars: scalars[..<colon]))') and then quoted text; check the number or place before the colon"
        }
        if let words = instructionWords(in: scalars, suspicious: suspicious) {
            return "reads like another instruction ('\(words)'); write each change as its own instruction, or quote the new text exactly, with other quote marks inside it"
        }
        if let quote = unbalancedQuote(in: scalars, suspicious: suspicious) {
            return "has a \(quote) that is never closed; check the quotes around the text"
        }
        return nil
    }

    /// A verb of the grammar right before a quote ("insert 'x", "after \"x"), a line, point or
    /// paragraph locator ("in line 4"), or a procedure ("and renumber").
    static func instructionWords(in scalars: [Unicode.Scalar], suspicious: (Unicode.Scalar) -> Bool) -> String? {
        var cursor = WordingCursor(String(scalars: scalars))
        let verbs = ["insert", "add", "delete", "replace with", "replace", "substitute", "after", "before", "and insert"]
        let locators = ["in line", "in lines", "in point", "in paragraph", "line", "lines"]
        while cursor.position < scalars.count {
            let start = cursor.position
            let atWordStart = start == 0 || !isWordScalar(scalars[start - 1])
            if atWordStart {
                var probe = cursor
                if probe.procedure() { return String(scalars: scalars[start..<probe.position]).trimmingWhitespace }
                probe = cursor
                if let verb = probe.keyword(anyOf: verbs) {
                    probe.skip([":"])
                    probe.skipSpace()
                    if probe.atQuote, suspicious(scalars[probe.position]) {
                        return verb + " " + String(scalars: scalars[probe.position...].prefix(20)).trimmingWhitespace
                    }
                }
                probe = cursor
                if let locator = probe.keyword(anyOf: locators), let number = probe.number() {
                    var after = probe
                    after.skipSpace()
                    // "line 4:" or "in line 4, after": a locator, not prose about a line of text.
                    if locator.hasPrefix("in ") || after.position < scalars.count && (scalars[after.position] == ":" || scalars[after.position] == ",") {
                        return "\(locator) \(number)"
                    }
                }
            }
            cursor.position = start + 1
        }
        return nil
    }

    /// A double quote with no partner, or a curly quote opened and not closed. (Straight single
    /// quotes are apostrophes too often to count.)
    static func unbalancedQuote(in scalars: [Unicode.Scalar], suspicious: (Unicode.Scalar) -> Bool) -> String? {
        if suspicious("\""), scalars.count(where: { $0 == "\"" }) % 2 == 1 { return "double quote (\")" }
        if suspicious("\u{201C}"), scalars.count(where: { $0 == "\u{201C}" }) > scalars.count(where: { $0 == "\u{201D}" }) { return "curly double quote (\u{201C})" }
        if suspicious("\u{2018}"), scalars.count(where: { $0 == "\u{2018}" }) > scalars.count(where: { $0 == "\u{2019}" }) { return "curly single quote (\u{2018})" }
        return nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
