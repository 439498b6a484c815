import MotionDiff

/// A motion's diff as the body of a web page: the title as a heading, the front matter as a
/// list of details, section headings, paragraphs and points with their numbers, each with its
/// words deleted and inserted inline. Markdown's own markers ("## ", "---") are layout here,
/// never text; a moved block is marked and says where it went or came from.
struct MotionPage {
    var diff: DocumentDiff
    /// Notes on blocks of the base, shown where they stand: an amendment that conflicts with
    /// the changes here, say.
    var flags: [BlockPlace: String] = [:]

    var html: String {
        var out = ""
        var details: [String] = []
        var list: DiffDocument.BlockKind?
        func closeList() {
            if let open = list { out += open == .point ? "</ol>\n" : "</ul>\n" }
            list = nil
        }
        for section in diff.sections {
            if let heading = section.heading {
                closeList()
                out += "<h3>\(runs(heading))</h3>\n"
            }
            for change in section.blocks {
                let place = change.target ?? change.base!
                let block = diff.block(place, inBase: change.target == nil)
                switch block.kind {
                case .field:
                    if let detail = self.detail(change) { details.append(detail) }
                    continue
                case .title:
                    out += "<h2 class=\"title\">\(runs(change))</h2>\n"
                    if !details.isEmpty { out += "<dl class=\"details\">\n" + details.joined() + "</dl>\n" }
                    details = []
                case .paragraph, .heading:
                    closeList()
                    out += "<p\(moved(change).map { " class=\"moved\" title=\"\(HTMLDiffRenderer.escape($0))\"" } ?? "")>\(runs(change))\(note(change))</p>\n"
                case .point, .bullet:
                    if list != block.kind {
                        closeList()
                        out += block.kind == .point ? "<ol class=\"points\">\n" : "<ul class=\"bullets\">\n"
                        list = block.kind
                    }
                    out += "<li\(moved(change) == nil ? "" : " class=\"moved\"")><span class=\"marker\">\(marker(change))</span>\(runs(change))\(note(change))</li>\n"
                }
            }
        }
        closeList()
        if !details.isEmpty { out = "<dl class=\"details\">\n" + details.joined() + "</dl>\n" + out }
        return out
    }

    private func text(_ change: BlockChange, inBase: Bool) -> String {
        (inBase ? change.base : change.target).map { diff.blockText($0, inBase: inBase) } ?? ""
    }

    /// The words of a block, changed words marked.
    private func runs(_ change: BlockChange) -> String {
        func e(_ text: String) -> String { HTMLDiffRenderer.escape(text) }
        switch change.kind {
        case .equal: return e(text(change, inBase: false))
        case .deleted, .movedAway: return "<del>\(e(text(change, inBase: true)))</del>"
        case .inserted, .movedHere: return "<ins>\(e(text(change, inBase: false)))</ins>"
        case .replaced: return "<del>\(e(text(change, inBase: true)))</del> <ins>\(e(text(change, inBase: false)))</ins>"
        case .modified:
            guard let a = change.baseTokens, let b = change.targetTokens else { return e(text(change, inBase: false)) }
            return change.segments.map { segment in
                switch segment.operation {
                case .equal: e(String(b.text(of: segment.b)))
                case .delete: "<del>\(e(String(a.text(of: segment.a))))</del>"
                case .insert: "<ins>\(e(String(b.text(of: segment.b))))</ins>"
                }
            }.joined()
        }
    }

    /// A point's number as it stands now (a deleted point's, struck), or a bullet.
    private func marker(_ change: BlockChange) -> String {
        let onTarget = change.kind != .deleted && change.kind != .movedAway
        guard let place = onTarget ? change.target : change.base else { return "" }
        let block = diff.block(place, inBase: !onTarget)
        let marker = block.kind == .bullet ? "\u{2022}" : block.marker.trimmingCharacters(in: .whitespaces)
        return onTarget ? marker : "<del>\(marker)</del>"
    }

    private func moved(_ change: BlockChange) -> String? {
        switch change.kind {
        case .movedAway: change.target.map { "moved to \(diff.describe($0, inBase: false))" }
        case .movedHere: change.base.map { "moved from \(diff.describe($0, inBase: true))" }
        default: nil
        }
    }

    private func note(_ change: BlockChange) -> String {
        let moved = moved(change).map { " <span class=\"note\">(\(HTMLDiffRenderer.escape($0)))</span>" } ?? ""
        let flag = change.base.flatMap { flags[$0] }.map { " <strong class=\"conflict-here\">\(HTMLDiffRenderer.escape($0))</strong>" } ?? ""
        return moved + flag
    }

    /// A front-matter line as a detail: its name, and its value old and new. The fences, the id
    /// and the title (the page's heading) are left out.
    private func detail(_ change: BlockChange) -> String? {
        func split(_ line: String) -> (key: String, value: String)? {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let old = change.base.flatMap { _ in split(text(change, inBase: true)) }
        let new = change.target.flatMap { _ in split(text(change, inBase: false)) }
        guard let key = (new ?? old)?.key, !["id", "title"].contains(key) else { return nil }
        let name = key.prefix(1).uppercased() + key.dropFirst().replacingOccurrences(of: "-", with: " ")
        let value: String
        switch (old?.value, new?.value) {
        case let (a?, b?) where a == b: value = HTMLDiffRenderer.escape(b)
        case let (a?, b?): value = "<del>\(HTMLDiffRenderer.escape(a))</del> <ins>\(HTMLDiffRenderer.escape(b))</ins>"
        case let (a?, nil): value = "<del>\(HTMLDiffRenderer.escape(a))</del>"
        case let (nil, b?): value = "<ins>\(HTMLDiffRenderer.escape(b))</ins>"
        case (nil, nil): return nil
        }
        return "<dt>\(HTMLDiffRenderer.escape(name))</dt><dd>\(value)</dd>\n"
    }
}

import Foundation
