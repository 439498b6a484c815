/// Line numbers computed, not left to a word processor: the motion's body wrapped at the
/// profile's line width and numbered continuously from its first line. Every view that shows
/// line numbers (amendment wording, Markdown, DOCX) uses these, so "line 12" means one thing.
/// How a conference's agenda numbers a motion's lines: the width they wrap at, and whether the
/// title and the section headings are numbered lines (a profile's `line-width`, `number-title`
/// and `number-headings`).
public struct LineScheme: Hashable, Sendable {
    public var width: Int
    public var title: Bool
    public var headings: Bool

    public init(width: Int = ConferenceProfile.defaultLineWidth, title: Bool = false, headings: Bool = true) {
        self.width = width
        self.title = title
        self.headings = headings
    }
}

enum LineNumbering {
    /// One numbered line of the body.
    public struct Line: Hashable, Sendable {
        public var number: Int
        /// The words on the line; a block's first line starts with its marker ("1. ", "- ").
        public var text: String
        /// The section (nil for the preamble) and block (nil for a section heading) it belongs to.
        public var section: Int?
        public var block: Int?
        /// A line of the title (numbered only when the scheme says so).
        public var isTitle = false
    }

    /// The lines of `motion` as `scheme` numbers them.
    static func lines(of motion: Motion, scheme: LineScheme) -> [Line] {
        lines(of: motion, width: scheme.width, title: scheme.title, headings: scheme.headings)
    }

    /// The body of `motion` (preamble, section headings and blocks; not the title or front
    /// matter) wrapped greedily at `width` characters, a word longer than a line split across
    /// lines. Deterministic: the same motion and width always give the same lines.
    public static func lines(of motion: Motion, width: Int, title: Bool = false, headings: Bool = true) -> [Line] {
        let width = max(width, 10)
        var out: [Line] = []
        func add(_ text: String, section: Int?, block: Int?, isTitle: Bool = false) {
            for line in wrap(text, width: width) {
                out.append(Line(number: out.count + 1, text: line, section: section, block: block, isTitle: isTitle))
            }
        }
        if title { add(motion.titleText, section: nil, block: nil, isTitle: true) }
        for (index, block) in motion.preamble.enumerated() {
            add(block.plainText, section: nil, block: index)
        }
        for (s, section) in motion.sections.enumerated() {
            if headings { add(section.headingText, section: s, block: nil) }
            for (b, block) in section.blocks.enumerated() {
                let marker = MarkdownLayout.marker(for: block.kind, number: section.pointNumber(ofBlockAt: b) ?? 0)
                add(marker + block.plainText, section: s, block: b)
            }
        }
        return out
    }

    /// Greedy word wrap by characters (grapheme clusters); runs of white space become one space.
    static func wrap(_ text: String, width: Int) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return wrapASCII(text, width: width) }
        var lines: [String] = []
        var line = ""
        var lineLength = 0
        for word in text.split(whereSeparator: \.isWhitespace) {
            var word = Substring(word)
            var length = word.count
            if lineLength > 0, lineLength + 1 + length <= width {
                line += " " + word
                lineLength += 1 + length
                continue
            }
            if lineLength > 0 {
                lines.append(line)
                line = ""
                lineLength = 0
            }
            // A word longer than a whole line is cut at the width.
            while length > width {
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
                length -= width
            }
            line = String(word)
            lineLength = length
        }
        if lineLength > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The same wrap for ASCII text, where a character is a byte: the common case, done on bytes.
    private static func wrapASCII(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        var word: [UInt8] = []
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        func flushWord() {
            guard !word.isEmpty else { return }
            if !line.isEmpty, line.count + 1 + word.count <= width {
                line.append(0x20)
                line += word
            } else {
                if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
                var rest = word[...]
                while rest.count > width {
                    lines.append(String(decoding: rest.prefix(width), as: UTF8.self))
                    rest = rest.dropFirst(width)
                }
                line = Array(rest)
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if isSpace(byte) { flushWord() } else { word.append(byte) }
        }
        flushWord()
        if !line.isEmpty || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    /// Lines as a delegate reads them: the number right-aligned in a column, then the text.
    public static func render(_ lines: [Line]) -> String {
        let digits = String(lines.count).count
        return lines.map { line in
            let number = String(line.number)
            return String(repeating: " ", count: digits - number.count) + number + "  " + line.text
        }.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }
}
