import MotionDiff

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
        var bytes = ByteWriter()
        var lines = [Line(start: 0, baseLine: 1, targetLine: 1)]

        /// One output line: its first byte, whether it holds a change, and the base and target
        /// line numbers where it starts. Sixteen bytes: a long diff has thousands of lines, and
        /// every fresh page of them costs a fault.
        struct Line {
            private var first: Int32
            private var base: Int32
            private var target: Int32
            var changed = false

            init(start: Int, baseLine: Int, targetLine: Int) {
                first = Int32(start)
                base = Int32(baseLine)
                target = Int32(targetLine)
            }

            var start: Int { Int(first) }
            var baseLine: Int { Int(base) }
            var targetLine: Int { Int(target) }
        }

        /// Appends a change's mark (it holds no line break) and notes the line holds a change.
        mutating func writeMark(_ mark: StaticString) {
            mark.withUTF8Buffer { bytes.append($0) }
            lines[lines.count - 1].changed = true
        }

        /// Line `index`'s bytes, without its line break.
        func text(_ index: Int) -> Range<Int> {
            lines[index].start..<(index + 1 < lines.count ? lines[index + 1].start - 1 : bytes.count)
        }
    }

    public func render(_ pieces: [DiffPiece]) -> String {
        bytes(DiffRuns(pieces)).string
    }

    /// The diff's pieces rendered straight from their bytes, with no String per piece.
    public func render(_ diff: DocumentDiff) -> String {
        bytes(diff.runs).string
    }

    /// The rendering as UTF-8, for output that is written, not read again: no String is made.
    public func utf8(_ diff: DocumentDiff) -> [UInt8] {
        bytes(diff.runs).bytes()
    }

    private func bytes(_ runs: consuming DiffRuns) -> ByteWriter {
        let layout = layOut(runs)
        // The runs are freed before the output is made: it can take their memory, not fresh
        // pages (each a fault).
        _ = consume runs
        // With all context the output is the marked-up text exactly, final line break or not.
        guard let context else { return layout.bytes }
        let lines = layout.lines
        // An empty last line after a final line break is no line of the text.
        var lineCount = lines.count
        if lineCount > 1, lines[lineCount - 1].start == layout.bytes.count, !lines[lineCount - 1].changed { lineCount -= 1 }
        guard lines[..<lineCount].contains(where: { $0.changed }) else { return ByteWriter() }
        var keep = [Bool](repeating: false, count: lineCount)
        let reach = min(context, lineCount)  // a huge --context must not overflow
        for index in 0..<lineCount where lines[index].changed {
            for near in max(0, index - reach)...min(lineCount - 1, index + reach) { keep[near] = true }
        }
        // The output's size, a header counted at its longest: made once, at about that size.
        var size = 0
        for index in 0..<lineCount where keep[index] {
            size += layout.text(index).count + 1 + (index == 0 || !keep[index - 1] ? Self.longestHeader : 0)
        }
        var out = ByteWriter(capacity: size)
        var index = 0
        layout.bytes.withUnsafeBufferPointer { bytes in
            while index < lineCount {
                guard keep[index] else {
                    index += 1
                    continue
                }
                out.append(header("@@ -\(lines[index].baseLine) +\(lines[index].targetLine) @@"))
                out.append(0x0A)
                while index < lineCount, keep[index] {
                    out.append(UnsafeBufferPointer(rebasing: bytes[layout.text(index)]))
                    out.append(0x0A)
                    index += 1
                }
            }
        }
        return out
    }

    /// "@@ -N +N @@" with two 20-digit numbers, in colour, and its line break.
    private static let longestHeader = 70

    private func header(_ text: String) -> String {
        notation == .color ? "\u{1B}[36m\(text)\u{1B}[0m" : text
    }

    /// Lays the marked-up text out in lines, noting which hold a change.
    func layOut(_ input: DiffRuns) -> Layout {
        var layout = Layout()
        layout.bytes = ByteWriter(capacity: input.runs.reduce(0) { $0 + $1.range.count + 5 })
        var baseLine = 1, targetLine = 1
        let runs = input.runs
        input.bytes.withUnsafeBufferPointer { bytes in
            func text(_ run: DiffRuns.Run) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[run.range]) }
            var index = 0
            while index < runs.count {
                let run = runs[index]
                // A deletion directly followed by an insertion is one substitution in CriticMarkup.
                if notation == .critic, run.style == .deleted, !run.hasNote, index + 1 < runs.count,
                   runs[index + 1].style == .inserted, !runs[index + 1].hasNote {
                    let old = text(run), new = text(runs[index + 1])
                    var substitution = Array("{~~".utf8)
                    substitution += old
                    substitution += "~>".utf8
                    substitution += new
                    substitution += "~~}".utf8
                    substitution.withUnsafeBufferPointer {
                        write($0, changed: true, into: &layout, base: &baseLine, target: &targetLine,
                              baseNewlines: Self.newlines(in: old), targetNewlines: Self.newlines(in: new))
                    }
                    index += 2
                    continue
                }
                let newlines = Self.newlines(in: text(run))
                switch run.style {
                case .equal:
                    write(text(run), changed: false, into: &layout, base: &baseLine, target: &targetLine, baseNewlines: newlines, targetNewlines: newlines)
                case .deleted, .inserted:
                    let style = run.style, open = open(style, moved: run.hasNote), close = close(style)
                    let (baseNewlines, targetNewlines) = style == .deleted ? (newlines, 0) : (0, newlines)
                    if notation == .color, newlines > 0 {
                        write(mark(String(decoding: text(run), as: UTF8.self), open: open, close: close) + note(input.note(of: run)), changed: true,
                              into: &layout, base: &baseLine, target: &targetLine, baseNewlines: baseNewlines, targetNewlines: targetNewlines)
                    } else {
                        // The marks and the note hold no line breaks: written around the text, not
                        // joined to it first.
                        layout.writeMark(open)
                        write(text(run), changed: true, into: &layout, base: &baseLine, target: &targetLine,
                              baseNewlines: baseNewlines, targetNewlines: targetNewlines)
                        layout.writeMark(close)
                        if run.hasNote {
                            write(note(input.note(of: run)), changed: true, into: &layout, base: &baseLine, target: &targetLine,
                                  baseNewlines: 0, targetNewlines: 0)
                        }
                    }
                }
                index += 1
            }
        }
        return layout
    }

    private static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var rest = bytes
        while let index = ByteSearch.firstIndex(of: 0x0A, in: rest) {
            count += 1
            rest = UnsafeBufferPointer(rebasing: rest[(index + 1)...])
        }
        return count
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
    private func open(_ style: DiffPiece.Style, moved: Bool = false) -> StaticString {
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

    private func close(_ style: DiffPiece.Style) -> StaticString {
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
    private func mark(_ text: String, open: StaticString, close: StaticString) -> String {
        let open = open.description, close = close.description
        guard notation == .color, text.contains("\n") else { return open + text + close }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : open + $0 + close }.joined(separator: "\n")
    }

    /// Appends `text`, starting a line at each line break: the first `baseNewlines` breaks
    /// advance the base's line number, the first `targetNewlines` the target's.
    private func write(_ text: String, changed: Bool, into layout: inout Layout, base: inout Int, target: inout Int,
                       baseNewlines: Int, targetNewlines: Int) {
        var text = text
        text.withUTF8 { write($0, changed: changed, into: &layout, base: &base, target: &target, baseNewlines: baseNewlines, targetNewlines: targetNewlines) }
    }

    private func write(_ bytes: UnsafeBufferPointer<UInt8>, changed: Bool, into layout: inout Layout, base: inout Int, target: inout Int,
                       baseNewlines: Int, targetNewlines: Int) {
        var baseSeen = 0, targetSeen = 0
        var rest = bytes
        while true {
            // A change marks every line it spans, so context never splits it across hunks.
            if changed { layout.lines[layout.lines.count - 1].changed = true }
            guard let end = ByteSearch.firstIndex(of: 0x0A, in: rest) else {
                layout.bytes.append(rest)
                break
            }
            layout.bytes.append(UnsafeBufferPointer(rebasing: rest[...end]))
            if baseSeen < baseNewlines { base += 1; baseSeen += 1 }
            if targetSeen < targetNewlines { target += 1; targetSeen += 1 }
            layout.lines.append(Layout.Line(start: layout.bytes.count, baseLine: base, targetLine: target))
            rest = UnsafeBufferPointer(rebasing: rest[(end + 1)...])
        }
        base += baseNewlines - baseSeen
        target += targetNewlines - targetSeen
    }
}
