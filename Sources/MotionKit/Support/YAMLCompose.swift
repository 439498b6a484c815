import Yams

/// YAML is composed in one way everywhere, and read without the parts of Yams that cost more
/// than the reading: the basic resolver (no dates or octal guesses), UTF-8 named outright (left
/// to its default, Yams reads the whole process environment, for YAMS_DEFAULT_ENCODING, every
/// time; Swift's strings are UTF-8, so that default is UTF-8 here anyway), and a constructor
/// with no maps (Yams' default one builds its three maps anew wherever it is used, and nodes
/// here are read as strings, numbers and flags, never turned into `Any`).
enum YAMLCompose {
    static func node(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8)
    }

    /// A mapping's keys that are strings (scalars whose tag is none, `!` or `!!str`, as a
    /// mapping's string subscript matches them) with their values, in order: read once, then
    /// looked up by ``value(_:in:)``. The subscript makes a node and resolves two tags for every
    /// key it compares, and walking a mapping copies every node in it.
    static func fields(_ mapping: Node.Mapping) -> [Field] {
        var fields: [Field] = []
        for (key, value) in mapping {
            guard let scalar = key.scalar else { continue }
            let tag = key.tag.description
            if tag.isEmpty || tag == "!" || tag == "tag:yaml.org,2002:str" { fields.append(Field(key: scalar.string, value: value)) }
        }
        return fields
    }

    struct Field {
        var key: String
        var value: Node
    }

    /// The value of `key`, as the mapping's subscript gives it: the last such key's.
    static func value(_ key: String, in fields: [Field]) -> Node? {
        fields.last { $0.key == key }?.value
    }
}
