import Yams

/// YAML is composed in one way everywhere: the basic resolver (no dates or octal guesses) and
/// UTF-8 named outright. Left to its default, Yams decides the encoding by reading the whole
/// process environment (for YAMS_DEFAULT_ENCODING) every time, which costs more than parsing
/// the file; Swift's strings are UTF-8, so that default is UTF-8 here anyway.
enum YAMLCompose {
    static func node(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, .default, .utf8)
    }
}
