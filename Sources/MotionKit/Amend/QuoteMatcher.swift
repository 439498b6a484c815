/// Finds the words an amendment quotes in a motion's text.
///
/// A quote matches whole words only ('work' does not match inside "workers"). The quoted text is
/// looked for exactly first; only when it is not there is it looked for again ignoring case,
/// curly against straight quotes, dashes, runs of white space and Markdown backslash escapes,
/// because that is how a delegate retyping words from a printed agenda differs from the file.
/// Positions are Unicode scalar offsets into the text.
enum QuoteMatcher {
    static func occurrences(of quote: String, in text: String) -> [Range<Int>] {
        occurrences(of: quote, in: Array(text.unicodeScalars))
    }

    static func occurrences(of quote: String, in textScalars: [Unicode.Scalar]) -> [Range<Int>] {
        let quoteScalars = Array(quote.unicodeScalars)
        guard !quoteScalars.isEmpty else { return [] }
        let exact = search(quoteScalars, in: textScalars).filter { isWholeWords($0, in: textScalars) }
        if !exact.isEmpty { return exact }
        let (folded, map) = foldWithMap(textScalars)
        let foldedQuote = foldWithMap(quoteScalars).scalars
        guard !foldedQuote.isEmpty else { return [] }
        return search(foldedQuote, in: folded).compactMap { range -> Range<Int>? in
            let start = map[range.lowerBound], end = map[range.upperBound - 1] + 1
            return isWholeWords(start..<end, in: textScalars) ? start..<end : nil
        }
    }

    /// The folded form of a text, for comparing names and quotes loosely.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: foldWithMap(Array(text.unicodeScalars)).scalars)
        return String(out)
    }

    private static func search(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Range<Int>] {
        guard needle.count <= haystack.count, let first = needle.first else { return [] }
        var out: [Range<Int>] = []
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var k = 1
                while k < needle.count, haystack[index + k] == needle[k] { k += 1 }
                if k == needle.count { out.append(index..<index + needle.count) }
            }
            index += 1
        }
        return out
    }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        // General Punctuation (dashes, curly quotes, spaces) holds no letter, digit or mark, and
        // is most of the other scalars in a motion; Unicode's properties take a thousand
        // instructions a scalar.
        if value >= 0x2000 && value < 0x2070 { return false }
        return isWordScalarByProperties(scalar)
    }

    @inline(never) static func isWordScalarByProperties(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
    }

    private static func isWholeWords(_ range: Range<Int>, in text: [Unicode.Scalar]) -> Bool {
        if range.lowerBound > 0, isWordScalar(text[range.lowerBound]), isWordScalar(text[range.lowerBound - 1]) { return false }
        if range.upperBound < text.count, isWordScalar(text[range.upperBound - 1]), isWordScalar(text[range.upperBound]) { return false }
        return true
    }

    /// Folded scalars, and for each the offset of the scalar it came from. Leading and trailing
    /// white space is dropped.
    private static func foldWithMap(_ scalars: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], map: [Int]) {
        var out: [Unicode.Scalar] = []
        var map: [Int] = []
        out.reserveCapacity(scalars.count)
        map.reserveCapacity(scalars.count)
        var pendingSpace = false
        var index = 0
        while index < scalars.count {
            var scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count, scalars[index + 1].isASCII, scalars[index + 1].properties.isPatternSyntax {
                index += 1
                scalar = scalars[index]
            }
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || !scalar.isASCII && scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                index += 1
                continue
            }
            if pendingSpace {
                out.append(" ")
                map.append(index - 1)
                pendingSpace = false
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": scalar = "'"
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": scalar = "\""
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": scalar = "-"
            default:
                if scalar.isASCII {
                    if scalar.value >= 0x41, scalar.value <= 0x5A { scalar = Unicode.Scalar(scalar.value + 32)! }
                } else {
                    let lower = scalar.properties.lowercaseMapping.unicodeScalars
                    if lower.count == 1, let first = lower.first { scalar = first }
                }
            }
            out.append(scalar)
            map.append(index)
            index += 1
        }
        return (out, map)
    }
}
