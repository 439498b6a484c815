/// Places: the title, a heading, a section, a block by number, label or ordinal, lines.
extension AmendmentParser.Parsed {
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
        if blockKind(&probe) != nil, let token = probe.malformedNumber() {
            throw error("'\(token)' is not the number of a point or paragraph; they are numbered from 1")
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
                notes.linesOneByOne = true
            }
        }
        guard first >= 1, last >= first else { throw error("lines \(first)-\(last) is not a range of lines") }
        return .lines(first...last)
    }
}
