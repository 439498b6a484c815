/// A change to one unit's text: scalars `range` of the base become `replacement`.
struct TextEdit: Hashable {
    var range: Range<Int>
    var replacement: String
    /// The instruction it comes from (its index), for messages about overlaps.
    var instruction: Int

    /// How quoted words become an edit: the spacing a delegate leaves implicit ("after 'workers'
    /// insert 'and researchers'" puts a space between them; deleting a word takes one space with
    /// it). The writer checks its wording against these same rules.
    enum Spacing {
        /// Marks that attach to the word before them, so no space goes in front.
        static func attachesLeft(_ scalar: Unicode.Scalar) -> Bool {
            ",.;:!?)]}%\u{2019}\u{201D}\u{2026}".unicodeScalars.contains(scalar)
        }

        static func attachesRight(_ scalar: Unicode.Scalar) -> Bool {
            "([{\u{2018}\u{201C}".unicodeScalars.contains(scalar)
        }

        static func insertion(after end: Int, _ text: String, instruction: Int) -> TextEdit {
            guard let first = text.unicodeScalars.first, !attachesLeft(first) else {
                return TextEdit(range: end..<end, replacement: text, instruction: instruction)
            }
            return TextEdit(range: end..<end, replacement: " " + text, instruction: instruction)
        }

        static func insertion(before start: Int, _ text: String, instruction: Int) -> TextEdit {
            guard let last = text.unicodeScalars.last, !attachesRight(last) else {
                return TextEdit(range: start..<start, replacement: text, instruction: instruction)
            }
            return TextEdit(range: start..<start, replacement: text + " ", instruction: instruction)
        }

        /// Words added at the end of a text. Words that continue its last sentence (", and
        /// publish the results") go before its closing full stop, which stays at the new end.
        static func appending(_ text: String, to unit: [Unicode.Scalar], instruction: Int) -> TextEdit {
            if let first = text.unicodeScalars.first, ",;:".unicodeScalars.contains(first),
               let last = unit.last, ".!?".unicodeScalars.contains(last) {
                var words = text
                if let end = words.unicodeScalars.last, end == last { words.unicodeScalars.removeLast() }
                return TextEdit(range: unit.count - 1..<unit.count - 1, replacement: words, instruction: instruction)
            }
            return insertion(after: unit.count, text, instruction: instruction)
        }

        /// Deleting `range` and one space beside it, so no double space or space before a full
        /// stop is left.
        static func deletion(_ range: Range<Int>, in text: [Unicode.Scalar], instruction: Int) -> TextEdit {
            let before = range.lowerBound > 0 ? text[range.lowerBound - 1] : nil
            let after = range.upperBound < text.count ? text[range.upperBound] : nil
            var range = range
            if before == nil || before == " ", after == " " {
                range = range.lowerBound..<range.upperBound + 1
            } else if before == " ", after == nil || attachesLeft(after!) {
                range = range.lowerBound - 1..<range.upperBound
            }
            return TextEdit(range: range, replacement: "", instruction: instruction)
        }
    }

    /// The sentences of a text: each runs to a full stop, question or exclamation mark that a
    /// space or the end follows (with a closing quote or bracket after it), without the space.
    static func sentences(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            if ".!?".unicodeScalars.contains(text[index]) {
                var end = index + 1
                while end < text.count, "'\")\u{2019}\u{201D}".unicodeScalars.contains(text[end]) { end += 1 }
                if end == text.count || text[end] == " " || text[end] == "\n" {
                    out.append(start..<end)
                    start = end
                    while start < text.count, text[start] == " " || text[start] == "\n" { start += 1 }
                    index = start
                    continue
                }
            }
            index += 1
        }
        if start < text.count { out.append(start..<text.count) }
        return out
    }

    /// Applies non-overlapping edits (insertions at one place keep their order).
    static func apply(_ edits: [TextEdit], to text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out = text
        // From the end, so earlier offsets stay valid; at one place a deletion goes first, then
        // insertions, the last instruction's first so the first ends up in front.
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.isEmpty ? 0 : 1, $0.offset)
                > ($1.element.range.lowerBound, $1.element.range.isEmpty ? 0 : 1, $1.offset)
        }
        for (_, edit) in ordered {
            out.replaceSubrange(edit.range, with: Array(edit.replacement.unicodeScalars))
        }
        return out
    }

    /// The first pair of edits that touch the same words, if any.
    static func overlap(in edits: [TextEdit]) -> (TextEdit, TextEdit)? {
        let sorted = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.instruction != b.instruction {
            if a.range.isEmpty, b.range.isEmpty { continue }
            // The very same change twice (two amendments deleting the same words) is made once.
            if a.range == b.range, a.replacement == b.replacement { continue }
            if a.range.isEmpty ? (b.range.lowerBound < a.range.lowerBound) : (b.range.lowerBound < a.range.upperBound) {
                return (a, b)
            }
        }
        return nil
    }
}
