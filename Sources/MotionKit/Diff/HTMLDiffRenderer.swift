import MotionDiff

/// A standalone HTML page: the target with `<del>`/`<ins>` inline, then a side-by-side table.
public enum HTMLDiffRenderer {
    public static func render(_ diff: DocumentDiff, baseLabel: String, targetLabel: String) -> String {
        var inline = ""
        for piece in diff.pieces {
            let text = escape(piece.text).replacingOccurrences(of: "\n", with: "<br>\n")
            let title = piece.note.map { " title=\"\(escape($0))\" class=\"moved\"" } ?? ""
            switch piece.style {
            case .equal: inline += text
            case .deleted: inline += "<del\(title)>\(text)</del>"
            case .inserted: inline += "<ins\(title)>\(text)</ins>"
            }
        }
        var table = ""
        for row in SideBySideRenderer(width: 200, color: false, context: nil).rows(diff) {
            if let note = row.note { table += "<tr class=\"note\"><td colspan=\"2\">\(escape(note))</td></tr>\n" }
            table += "<tr\(row.changed ? " class=\"changed\"" : "")><td>\(cell(row.left))</td><td>\(cell(row.right))</td></tr>\n"
        }
        let title = "Changes from \(baseLabel) to \(targetLabel)"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font-family: Georgia, serif; max-width: 64rem; margin: 2rem auto; line-height: 1.5; padding: 0 1rem; }
            del { color: #a00; background: #fee; text-decoration: line-through; }
            ins { color: #060; background: #efe; text-decoration: none; }
            .moved { outline: 1px dashed #888; }
            .inline { white-space: normal; border: 1px solid #ddd; padding: 1rem; }
            table { border-collapse: collapse; width: 100%; }
            td { vertical-align: top; width: 50%; border-top: 1px solid #eee; padding: .3rem .6rem; }
            tr.changed td { background: #fafafa; }
            tr.note td { color: #666; font-style: italic; border: none; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <h2>Inline</h2>
            <div class="inline">
            \(inline)
            </div>
            <h2>Side by side</h2>
            <table>
            <tr><th>\(escape(baseLabel))</th><th>\(escape(targetLabel))</th></tr>
            \(table)</table>
            </body>
            </html>

            """
    }

    private static func cell(_ runs: [SideBySideRenderer.Run]) -> String {
        runs.map { run in
            let text = escape(run.text)
            switch run.style {
            case .equal: return text
            case .deleted: return "<del>\(text)</del>"
            case .inserted: return "<ins>\(text)</ins>"
            }
        }.joined()
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

import Foundation
