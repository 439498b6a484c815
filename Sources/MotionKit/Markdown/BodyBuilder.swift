/// Turns a parsed CommonMark tree into a motion's title, preamble and sections.
///
/// The format has three kinds of block; everything else CommonMark allows is kept as plain text
/// in a paragraph, with a warning saying what happened, so that no words are ever dropped.
struct BodyBuilder {
    struct Heading {
        var content: [Inline]
        var line: Int
    }

    let lineOffset: Int
    /// A composite's: a provenance comment at the end of a block is read as its provenance.
    let readsProvenance: Bool
    private(set) var title: Heading?
    private(set) var preamble: [Block] = []
    private(set) var sections: [Section] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(lineOffset: Int, readsProvenance: Bool = false) {
        self.lineOffset = lineOffset
        self.readsProvenance = readsProvenance
    }

    mutating func build(_ document: CommonMarkNode) {
        for node in document.children { addBlock(node) }
    }

    private mutating func append(_ block: Block) {
        if sections.isEmpty {
            preamble.append(block)
        } else {
            sections[sections.count - 1].blocks.append(block)
        }
    }

    private mutating func warn(_ line: Int, _ message: String, rule: String = "format") {
        diagnostics.append(Diagnostic(.warning, line: line, message, rule: rule))
    }

    private mutating func addBlock(_ node: CommonMarkNode) {
        let line = node.line + lineOffset
        switch node.kind {
        case .heading(level: 1) where title == nil && sections.isEmpty && preamble.isEmpty:
            title = Heading(content: inlines(node.children), line: line)
        case .heading(level: 2):
            sections.append(Section(heading: inlines(node.children), line: line))
        case .heading(let level):
            let content = inlines(node.children)
            if content.isEmpty {
                warn(line, "an empty level-\(level) heading is dropped")
            } else {
                warn(line, "a level-\(level) heading is read as a paragraph: use '# ' once for the title and '## ' for sections")
                append(Block(.paragraph, content, line: line))
            }
        case .paragraph:
            let (children, provenance) = splittingProvenance(node.children)
            let content = inlines(children)
            if !content.isEmpty { append(Block(.paragraph, content, line: line, provenance: provenance)) }
        case .list(let ordered, let start):
            addList(node, ordered: ordered, start: start, line: line)
        case .blockQuote:
            warn(line, "a block quote ('>') is read as plain paragraphs; quote words with quotation marks instead")
            for child in node.children { addBlock(child) }
        case .codeBlock, .htmlBlock:
            warn(line, "a code or HTML block is kept as plain text")
            // A line's indentation means nothing in prose, and kept it would read back as a list
            // or a heading ("   - one"): each line is kept from its first visible character.
            let lines = node.literal.split(separator: "\n").map { $0.drop { $0 == " " || $0 == "\t" } }.filter { !$0.isEmpty }
            var content: [Inline] = []
            for (index, text) in lines.enumerated() {
                if index > 0 { content.append(.lineBreak) }
                content.append(.text(String(text)))
            }
            if !content.isEmpty { append(Block(.paragraph, content, line: line)) }
        case .thematicBreak:
            warn(line, "a horizontal rule ('---') is dropped; sections start with '## '")
        default:
            warn(line, "an unsupported block is kept as plain text")
            let text = node.plainText
            if !text.isEmpty { append(Block(.paragraph, [.text(text)], line: line)) }
        }
    }

    private mutating func addList(_ node: CommonMarkNode, ordered: Bool, start: Int, line: Int) {
        if ordered {
            let expected = (sections.last?.blocks ?? preamble).count { $0.kind == .point } + 1
            if start != expected {
                warn(line, "this list starts at \(start) but is point \(expected) of its section; points are numbered in order", rule: "numbering")
            }
        }
        for item in node.children {
            let itemLine = item.line + lineOffset
            var content: [Inline] = []
            var provenance: Provenance?
            for child in item.children {
                switch child.kind {
                case .paragraph:
                    if !content.isEmpty {
                        warn(child.line + lineOffset, "a second paragraph in a list item is joined to the first")
                        content.append(.text(" "))
                    }
                    let (children, found) = splittingProvenance(child.children)
                    provenance = found ?? provenance
                    content += inlines(children)
                case .list:
                    warn(child.line + lineOffset, "a nested list is flattened: the format has one level of points")
                    if !content.isEmpty { append(Block(ordered ? .point : .bullet, content.normalized, line: itemLine)) }
                    content = []
                    addBlock(child)
                default:
                    warn(child.line + lineOffset, "a block inside a list item is kept as plain text")
                    content.append(.text((content.isEmpty ? "" : " ") + child.plainText))
                }
            }
            if !content.isEmpty || item.children.isEmpty {
                append(Block(ordered ? .point : .bullet, content.normalized, line: itemLine, provenance: provenance))
            }
        }
    }

    /// A block's inlines without the provenance comment that ends them, and that provenance. A
    /// comment that only looks like one stays words, with a warning.
    private mutating func splittingProvenance(_ nodes: [CommonMarkNode]) -> ([CommonMarkNode], Provenance?) {
        guard readsProvenance, let last = nodes.last, last.kind == .htmlInline, last.literal.hasPrefix(Provenance.opening) else {
            return (nodes, nil)
        }
        guard let provenance = Provenance(trailer: last.literal) else {
            warn(last.line + lineOffset, "this 'from:' comment is not provenance as a composite writes it (\(last.literal.prefix(60))); it is kept as words",
                 rule: "provenance")
            return (nodes, nil)
        }
        var kept = Array(nodes.dropLast())
        // The space the writer puts before the comment.
        if let text = kept.last, text.kind == .text, text.literal.hasSuffix(" ") {
            kept[kept.count - 1].literal.removeLast()
            if kept[kept.count - 1].literal.isEmpty { kept.removeLast() }
        }
        return (kept, provenance)
    }

    private mutating func inlines(_ nodes: [CommonMarkNode]) -> [Inline] {
        var out: [Inline] = []
        for node in nodes {
            switch node.kind {
            case .text: out.append(.text(node.literal))
            case .softBreak: out.append(.text(" "))
            case .lineBreak: out.append(.lineBreak)
            case .code: out.append(.code(node.literal))
            case .emphasis: out.append(.emphasis(inlines(node.children)))
            case .strong: out.append(.strong(inlines(node.children)))
            case .link(let url, let title): out.append(.link(destination: url, title: title, content: inlines(node.children)))
            case .htmlInline:
                // Kept as the literal characters the delegate typed; the writer escapes them.
                out.append(.text(node.literal))
            case .image(let url, _):
                warn(node.line + lineOffset, "an image is kept as its description and address")
                out.append(.text("\(node.plainText) (\(url))"))
            default:
                out.append(.text(node.plainText))
            }
        }
        return out.normalized.collapsingNestedStyles
    }
}

extension CommonMarkNode {
    /// All literal text below this node.
    var plainText: String {
        switch kind {
        case .text, .code, .htmlInline, .codeBlock, .htmlBlock, .otherBlock: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}
