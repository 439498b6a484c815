import CCmarkGFM
import Synchronization

/// Parses CommonMark with libcmark-gfm into a small Swift tree, so that no C pointer outlives
/// the parse and the rest of the toolkit never touches the C API.
///
/// libcmark-gfm keeps global state, so parses are serialised behind one lock; a motion parses in
/// well under a millisecond. No GFM extension is attached (a stray "~~" or "|" stays text), so
/// none is registered either.
struct CommonMarkNode {
    enum Kind: Equatable {
        case document, heading(level: Int), paragraph, list(ordered: Bool, start: Int), item
        case blockQuote, codeBlock, htmlBlock, thematicBreak, otherBlock(String)
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong
        case link(url: String, title: String), image(url: String, title: String), otherInline(String)
    }

    var kind: Kind
    var literal: String
    /// 1-based line within the parsed text.
    var line: Int
    var children: [CommonMarkNode]
}

enum CommonMarkParser {
    private static let lock = Mutex(())

    static func parse(_ text: String) -> CommonMarkNode {
        lock.withLock { _ in
            let length = text.utf8.count
            return text.withCString { bytes in
                let root = cmark_parse_document(bytes, length, CMARK_OPT_DEFAULT)!
                defer { cmark_node_free(root) }
                return convert(root)
            }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Deeper than any real motion; past it a subtree becomes one text node, read without
    /// recursion, so that a hostile file (100,000 nested '>') cannot exhaust the stack.
    static let maximumDepth = 64

    private static func convert(_ node: OpaquePointer, depth: Int = 0) -> CommonMarkNode {
        let line = Int(cmark_node_get_start_line(node))
        if depth > maximumDepth {
            return CommonMarkNode(kind: .otherBlock("nested too deeply"), literal: flattenedText(node), line: line, children: [])
        }
        var children: [CommonMarkNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, depth: depth + 1))
            child = cmark_node_next(current)
        }
        return CommonMarkNode(kind: kind(of: node), literal: string(cmark_node_get_literal(node)), line: line, children: children)
    }

    /// The literal text of every node below `node`, separated by spaces, walked with an iterator.
    private static func flattenedText(_ node: OpaquePointer) -> String {
        var parts: [String] = []
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator), let literal = cmark_node_get_literal(current) else { continue }
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER { parts.append(String(cString: literal)) }
        }
        return parts.joined(separator: " ")
    }

    private static func kind(of node: OpaquePointer) -> CommonMarkNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_LIST:
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)))
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: return .image(url: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: return .otherInline(string(cmark_node_get_type_string(node)))
        }
    }
}
