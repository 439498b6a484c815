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

    /// The marked-up text in one buffer, line breaks included, and where each line starts.
    struct Layout {
        var bytes: [UInt8] = []
        var lines = [Line(start: 0, baseLine: 1, targetLine: 1)]

        /// One output line: its first byte, whether it holds a change, and the base and target
        /// line numbers where it starts.
        struct Line {
            var start: Int
            var changed = false
            var baseLine: Int
            var targetLine: Int
        }

        /// Line `index`'s bytes, without its line break.
        func text(_ index: Int) -> ArraySlice<UInt8> {
            let end = index + 1 < lines.count ? lines[index + 1].start - 1 : bytes.count
            return bytes[lines[index].start..<end]
        }
    }

    public func render(_ pieces: [DiffPiece]) -> String {
        let layout = layOut(pieces)
        // With all context the output is the marked-up text exactly, final line break or not.
        guard let context else { return String(decoding: layout.bytes, as: UTF8.self) }
        var lines = layout.lines[...]
        if lines.count > 1, lines.last!.start == layout.bytes.count, !lines.last!.changed { lines.removeLast() }
        guard lines.contains(where: { $0.changed }) else { return "" }
        var keep = [Bool](repeating: false, count: lines.count)
        let reach = min(context, lines.count)  // a huge --context must not overflow
        for (index, line) in lines.enumerated() where line.changed {
            for near in max(0, index - reach)...min(lines.count - 1, index + reach) { keep[near] = true }
        }
        var out: [UInt8] = []
        out.reserveCapacity(layout.bytes.count / 2)
        var index = 0
        while index < lines.count {
            guard keep[index] else {
                index += 1
                continue
            }
            out += header("@@ -\(lines[index].baseLine) +\(lines[index].targetLine) @@").utf8
            out.append(0x0A)
            while index < lines.count, keep[index] {
                out += layout.text(index)
                out.append(0x0A)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func header(_ text: String) -> String {
        notation == .color ? "\u{1B}[36m\(text)\u{1B}[0m" : text
    }

    /// Lays the marked-up text out in lines, noting which hold a change.
    func layOut(_ pieces: [DiffPiece]) -> Layout {
        var layout = Layout()
        layout.bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.text.utf8.count + 16 })
        var baseLine = 1, targetLine = 1
        var index = 0
        while index < pieces.count {
            let piece = pieces[index]
            // A deletion directly followed by an insertion is one substitution in CriticMarkup.
            if notation == .critic, piece.style == .deleted, piece.note == nil, index + 1 < pieces.count,
               pieces[index + 1].style == .inserted, pieces[index + 1].note == nil {
                write("{~~" + piece.text + "~>" + pieces[index + 1].text + "~~}", changed: true, into: &layout, base: &baseLine, target: &targetLine,
                      baseNewlines: piece.text.newlineCount, targetNewlines: pieces[index + 1].text.newlineCount)
                index += 2
                continue
            }
            let newlines = piece.text.newlineCount
            switch piece.style {
            case .equal:
                write(piece.text, changed: false, into: &layout, base: &baseLine, target: &targetLine, baseNewlines: newlines, targetNewlines: newlines)
            case .deleted, .inserted:
                let style = piece.style, open = open(style, moved: piece.note != nil), close = close(style)
                let (baseNewlines, targetNewlines) = style == .deleted ? (newlines, 0) : (0, newlines)
                if notation == .color, newlines > 0 {
                    write(mark(piece.text, open: open, close: close) + note(piece.note), changed: true,
                          into: &layout, base: &baseLine, target: &targetLine, baseNewlines: baseNewlines, targetNewlines: targetNewlines)
                } else {
                    // The marks and the note hold no line breaks: written around the text, not
                    // joined to it first.
                    write(open, changed: true, into: &layout, base: &baseLine, target: &targetLine, baseNewlines: 0, targetNewlines: 0)
                    write(piece.text, changed: true, into: &layout, base: &baseLine, target: &targetLine,
                          baseNewlines: baseNewlines, targetNewlines: targetNewlines)
                    write(close + note(piece.note), changed: true, into: &layout, base: &baseLine, target: &targetLine, baseNewlines: 0, targetNewlines: 0)
                }
            }
            index += 1
        }
        return layout
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

    /// Appends `text`, starting a line at each line break: the first `baseNewlines` breaks
    /// advance the base's line number, the first `targetNewlines` the target's.
    private func write(_ text: String, changed: Bool, into layout: inout Layout, base: inout Int, target: inout Int,
                       baseNewlines: Int, targetNewlines: Int) {
        var baseSeen = 0, targetSeen = 0
        var text = text
        text.withUTF8 { bytes in
            var rest = bytes
            while true {
                // A change marks every line it spans, so context never splits it across hunks.
                if changed { layout.lines[layout.lines.count - 1].changed = true }
                guard let end = ByteSearch.firstIndex(of: 0x0A, in: rest) else {
                    layout.bytes.append(contentsOf: rest)
                    break
                }
                layout.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: rest[...end]))
                if baseSeen < baseNewlines { base += 1; baseSeen += 1 }
                if targetSeen < targetNewlines { target += 1; targetSeen += 1 }
                layout.lines.append(Layout.Line(start: layout.bytes.count, baseLine: base, targetLine: target))
                rest = UnsafeBufferPointer(rebasing: rest[(end + 1)...])
            }
        }
        base += baseNewlines - baseSeen
        target += targetNewlines - targetSeen
    }
}

extension String {
    var newlineCount: Int { ByteSearch.count(0x0A, in: self[...]) }
}
