/// Writes instructions as the wording delegates read, in the grammar ``AmendmentParser`` reads.
struct WordingRenderer {
    /// The quote marks: straight single by default; curly double when the text needs them.
    var open: String = "'"
    var close: String = "'"

    func quote(_ text: String) -> String { open + text + close }

    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]

    /// An instruction ends with a full stop, unless its last quote ends the sentence already.
    static func ending(_ sentence: String) -> String {
        let scalars = Array(sentence.unicodeScalars)
        if scalars.count >= 2, "'\u{201D}".unicodeScalars.contains(scalars[scalars.count - 1]),
           ".!?".unicodeScalars.contains(scalars[scalars.count - 2]) {
            return sentence
        }
        return sentence + "."
    }

    func render(_ instruction: AmendmentInstruction) -> String {
        Self.ending(sentence(instruction))
    }

    private func sentence(_ instruction: AmendmentInstruction) -> String {
        let action = instruction.action
        switch action {
        case .append(let text):
            return "Add at end of \(locator(instruction.scope)): \(quote(text))"
        case .prepend(let text):
            return "Add at the start of \(locator(instruction.scope)): \(quote(text))"
        case .deleteScope:
            return "Delete \(locator(instruction.scope))"
        case .replaceScope(let text):
            if instruction.scope == .title { return "Replace the title with: \(quote(text))" }
            return "Delete \(locator(instruction.scope)) and replace with: \(quote(text))"
        case .addBlock(let kind, let position, let text):
            let noun = (kind ?? .paragraph).rawValue
            switch position {
            case .numbered(let number, let section):
                return "Add new \(noun) \(number)\(section.map { " of \(sectionName($0))" } ?? ""): \(quote(text))"
            case .after(let scope): return "Add new \(noun) after \(locator(scope)): \(quote(text))"
            case .before(let scope): return "Add new \(noun) before \(locator(scope)): \(quote(text))"
            case .atStart(let section): return "Add new \(noun) at the start of \(sectionName(section)): \(quote(text))"
            case .atEnd(let section?): return "Add new \(noun) at the end of \(sectionName(section)): \(quote(text))"
            case .atEnd(nil): return "Add new \(noun): \(quote(text))"
            case .afterLine(let line): return "After line \(line), insert new \(noun): \(quote(text))"
            case .beforeLine(let line): return "Before line \(line), insert new \(noun): \(quote(text))"
            }
        case .addSection(let position, let text):
            let place: String
            switch position {
            case .after(let scope): place = "Add new section after \(locator(scope))"
            case .before(let scope): place = "Add new section before \(locator(scope))"
            case .afterLine(let line): place = "After line \(line), insert new section"
            case .beforeLine(let line): place = "Before line \(line), insert new section"
            case .atStart: place = "Add new section at the start"
            // After a named section is where "at the end of" it puts a new section.
            case .atEnd(let section?): place = "Add new section after \(locator(.section(section)))"
            // A new section is not numbered: "new section N" means at the end.
            case .atEnd(nil), .numbered: place = "Add new section at the end"
            }
            return place + ": " + quote(text)
        case .replaceAll(let text):
            return "Delete all and replace with:\n\n" + text
        case .insertAfter(let anchor, let text):
            return prefix(instruction.scope) + "after \(quote(anchor)) insert \(quote(text))"
        case .insertBefore(let anchor, let text):
            return prefix(instruction.scope) + "before \(quote(anchor)) insert \(quote(text))"
        case .delete(let old):
            return prefix(instruction.scope) + "delete \(quote(old))"
        case .replaceSentence(let number, let text):
            let ordinal = number == -1 ? "last" : WordingRenderer.ordinals.indices.contains(number - 1) ? WordingRenderer.ordinals[number - 1] : "\(number)th"
            let what = "the \(ordinal) sentence of \(locator(instruction.scope))"
            return text.isEmpty ? "Delete \(what)" : "Replace \(what) with \(quote(text))"
        case .replaceSpan(let from, let through, let keepFrom, let text):
            var span = keepFrom ? "delete all after \(quote(from))" : "delete from \(quote(from))"
            switch (through, keepFrom) {
            case (let through?, false): span += " to \(quote(through)) inclusive"
            case (let through?, true): span += " up to and including \(quote(through))"
            case (nil, false): span += " to the end"
            case (nil, true): break
            }
            return prefix(instruction.scope) + span + (text.isEmpty ? "" : " and insert \(quote(text))")
        case .replace(let old, let new):
            return prefix(instruction.scope) + "delete \(quote(old)) and replace with \(quote(new))"
        }
    }

    /// "In point 2, " or "Line 12: ".
    private func prefix(_ scope: AmendmentInstruction.Scope) -> String {
        if case .lines = scope {
            let text = locator(scope)
            return text.prefix(1).uppercased() + text.dropFirst() + ": "
        }
        return "In \(locator(scope)), "
    }

    func locator(_ scope: AmendmentInstruction.Scope) -> String {
        switch scope {
        case .anywhere: return "the motion"
        case .title: return "the title"
        case .heading(let section): return "the heading of \(sectionName(section))"
        case .section(let name): return "section \(sectionName(name))"
        case .block(let kind, let number, let section):
            return "\(kind.rawValue) \(number)" + (section.map { " of \(sectionName($0))" } ?? "")
        case .lines(let range):
            return range.count == 1 ? "line \(range.lowerBound)" : "lines \(range.lowerBound)-\(range.upperBound)"
        }
    }

    /// A section name, quoted when its own punctuation would end it early.
    func sectionName(_ name: String) -> String {
        if name == "the preamble" { return name }
        let needsQuotes = name.contains(",") || name.contains(":") || name.contains(" and ") || name.contains(" with")
            || name.lowercased().hasPrefix("the ") || name.hasSuffix(".")
        return needsQuotes ? quote(name) : name
    }
}
