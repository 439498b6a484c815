/// A composite's promise, checked: every sentence of every source motion is said in the
/// composite (the same words: case, punctuation and spacing aside), every source block is named
/// in some block's provenance, and every sentence reported as left out is said by the block the
/// report names. The drafter checks every draft with it; tests check it on families of motions.
public enum CompositeCoverage {
    /// What is broken, in words; empty when the promise holds.
    public static func problems(sources: [Motion], composite: Motion, report: CompositeReport) -> [String] {
        var problems: [String] = []
        let places = Provenance.Place.places(in: composite)
        let blocks = [composite.preamble] + composite.sections.map(\.blocks)
        var keysByPlace: [String: Set<String>] = [:]
        var named: Set<String> = []
        for (part, content) in blocks.enumerated() {
            for (index, block) in content.enumerated() {
                keysByPlace[places[part][index].description] = Set(sentences(of: block.plainText).map(\.key))
                for source in block.provenance?.sources ?? [] { named.insert(source.description) }
            }
        }
        let said = keysByPlace.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        for source in sources {
            let sourcePlaces = Provenance.Place.places(in: source)
            for (part, content) in ([source.preamble] + source.sections.map(\.blocks)).enumerated() {
                for (index, block) in content.enumerated() {
                    let name = "\(source.id)#\(sourcePlaces[part][index])"
                    if !named.contains(name) { problems.append("\(name) is in no block's provenance") }
                    for (number, sentence) in sentences(of: block.plainText).enumerated() where !sentence.key.isEmpty && !said.contains(sentence.key) {
                        problems.append("sentence \(number + 1) of \(name) is not in the composite: \(sentence.text)")
                    }
                }
            }
        }
        for item in report.leftOut {
            let key = sentences(of: item.text).first?.key ?? ""
            if keysByPlace[item.duplicateOf]?.contains(key) != true {
                problems.append("\(item.source) sentence \(item.sentence) is reported as said in \(item.duplicateOf), which does not say it")
            }
        }
        return problems
    }

    /// Sentences as amendment wording cuts them, each with the key they are compared by: its
    /// words in lower case, punctuation and spacing left out.
    static func sentences(of text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        return TextEdit.sentences(in: scalars).compactMap { range in
            var slice = scalars[range]
            while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
            while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
            guard !slice.isEmpty else { return nil }
            return Sentence(scalars: slice, key: key(of: slice))
        }
    }

    struct Sentence {
        /// Its text, made into a string only for a report (that is the costly part).
        var scalars: ArraySlice<Unicode.Scalar>
        /// What sentences are compared by.
        var key: String

        var text: String { String(String.UnicodeScalarView(scalars)) }
    }

    /// Words in lower case, one space apart. (Scalar by scalar: grapheme by grapheme was most
    /// of the time of a composite of 20 motions.)
    private static func key(of scalars: ArraySlice<Unicode.Scalar>) -> String {
        var key = String.UnicodeScalarView()
        var gap = false
        for scalar in scalars {
            let value = scalar.value
            let isWordPart: Bool
            if value < 0x80 {
                isWordPart = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            } else {
                let properties = scalar.properties
                isWordPart = properties.isAlphabetic || properties.numericType != nil
                    || [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
            }
            guard isWordPart else { gap = true; continue }
            if gap, !key.isEmpty { key.append(" ") }
            gap = false
            if (0x41...0x5A).contains(value) {
                key.append(Unicode.Scalar(value + 0x20)!)
            } else if value < 0x80 {
                key.append(scalar)
            } else {
                key.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(key)
    }
}
