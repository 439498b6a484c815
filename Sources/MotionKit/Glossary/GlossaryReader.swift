import Yams

/// Reads glossary files (YAML) with the line of every entry and variant, so problems can be
/// shown as `file:line`.
enum GlossaryReader {
    public static func read(_ text: String, origin: String) throws(GlossaryProblem) -> GlossaryFile {
        func problem(_ line: Int, _ message: String) -> GlossaryProblem {
            GlossaryProblem(origin: origin, line: line, message: message)
        }
        let root: Node?
        do {
            root = try YAMLCompose.node(text)
        } catch let error as YamlError {
            throw problem(yamlLine(error), "not valid YAML: \(error)")
        } catch {
            throw problem(1, "not valid YAML: \(error)")
        }
        guard let rootMapping = root?.mapping else { throw problem(1, "a glossary is a mapping with 'glossary', 'title' and 'entries'") }
        let mapping = YAMLCompose.fields(rootMapping)
        let name = YAMLCompose.value("glossary", in: mapping)?.string ?? FileIO.baseName(of: origin).replacingSuffix(".yaml")
        guard let list = YAMLCompose.value("entries", in: mapping)?.sequence else {
            throw problem(rootMapping.mark?.line ?? 1, "no 'entries:' list; see glossary/lxp-roles.yaml for the format")
        }
        var entries: [GlossaryEntry] = []
        for node in list {
            let line = node.mark?.line ?? 1
            guard let entryMapping = node.mapping else { throw problem(line, "each entry is a mapping with at least 'term' and 'definition'") }
            for (key, _) in entryMapping {
                guard let key = key.string, Self.fields.contains(key) else {
                    throw problem(key.mark?.line ?? line, "unknown field '\(key.string ?? "?")'; the fields are \(Self.fields.sorted().joined(separator: ", "))")
                }
            }
            let fields = YAMLCompose.fields(entryMapping)
            guard let term = YAMLCompose.value("term", in: fields)?.string?.trimmingWhitespace, !term.isEmpty else {
                throw problem(line, "an entry has no 'term' (the preferred term)")
            }
            func strings(_ key: String) throws(GlossaryProblem) -> [(String, Int)] {
                guard let value = YAMLCompose.value(key, in: fields) else { return [] }
                if let single = value.string { return single.isEmpty ? [] : [(single, value.mark?.line ?? line)] }
                guard let items = value.sequence else { throw problem(value.mark?.line ?? line, "'\(key)' of '\(term)' must be a list") }
                var out: [(String, Int)] = []
                for item in items {
                    guard let text = item.string?.trimmingWhitespace else { throw problem(item.mark?.line ?? line, "'\(key)' of '\(term)' must list plain terms") }
                    if !text.isEmpty { out.append((text, item.mark?.line ?? line)) }
                }
                return out
            }
            var avoided: [GlossaryEntry.Avoided] = []
            if let avoid = YAMLCompose.value("avoid", in: fields) {
                guard let items = avoid.sequence else { throw problem(avoid.mark?.line ?? line, "'avoid' of '\(term)' must be a list of 'term' and 'reason'") }
                for item in items {
                    let pair = item.mapping.map(YAMLCompose.fields) ?? []
                    guard let avoidedTerm = YAMLCompose.value("term", in: pair)?.string, let reason = YAMLCompose.value("reason", in: pair)?.string else {
                        throw problem(item.mark?.line ?? line, "each term to avoid needs a 'term' and a 'reason'")
                    }
                    avoided.append(GlossaryEntry.Avoided(term: avoidedTerm, reason: reason, line: item.mark?.line ?? line))
                }
            }
            let variants = try strings("variants")
            entries.append(GlossaryEntry(
                term: term, definition: YAMLCompose.value("definition", in: fields)?.string ?? "", variants: variants.map(\.0),
                abbreviations: try strings("abbreviations").map(\.0), avoid: avoided, related: try strings("related").map(\.0),
                notes: YAMLCompose.value("notes", in: fields)?.string ?? "", source: YAMLCompose.value("source", in: fields)?.string ?? "",
                origin: origin, glossary: name, line: line, variantLines: variants.map(\.1)))
        }
        return GlossaryFile(name: name, title: YAMLCompose.value("title", in: mapping)?.string ?? name, origin: origin, entries: entries)
    }

    /// An array, not a Set: a Set of Strings made at start-up asks the runtime for
    /// `String: Hashable`, a scan of the whole conformance table, to look up eight names.
    static let fields = ["term", "definition", "variants", "abbreviations", "avoid", "related", "notes", "source"]

    private static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }
}

/// Where glossaries are read from: the workspace's glossary/ folder, else ./glossary, else the
/// shared glossary built into the tool. Every `*.yaml` file of that folder is a layer, in name
/// order.
struct GlossarySources: Sendable {
    public var workspaceRoot: String?
    public var currentDirectory: String

    public init(workspaceRoot: String?, currentDirectory: String = ".") {
        self.workspaceRoot = workspaceRoot
        self.currentDirectory = currentDirectory
    }

    /// The files of the first place that has any, as (origin, text).
    public func files() throws(GlossaryProblem) -> [(origin: String, text: String)] {
        var folders: [String] = []
        if let workspaceRoot { folders.append("\(workspaceRoot)/glossary") }
        folders.append(currentDirectory == "." ? "glossary" : "\(currentDirectory)/glossary")
        for folder in folders {
            let names = FileIO.listDirectory(folder).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
            guard !names.isEmpty else { continue }
            var out: [(String, String)] = []
            for name in names {
                let path = "\(folder)/\(name)"
                do {
                    out.append((path, try SourceText.read(path).text))
                } catch {
                    throw GlossaryProblem(origin: path, line: max(error.line, 1), message: error.message)
                }
            }
            return out
        }
        return Self.builtinFiles()
    }

    /// The built-in glossary's files, as (origin, text).
    static func builtinFiles() -> [(origin: String, text: String)] {
        BuiltinFiles.paths.filter { $0.hasPrefix("glossary/") && $0.hasSuffix(".yaml") }
            .sorted { $0 < $1 }.map { ("(built in) \($0)", BuiltinFiles.text(at: $0)!) }
    }

    /// The glossary these files make.
    public func glossary() throws(GlossaryProblem) -> Glossary {
        try Self.glossary(of: try files())
    }

    /// The glossary `files` (as (origin, text)) make.
    static func glossary(of files: [(origin: String, text: String)]) throws(GlossaryProblem) -> Glossary {
        var read: [GlossaryFile] = []
        for (origin, text) in files {
            if let preRead = BuiltinGlossary.file(origin: origin, text: text) {
                read.append(preRead)
            } else {
                read.append(try GlossaryReader.read(text, origin: origin))
            }
        }
        return Glossary(files: read)
    }
}
