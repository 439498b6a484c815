/// The forms an action takes: new blocks, additions at an edge, spans, sentences, whole
/// replacements, and edits of words inside a place.
extension AmendmentParser.Parsed {
    /// "new point 4 [of S]: ...", "new paragraph after paragraph 2 of S: ...".
    func newBlock(_ cursor: inout WordingCursor, position given: AmendmentInstruction.Position?) throws(AmendmentError) -> AmendmentInstruction.Action {
        _ = cursor.keyword("new") || cursor.keyword("a new")
        let kind = blockKind(&cursor)
        if let token = cursor.malformedNumber() {
            throw error("'\(token)' is not the number of a \(kind?.rawValue ?? "point"); number new blocks 1, 2, 3 or a, b, c")
        }
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
}
