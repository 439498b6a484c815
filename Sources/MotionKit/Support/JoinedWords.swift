extension Array where Element == String {
    /// The words with a space between each two, as `joined(separator: " ")` gives them.
    ///
    /// The standard library's `joined(separator:)` asks the runtime for an associated type the
    /// first time it runs: a scan of every protocol conformance in a static binary, about
    /// 300,000 instructions, which `motion check` paid for its first glossary finding.
    var joinedWithSpaces: String {
        var out = ""
        for (index, word) in enumerated() {
            if index > 0 { out += " " }
            out += word
        }
        return out
    }
}
