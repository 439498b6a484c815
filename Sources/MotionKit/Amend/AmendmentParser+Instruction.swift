/// One instruction read from its first word: what it does, several actions in one sentence,
/// the checks that nothing is read wrongly, and additions.
extension AmendmentParser.Parsed {
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
        // The new words come after what they replace or follow: the last place they stand.
        guard !text.isEmpty, let range = self.text.lastRange(of: text), range.lowerBound > self.text.startIndex else { return nil }
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
}
