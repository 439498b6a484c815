/// How wide text is set in Arial (and Helvetica and Liberation Sans, which share its widths),
/// the font of the Word styles: enough to choose a size at which no computed line wraps again.
///
/// Widths are the fonts' published advance widths in thousandths of an em, for printable
/// ASCII. Any other character counts as a full em, wider than any letter, so a line is never
/// measured narrower than it sets.
enum FontMetrics {
    /// The width of `text` in ems, bold or regular.
    static func width(of text: String, bold: Bool) -> Double {
        let table = bold ? boldWidths : regularWidths
        var thousandths = 0
        for byte in text.utf8 {
            if byte >= 0x20, byte < 0x7F {
                thousandths += table[Int(byte) - 0x20]
            } else if byte & 0xC0 != 0x80 {
                // The first byte of a character outside ASCII (continuation bytes add nothing).
                thousandths += 1000
            }
        }
        return Double(thousandths) / 1000
    }

    /// Space to tilde (0x20-0x7E).
    private static let regularWidths: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    private static let boldWidths: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ]
}
