/// A run of inline content inside a block or heading.
///
/// Only what the motion format allows is modelled: plain text, emphasis, strong, links, code
/// and hard line breaks. Soft line breaks become spaces when reading, because a motion's line
/// layout is computed (see line numbering), never taken from the source.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, content: [Inline])
    case code(String)
    case lineBreak
}

extension Inline {
    /// The visible text, as a delegate reads it (markup dropped, a line break read as a space).
    var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .emphasis(let c), .strong(let c), .link(_, _, let c): return c.plainText
        case .lineBreak: return " "
        }
    }
}

extension Array where Element == Inline {
    /// The visible text of a run of inlines.
    var plainText: String {
        if count == 1 { return self[0].plainText }
        var out = ""
        for inline in self { out += inline.plainText }
        return out
    }

    /// Adjacent text runs merged, empty ones dropped: the one canonical shape of equal content.
    var normalized: [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(count)
        for inline in self {
            switch inline {
            case .text(let s):
                if s.isEmpty { continue }
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + s)
                } else {
                    out.append(inline)
                }
            case .emphasis(let c): out.append(.emphasis(c.normalized))
            case .strong(let c): out.append(.strong(c.normalized))
            case .link(let d, let t, let c): out.append(.link(destination: d, title: t, content: c.normalized))
            case .code, .lineBreak: out.append(inline)
            }
        }
        return out
    }
}

extension Array where Element == Inline {
    /// Emphasis inside emphasis, and strong inside strong, read as the one style they show:
    /// written out, their delimiters would run together ("***********") and read back as
    /// another nesting, so the canonical file would change on every write.
    var collapsingNestedStyles: [Inline] {
        guard contains(where: \.hasNestedStyle) else { return self }
        return collapsed(inEmphasis: false, inStrong: false).normalized
    }

    private func collapsed(inEmphasis: Bool, inStrong: Bool) -> [Inline] {
        flatMap { inline -> [Inline] in
            switch inline {
            case .emphasis(let content):
                let inner = content.collapsed(inEmphasis: true, inStrong: inStrong)
                return inEmphasis ? inner : [.emphasis(inner)]
            case .strong(let content):
                let inner = content.collapsed(inEmphasis: inEmphasis, inStrong: true)
                return inStrong ? inner : [.strong(inner)]
            case .link(let destination, let title, let content):
                return [.link(destination: destination, title: title, content: content.collapsed(inEmphasis: inEmphasis, inStrong: inStrong))]
            case .text, .code, .lineBreak:
                return [inline]
            }
        }
    }
}

extension Array where Element == Inline {
    /// Whether emphasis or strong stands beside another, or opens or closes with one, anywhere.
    var hasMeetingStyles: Bool {
        for (index, inline) in enumerated() {
            guard let inner = inline.styledContent else {
                if case .link(_, _, let content) = inline, content.hasMeetingStyles { return true }
                continue
            }
            if index + 1 < count, self[index + 1].styledContent != nil { return true }
            if inner.first?.styledContent != nil || inner.last?.styledContent != nil || inner.hasMeetingStyles { return true }
        }
        return false
    }

    /// The content on one line, as a heading must be: each line break a space. A style that held
    /// one is dropped, its words kept: its delimiter would stand beside the space and not read
    /// back as a style.
    var onOneLine: [Inline] {
        flatMap { inline -> [Inline] in
            switch inline {
            case .lineBreak: [.text(" ")]
            case .emphasis(let content) where content.containsLineBreak, .strong(let content) where content.containsLineBreak:
                content.onOneLine.withoutStyles
            case .emphasis(let content): [.emphasis(content)]
            case .strong(let content): [.strong(content)]
            case .link(let destination, let title, let content): [.link(destination: destination, title: title, content: content.onOneLine)]
            case .text, .code: [inline]
            }
        }.normalized
    }

    private var containsLineBreak: Bool {
        contains { inline in
            switch inline {
            case .lineBreak: true
            case .emphasis(let content), .strong(let content), .link(_, _, let content): content.containsLineBreak
            case .text, .code: false
            }
        }
    }

    /// The same words with no emphasis or strong.
    var withoutStyles: [Inline] {
        flatMap { inline -> [Inline] in
            switch inline {
            case .emphasis(let content), .strong(let content): content.withoutStyles
            case .link(let destination, let title, let content): [.link(destination: destination, title: title, content: content.withoutStyles)]
            case .text, .code, .lineBreak: [inline]
            }
        }.normalized
    }
}

private extension Inline {
    var styledContent: [Inline]? {
        switch self {
        case .emphasis(let content), .strong(let content): content
        default: nil
        }
    }

    /// Whether a style holds, anywhere below it, the same style again.
    var hasNestedStyle: Bool { nests(inEmphasis: false, inStrong: false) }

    func nests(inEmphasis: Bool, inStrong: Bool) -> Bool {
        switch self {
        case .emphasis(let content): inEmphasis || content.contains { $0.nests(inEmphasis: true, inStrong: inStrong) }
        case .strong(let content): inStrong || content.contains { $0.nests(inEmphasis: inEmphasis, inStrong: true) }
        case .link(_, _, let content): content.contains { $0.nests(inEmphasis: inEmphasis, inStrong: inStrong) }
        case .text, .code, .lineBreak: false
        }
    }
}
