/// Renders inline content as CommonMark that parses back to exactly the same inlines.
///
/// Escapes are added only where CommonMark would otherwise read markup, so the canonical file
/// stays pleasant to read and to edit by hand.
enum InlineEscaper {
    /// - Parameter continuationIndent: spaces before a line that follows a hard line break, so it
    ///   stays inside its list item.
    static func render(_ content: [Inline], continuationIndent: Int) -> String {
        let out = renderOnce(content, continuationIndent: continuationIndent)
        // Styles that meet (emphasis beside strong, or one opening another) write delimiter runs
        // that CommonMark may pair differently: such a block is read back, and when it would not
        // write the same again it is written without its bold and italics, which keeps every word.
        guard content.hasMeetingStyles else { return out }
        if let reread = readBack(out), renderOnce(reread, continuationIndent: continuationIndent) == out { return out }
        return renderOnce(content.withoutStyles, continuationIndent: continuationIndent)
    }

    private static func renderOnce(_ content: [Inline], continuationIndent: Int) -> String {
        var out = ""
        var atLineStart = true
        render(content, into: &out, atLineStart: &atLineStart, indent: String(repeating: " ", count: continuationIndent))
        return out
    }

    /// A block's written inline text read back as the reader reads a paragraph; nil when it does
    /// not read as one paragraph.
    private static func readBack(_ text: String) -> [Inline]? {
        var builder = BodyBuilder(lineOffset: 0)
        builder.build(CommonMarkParser.parse(text))
        guard builder.sections.isEmpty, builder.title == nil, builder.preamble.count == 1, builder.preamble[0].kind == .paragraph else { return nil }
        return builder.preamble[0].content
    }

    private static func render(_ content: [Inline], into out: inout String, atLineStart: inout Bool, indent: String) {
        // A line's own leading and trailing spaces are not content: CommonMark drops them, so
        // writing them would make the next write differ (and four would start a code block).
        var content = content.collapsingNestedStyles
        // CommonMark readers refuse a code span's fence longer than 80 backticks (libcmark-gfm's
        // bound against quadratic scans): code holding a run of 80 is written as text, every
        // character kept.
        if content.contains(where: { if case .code(let code) = $0 { longestBacktickRun(code) >= maximumFence } else { false } }) {
            content = content.map { inline in
                if case .code(let code) = inline, longestBacktickRun(code) >= maximumFence { .text(code) } else { inline }
            }.normalized
        }
        while content.last == .lineBreak { content.removeLast() }
        for (index, inline) in content.enumerated() {
            switch inline {
            case .text(let text):
                var text = Substring(text.replacingNewlines)
                if atLineStart { text = text.drop(while: isLineEdgeSpace) }
                if index + 1 == content.count || content[index + 1] == .lineBreak {
                    while let last = text.last, isLineEdgeSpace(last) { text.removeLast() }
                }
                if text.isEmpty { continue }
                out += escape(String(text), atLineStart: atLineStart)
            case .emphasis(let inner):
                out += "*"
                var innerStart = false
                render(inner, into: &out, atLineStart: &innerStart, indent: indent)
                out += "*"
            case .strong(let inner):
                out += "**"
                var innerStart = false
                render(inner, into: &out, atLineStart: &innerStart, indent: indent)
                out += "**"
            case .link(let destination, let title, let inner):
                out += "["
                var innerStart = false
                render(inner, into: &out, atLineStart: &innerStart, indent: indent)
                out += "](" + linkDestination(destination)
                if !title.isEmpty { out += " \"" + escapeAll(title, of: "\"\\") + "\"" }
                out += ")"
            case .code(let code):
                out += codeSpan(code)
            case .lineBreak:
                out += "\\\n" + indent
                atLineStart = true
                continue
            }
            atLineStart = false
        }
    }

    private static func isLineEdgeSpace(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// Escapes text so that it reads back literally.
    static func escape(_ text: String, atLineStart: Bool) -> String {
        // Most text has nothing to escape: say so from its bytes, without the scalar walk.
        let plain = !text.utf8.contains { byte in
            switch byte {
            case 0x5C, 0x60, 0x2A, 0x5B, 0x5D, 0x3C, 0x5F, 0x26, 0x21: return true  // \ ` * [ ] < _ & !
            default: return false
            }
        }
        if plain {
            guard atLineStart, let first = text.utf8.first else { return text }
            if !"#>-+=~|".utf8.contains(first), !(first >= 0x30 && first <= 0x39) { return text }
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text.unicodeScalars)
        let listDelimiter = atLineStart ? orderedListDelimiter(characters) : nil
        for (index, scalar) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            var needsEscape = false
            switch scalar {
            case "\\", "`", "*", "[", "]", "<":
                needsEscape = true
            case "_":
                // Inside a word ("snake_case") an underscore never opens emphasis.
                needsEscape = !(previous.map(isAlphanumeric) ?? false && next.map(isAlphanumeric) ?? false)
            case "&":
                needsEscape = looksLikeEntity(characters[(index + 1)...])
            case "!":
                // A '!' ending a run might meet a following link's '[' and make an image.
                needsEscape = next == nil
            default:
                needsEscape = false
            }
            if index == 0, atLineStart, !needsEscape {
                needsEscape = startsBlock(characters)
            }
            if index == listDelimiter { needsEscape = true }
            if needsEscape { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Would this text, at the start of a line, open a block (heading, quote, list, rule, fence)?
    private static func startsBlock(_ characters: [Unicode.Scalar]) -> Bool {
        guard let first = characters.first else { return false }
        return "#>-+=~|".unicodeScalars.contains(first)
    }

    /// The index of the '.' or ')' in a leading "12. " that would start an ordered list.
    private static func orderedListDelimiter(_ characters: [Unicode.Scalar]) -> Int? {
        var index = 0
        while index < characters.count, index < 10, ("0"..."9").contains(characters[index]) { index += 1 }
        guard index > 0, index < characters.count, characters[index] == "." || characters[index] == ")" else { return nil }
        let after = index + 1
        return after == characters.count || characters[after] == " " || characters[after] == "\t" ? index : nil
    }

    private static func looksLikeEntity(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        var length = 0
        for scalar in rest {
            if scalar == ";" { return length > 0 }
            guard scalar == "#" || isAlphanumeric(scalar), length < 32 else { return false }
            length += 1
        }
        return false
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func escapeAll(_ text: String, of characters: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if characters.unicodeScalars.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    private static func linkDestination(_ destination: String) -> String {
        let needsBrackets = destination.isEmpty || destination.unicodeScalars.contains {
            $0 == " " || $0 == "(" || $0 == ")" || $0.value < 0x20
        }
        return needsBrackets ? "<" + escapeAll(destination, of: "<>\\") + ">" : escapeAll(destination, of: "\\")
    }

    private static let maximumFence = 80

    private static func longestBacktickRun(_ code: String) -> Int {
        var longest = 0
        var run = 0
        for scalar in code.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    private static func codeSpan(_ code: String) -> String {
        let fence = String(repeating: "`", count: longestBacktickRun(code) + 1)
        let pad = code.hasPrefix("`") || code.hasSuffix("`")
            || (code.hasPrefix(" ") && code.hasSuffix(" ") && code.contains { $0 != " " })
        return pad ? fence + " " + code + " " + fence : fence + code + fence
    }
}

private extension String {
    var replacingNewlines: String {
        // A carriage return is a line end to the reader, like a line feed.
        utf8.contains(where: { $0 == 10 || $0 == 13 })
            ? replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") : self
    }
}
import Foundation
