import MotionDiff

/// Two columns, base on the left and target on the right, block against block, each wrapped to
/// fit the terminal, a blank line between blocks, under a heading naming each side. Deleted
/// words are marked on the left, inserted words on the right; a renumbered point is unchanged.
public struct SideBySideRenderer: Sendable {
    public var width: Int
    public var color: Bool
    /// Blocks of context around each changed one; nil shows every block.
    public var context: Int?
    /// Control characters in the text shown as escapes, for a terminal (see ``TerminalText``).
    public var escapesControls = false
    /// The columns' headings: what each side is (`ID@3`, a file).
    public var labels: (base: String, target: String)?

    public init(width: Int, color: Bool, context: Int?) {
        self.width = min(max(width, 40), 1_000)
        self.color = color
        self.context = context
    }

    /// A styled fragment of one column.
    typealias Run = (text: String, style: DiffPiece.Style)

    struct Row {
        var left: [Run]
        var right: [Run]
        var changed: Bool
        var note: String?
        /// A front matter's "---" line, which a page leaves out.
        var isFence: Bool {
            !changed && left.map(\.text).joined() == "---" && right.map(\.text).joined() == "---"
        }
    }

    public func render(_ diff: DocumentDiff) -> String {
        var rows = self.rows(diff)
        if escapesControls {
            for index in rows.indices {
                rows[index].left = rows[index].left.map { (TerminalText.escaped($0.text), $0.style) }
                rows[index].right = rows[index].right.map { (TerminalText.escaped($0.text), $0.style) }
            }
        }
        let column = (width - 3) / 2
        var keep = [Bool](repeating: context == nil, count: rows.count)
        if let context {
            let reach = min(context, rows.count)
            for (index, row) in rows.enumerated() where row.changed {
                for near in max(0, index - reach)...min(rows.count - 1, index + reach) { keep[near] = true }
            }
        }
        var out = ""
        if let labels {
            let left = wrap([(labels.base, .equal)], width: column), right = wrap([(labels.target, .equal)], width: column)
            for line in 0..<max(left.count, right.count) {
                let l = line < left.count ? left[line] : ("", 0)
                let r = line < right.count ? right[line] : ("", 0)
                out += (l.0 + String(repeating: " ", count: max(0, column - l.1)) + "   " + r.0).trimmingTrailingSpaces + "\n"
            }
            out += String(repeating: "=", count: column) + "   " + String(repeating: "=", count: column) + "\n"
        }
        let headed = out.count
        var skipped = false
        for (index, row) in rows.enumerated() {
            guard keep[index] else {
                skipped = true
                continue
            }
            if skipped, out.count > headed { out += "\n" + String(repeating: "·", count: min(width, 80)) + "\n" }
            // A blank line between blocks, as between paragraphs on paper.
            if out.count > headed { out += "\n" }
            skipped = false
            if let note = row.note { out += (color ? "\u{1B}[2m" : "") + "  (\(note))" + (color ? "\u{1B}[0m" : "") + "\n" }
            let left = wrap(row.left, width: column), right = wrap(row.right, width: column)
            let gutter = row.changed ? " | " : "   "
            for line in 0..<max(left.count, right.count) {
                let l = line < left.count ? left[line] : ("", 0)
                let r = line < right.count ? right[line] : ("", 0)
                out += (l.0 + String(repeating: " ", count: max(0, column - l.1)) + gutter + r.0).trimmingTrailingSpaces + "\n"
            }
        }
        return out
    }

    func rows(_ diff: DocumentDiff) -> [Row] {
        var rows: [Row] = []
        func text(_ block: DiffDocument.Block?) -> String { block.map { $0.marker + $0.text } ?? "" }
        for section in diff.sections {
            var changes: [(BlockChange, DiffDocument.Block?, DiffDocument.Block?)] = []
            if let heading = section.heading {
                changes.append((heading, section.base.flatMap { diff.base.sections[$0].heading },
                                section.target.flatMap { diff.target.sections[$0].heading }))
            }
            for change in section.blocks {
                changes.append((change, change.base.map { diff.block($0, inBase: true) }, change.target.map { diff.block($0, inBase: false) }))
            }
            for (change, old, new) in changes {
                switch change.kind {
                case .equal:
                    // A renumbered point is unchanged: each column shows its own number.
                    let changed = old?.marker != new?.marker && !(old.flatMap { o in new.map { PieceBuilder.isRenumbering(o, $0) } } ?? false)
                    rows.append(Row(left: [(old?.marker ?? "", changed ? .deleted : .equal), (old?.text ?? "", .equal)],
                                    right: [(new?.marker ?? "", changed ? .inserted : .equal), (new?.text ?? "", .equal)], changed: changed))
                case .deleted:
                    rows.append(Row(left: [(text(old), .deleted)], right: [], changed: true))
                case .inserted:
                    rows.append(Row(left: [], right: [(text(new), .inserted)], changed: true))
                case .movedAway:
                    rows.append(Row(left: [(text(old), .deleted)], right: [], changed: true,
                                    note: change.target.map { "moved to \(diff.describe($0, inBase: false))" }))
                case .replaced:
                    rows.append(Row(left: [(text(old), .deleted)], right: [(text(new), .inserted)], changed: true))
                case .modified, .movedHere:
                    guard let a = change.baseTokens, let b = change.targetTokens else { continue }
                    var left: [Run] = [(old?.marker ?? "", .equal)], right: [Run] = [(new?.marker ?? "", .equal)]
                    for segment in change.segments {
                        switch segment.operation {
                        case .equal:
                            left.append((String(a.text(of: segment.a)), .equal))
                            right.append((String(b.text(of: segment.b)), .equal))
                        case .delete: left.append((String(a.text(of: segment.a)), .deleted))
                        case .insert: right.append((String(b.text(of: segment.b)), .inserted))
                        }
                    }
                    rows.append(Row(left: change.kind == .movedHere ? [] : left, right: right, changed: true,
                                    note: change.kind == .movedHere ? change.base.map { "moved from \(diff.describe($0, inBase: true))" } : nil))
                }
            }
        }
        return rows
    }

    /// Word-wraps styled runs to `width` visible characters; returns each line with its width.
    func wrap(_ runs: [Run], width: Int) -> [(String, Int)] {
        var lines: [(String, Int)] = []
        var line = "", visible = 0
        func flush() {
            lines.append((line, visible))
            line = ""
            visible = 0
        }
        for (text, style) in runs {
            let open: String, close: String
            switch (style, color) {
            case (.equal, _): (open, close) = ("", "")
            case (.deleted, true): (open, close) = ("\u{1B}[31;9m", "\u{1B}[0m")
            case (.inserted, true): (open, close) = ("\u{1B}[32m", "\u{1B}[0m")
            case (.deleted, false): (open, close) = ("[-", "-]")
            case (.inserted, false): (open, close) = ("{+", "+}")
            }
            var words = splitKeepingSpaces(text.replacingOccurrences(of: "\n", with: " "))
            if !color, style != .equal, !words.isEmpty {
                words[0] = open + words[0]
                words[words.count - 1] += close
            }
            for word in words {
                var piece = Substring(word)
                while !piece.isEmpty {
                    if visible + piece.count > width, visible > 0, !piece.allSatisfy(\.isWhitespace) { flush() }
                    if line.isEmpty, piece.allSatisfy(\.isWhitespace) { break }
                    let room = width - visible
                    let take = piece.count > room && visible == 0 ? room : piece.count
                    let chunk = piece.prefix(take)
                    line += (color && style != .equal ? open + chunk + close : String(chunk))
                    visible += chunk.count
                    piece = piece.dropFirst(take)
                }
            }
        }
        if !line.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    private func splitKeepingSpaces(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for character in text {
            if character == " " {
                current.append(character)
                out.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

import Foundation

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
