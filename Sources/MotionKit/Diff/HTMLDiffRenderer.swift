import MotionDiff

/// A standalone HTML page: the motion as a reader sees it (title, details, headings,
/// paragraphs and numbered points) with `<del>`/`<ins>` inline and moved blocks marked, then the
/// same side by side in a table.
public enum HTMLDiffRenderer {
    /// The motion with its changes inline, for a page of one's own (the web front-end's).
    /// `flags` are notes on blocks of the base, shown where those blocks stand.
    public static func fragment(_ diff: DocumentDiff, flags: [BlockPlace: String] = [:]) -> String {
        MotionPage(diff: diff, flags: flags).html
    }

    /// The two sides as table rows (`<tr>` of two cells), changed words marked.
    public static func tableRows(_ diff: DocumentDiff) -> String {
        var table = ""
        for row in SideBySideRenderer(width: 200, color: false, context: nil).rows(diff) where !row.isFence {
            if let note = row.note { table += "<tr class=\"note\"><td colspan=\"2\">\(escape(note))</td></tr>\n" }
            table += "<tr\(row.changed ? " class=\"changed\"" : "")><td>\(cell(row.left))</td><td>\(cell(row.right))</td></tr>\n"
        }
        return table
    }

    public static func render(_ diff: DocumentDiff, baseLabel: String, targetLabel: String) -> String {
        let table = tableRows(diff)
        let title = "Changes from \(baseLabel) to \(targetLabel)"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: Georgia, serif; max-width: 64rem; margin: 2rem auto; line-height: 1.5; padding: 0 1rem; color: #111; }
            del { color: #a00; background: #fee; text-decoration: line-through; }
            ins { color: #060; background: #efe; text-decoration: none; }
            .moved, .moved del, .moved ins { color: #609; background: #f6eefc; }
            .note { color: #555; font-style: italic; font-size: .9em; }
            .motion { border: 1px solid #ddd; padding: 0 1.5rem 1rem; }
            dl.details { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; color: #333; }
            dl.details dt { font-weight: bold; }
            dl.details dd { margin: 0; }
            ol.points, ul.bullets { list-style: none; padding-left: 2.5rem; }
            ol.points li, ul.bullets li { margin: .4rem 0; }
            .marker { display: inline-block; width: 2.5rem; margin-left: -2.5rem; }
            table { border-collapse: collapse; width: 100%; }
            td { vertical-align: top; width: 50%; border-top: 1px solid #eee; padding: .3rem .6rem; }
            tr.changed td { background: #fafafa; }
            tr.note td { border: none; }
            @media print { .motion { border: none; padding: 0; } h2.view { page-break-before: always; } }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <h2 class="view">Inline</h2>
            <div class="motion">
            \(MotionPage(diff: diff).html)</div>
            <h2 class="view">Side by side</h2>
            <table>
            <tr><th>\(escape(baseLabel))</th><th>\(escape(targetLabel))</th></tr>
            \(table)</table>
            </body>
            </html>

            """
    }

    /// A side-by-side cell: the text without its Markdown markers ("## ", "# ").
    private static func cell(_ runs: [SideBySideRenderer.Run]) -> String {
        runs.filter { !["## ", "# ", "##", "#"].contains($0.text) }.map { run in
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
