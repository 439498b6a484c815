/// A computed line (``LineNumbering``) as the Word export sets it: a point's or bullet's first
/// line split into its marker and its words, continuation lines of points hanging under the
/// words, headings bold.
struct NumberedLine {
    var source: LineNumbering.Line
    /// "1." or "•" on a list item's first line; nil on other lines.
    var marker: String?
    var words: String
    /// A line of a point or bullet: its words stand at ``pointTextAt``.
    var hangs: Bool
    var bold: Bool

    /// `line` of `motion`; `first` when it is the first line of its block.
    init(_ line: LineNumbering.Line, first: Bool, in motion: Motion) {
        source = line
        bold = line.block == nil
        words = line.text
        marker = nil
        guard let index = line.block else {
            hangs = false
            return
        }
        let block = line.section.map { motion.sections[$0].blocks[index] } ?? motion.preamble[index]
        hangs = block.kind != .paragraph
        guard hangs, first else { return }
        let number = line.section.flatMap { motion.sections[$0].pointNumber(ofBlockAt: index) } ?? 0
        let written = MarkdownLayout.marker(for: block.kind, number: number)
        if words.hasPrefix(written) {
            words = String(words.dropFirst(written.count))
            marker = block.kind == .point ? "\(number)." : "\u{2022}"
        }
    }

    /// The lines of `motion` as `scheme` numbers them, set for Word.
    static func lines(of motion: Motion, scheme: LineScheme) -> [NumberedLine] {
        let lines = LineNumbering.lines(of: motion, scheme: scheme)
        return lines.enumerated().map { index, line in
            let first = index == 0 || lines[index - 1].section != line.section || lines[index - 1].block != line.block
            return NumberedLine(line, first: first, in: motion)
        }
    }

    // Positions in twentieths of a point from the left margin: the number ends at 0.8 cm,
    // words start at 1 cm, a point's words at 1 cm plus a list's hanging indent.
    static let numberEndsAt = 454
    static let textAt = 567
    static let pointTextAt = 567 + DocumentBuilder.listHanging

    /// The text width of the page `DocumentBuilder.finish` sets, in points.
    static let pageTextWidth = Double(DocumentBuilder.pageWidth - 2 * DocumentBuilder.pageMargin) / 20

    /// The largest size, in half-points, from 22 (11 pt) down to 14 (7 pt), at which every
    /// line fits its width, with 3% to spare for a font's kerning and rounding.
    static func fontSize(for lines: [NumberedLine]) -> Int {
        var widest = 0.0
        for line in lines {
            let room = pageTextWidth - Double(line.hangs ? pointTextAt : textAt) / 20
            widest = max(widest, FontMetrics.width(of: line.words, bold: line.bold) / room)
        }
        guard widest > 0 else { return 22 }
        let points = 0.97 / widest
        return min(22, max(14, Int(points * 2)))
    }
}
