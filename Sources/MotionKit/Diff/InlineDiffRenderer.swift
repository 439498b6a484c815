/// Renders a diff inline, in one of three notations, with optional context trimming.
///
/// - plain: git's word-diff convention, `[-old-]{+new+}`.
/// - critic: CriticMarkup, `{--old--}`, `{++new++}`, `{~~old~>new~~}`: Markdown that editors
///   with CriticMarkup support show as tracked changes.
/// - color: deletions red and struck through, insertions green (ANSI), for a terminal; moved
///   blocks magenta with a note of where they went or came from (critic: a comment).
///
/// A point whose number alone changed is unchanged text in all three (see ``DiffPiece``).
public struct InlineDiffRenderer: Sendable {
    public enum Notation: Sendable {
        case plain, critic, color
    }

    public var notation: Notation
    /// Lines of context around each change; nil prints everything.
    public var context: Int?

    public init(notation: Notation, context: Int?) {
        self.notation = notation
        self.context = context
    }

    /// One output line with the base and target line numbers where it starts.
    struct Line {
        var text = ""
        var changed = false
        var baseLine: Int
        var targetLine: Int
    }

    public func render(_ pieces: [DiffPiece]) -> String {
        var lines = layOut(pieces)
        // With all context the output is the marked-up text exactly, final line break or not.
        guard let context else { return lines.map(\.text).joined(separator: "\n") }
        if lines.count > 1, lines.last!.text.isEmpty, !lines.last!.changed { lines.removeLast() }
        guard lines.contains(where: \.changed) else { return "" }
        var keep = [Bool](repeating: false, count: lines.count)
        let reach = min(context, lines.count)  // a huge --context must not overflow
        for (index, line) in lines.enumerated() where line.changed {
            for near in max(0, index - reach)...min(lines.count - 1, index + reach) { keep[near] = true }
        }
        var out = ""
        var index = 0
        while index < lines.count {
            guard keep[index] else {
                index += 1
                continue
            }
            out += header("@@ -\(lines[index].baseLine) +\(lines[index].targetLine) @@") + "\n"
            while index < lines.count, keep[index] {
                out += lines[index].text + "\n"
                index += 1
            }
        }
        return out
    }

    private func header(_ text: String) -> String {
        notation == .color ? "\u{1B}[36m\(text)\u{1B}[0m" : text
    }

    /// Splits the marked-up text into lines, noting which hold a change.
    func layOut(_ pieces: [DiffPiece]) -> [Line] {
        var lines = [Line(baseLine: 1, targetLine: 1)]
        var baseLine = 1, targetLine = 1
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            // A deletion directly followed by an insertion is one substitution in CriticMarkup.
            if notation == .critic, piece.style == .deleted, piece.note == nil, index + 1 < pieces.count,
               pieces[index + 1].style == .inserted, pieces[index + 1].note == nil {
                write("{~~" + piece.text + "~>" + pieces[index + 1].text + "~~}", changed: true, into: &lines, base: &baseLine, target: &targetLine,
                      baseNewlines: piece.text.newlineCount, targetNewlines: pieces[index + 1].text.newlineCount)
                index += 2
                continue
            }
            let newlines = piece.text.newlineCount
            switch piece.style {
            case .equal:
                write(piece.text, changed: false, into: &lines, base: &baseLine, target: &targetLine, baseNewlines: newlines, targetNewlines: newlines)
            case .deleted:
                write(mark(piece.text, open: open(.deleted, moved: piece.note != nil), close: close(.deleted)) + note(piece.note), changed: true,
                      into: &lines, base: &baseLine, target: &targetLine, baseNewlines: newlines, targetNewlines: 0)
            case .inserted:
                write(mark(piece.text, open: open(.inserted, moved: piece.note != nil), close: close(.inserted)) + note(piece.note), changed: true,
                      into: &lines, base: &baseLine, target: &targetLine, baseNewlines: 0, targetNewlines: newlines)
            }
            index += 1
        }
        return lines
    }

    /// A moved block's note after its text ("moved from point 6 of ..."): dim in colour, a
    /// CriticMarkup comment in critic; plain keeps git's two marks only.
    private func note(_ note: String?) -> String {
        guard let note else { return "" }
        switch notation {
        case .plain: return ""
        case .critic: return "{>>\(note)<<}"
        case .color: return " \u{1B}[2m(\(note))\u{1B}[0m"
        }
    }

    /// Moved blocks in colour are magenta, as side-by-side marks them moved: neither new nor gone.
    private func open(_ style: DiffPiece.Style, moved: Bool = false) -> String {
        switch (notation, style) {
        case (.color, .deleted) where moved: return "\u{1B}[35;9m"
        case (.color, .inserted) where moved: return "\u{1B}[35m"
        case (.plain, .deleted): return "[-"
        case (.plain, .inserted): return "{+"
        case (.critic, .deleted): return "{--"
        case (.critic, .inserted): return "{++"
        case (.color, .deleted): return "\u{1B}[31;9m"
        case (.color, .inserted): return "\u{1B}[32m"
        default: return ""
        }
    }

    private func close(_ style: DiffPiece.Style) -> String {
        switch (notation, style) {
        case (.plain, .deleted): return "-]"
        case (.plain, .inserted): return "+}"
        case (.critic, .deleted): return "--}"
        case (.critic, .inserted): return "++}"
        case (.color, _): return "\u{1B}[0m"
        default: return ""
        }
    }

    /// Colour codes are closed and reopened at each line end, so that every line stands alone
    /// when context trims the ones around it.
    private func mark(_ text: String, open: String, close: String) -> String {
        guard notation == .color, text.contains("\n") else { return open + text + close }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : open + $0 + close }.joined(separator: "\n")
    }

    private func write(_ text: String, changed: Bool, into lines: inout [Line], base: inout Int, target: inout Int,
                       baseNewlines: Int, targetNewlines: Int) {
        // Split on line breaks by bytes: pieces can be most of a long document.
        var baseSeen = 0, targetSeen = 0
        var rest = Substring(text)
        var first = true
        while true {
            let end = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
            let part = rest[..<end]
            if !first {
                if baseSeen < baseNewlines { base += 1; baseSeen += 1 }
                if targetSeen < targetNewlines { target += 1; targetSeen += 1 }
                lines.append(Line(baseLine: base, targetLine: target))
            }
            lines[lines.count - 1].text += part
            // A change marks every line it spans, so context never splits it across hunks.
            if changed { lines[lines.count - 1].changed = true }
            first = false
            guard end < rest.endIndex else { break }
            rest = rest[rest.utf8.index(after: end)...]
        }
        base += baseNewlines - baseSeen
        target += targetNewlines - targetSeen
    }
}

extension String {
    var newlineCount: Int { utf8.count { $0 == 0x0A } }
}
