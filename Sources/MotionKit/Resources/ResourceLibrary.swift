/// Finds the templates and glossaries a command uses: the workspace's copy, else the current
/// folder's, else the copy built into the tool, so every command works in any folder.
public struct ResourceLibrary: Sendable {
    /// Folders searched in order, each holding `templates/` and `glossary/`.
    let roots: [String]

    /// - Parameters:
    ///   - workspaceRoot: the workspace's root folder (the one holding `.motion/`), if any.
    ///   - currentDirectory: the folder the command runs in.
    public init(workspaceRoot: String?, currentDirectory: String = ".") {
        var roots: [String] = []
        if let workspaceRoot { roots.append(workspaceRoot) }
        if workspaceRoot != currentDirectory { roots.append(currentDirectory) }
        self.roots = roots
    }

    /// Where a resource was found.
    public enum Origin: Hashable, Sendable, CustomStringConvertible {
        case file(String)
        case builtin(String)

        public var description: String {
            switch self {
            case .file(let path): return path
            case .builtin(let path): return "(built in) \(path)"
            }
        }
    }

    /// The text of `relativePath` (such as `templates/profiles/generic.yaml`) and where it came from.
    /// The tool's own copy of a file, whatever a workspace holds: for what must match this
    /// version of the tool, such as the API's description.
    public static func builtinText(_ relativePath: String) -> String? { BuiltinFiles.text(at: relativePath) }

    public func text(_ relativePath: String) throws(ResourceError) -> (text: String, origin: Origin)? {
        try ResourceLibrary.checkSafe(relativePath)
        for root in roots {
            let path = root == "." ? relativePath : "\(root)/\(relativePath)"
            guard FileIO.fileExists(path) else { continue }
            // A link that leads out of the folder would let a template read any file.
            let folder = (root == "." ? "" : root + "/") + String(relativePath.prefix { $0 != "/" })
            guard FileIO.realPath(path).hasPrefix(FileIO.realPath(folder) + "/") else {
                throw ResourceError(path: path, message: "is a link to a file outside \(relativePath.prefix { $0 != "/" })/; copy the file into the folder instead")
            }
            do {
                return (try SourceText.read(path).text, .file(path))
            } catch {
                throw ResourceError(path: path, line: error.line, message: error.message)
            }
        }
        return BuiltinFiles.text(at: relativePath).map { ($0, .builtin(relativePath)) }
    }

    /// Names (file names without `ext`) available in a folder such as `templates/profiles`, across
    /// every layer, sorted.
    public func names(in folder: String, ext: String) -> [String] {
        var names = Set<String>()
        for root in roots {
            let path = root == "." ? folder : "\(root)/\(folder)"
            for entry in FileIO.listDirectory(path) where entry.hasSuffix(ext) && !entry.hasPrefix(".") {
                names.insert(String(entry.dropLast(ext.count)))
            }
        }
        // The built-in paths are ASCII, so their bytes are their characters.
        let prefix = folder + "/"
        for key in BuiltinFiles.paths where key.hasPrefix(prefix) && key.hasSuffix(ext) {
            let name = key.utf8.dropFirst(prefix.utf8.count).dropLast(ext.utf8.count)
            if !name.contains(UInt8(ascii: "/")) { names.insert(String(Substring(name))) }
        }
        return names.sorted()
    }

    /// Template and profile names come from users: they must stay inside the templates folder.
    static func checkSafe(_ relativePath: String) throws(ResourceError) {
        // On bytes: every part between slashes is neither empty (which a leading slash is too)
        // nor "..", and there is no NUL.
        var unsafe = false, partLength = 0, dots = 0
        func endPart() {
            if partLength == 0 || (partLength == 2 && dots == 2) { unsafe = true }
            partLength = 0
            dots = 0
        }
        for byte in relativePath.utf8 {
            if byte == UInt8(ascii: "/") {
                endPart()
                continue
            }
            if byte == 0 { unsafe = true }
            if byte == UInt8(ascii: ".") { dots += 1 }
            partLength += 1
        }
        endPart()
        if unsafe {
            throw ResourceError(path: relativePath, message: "a template or profile name must be a plain name, not a path")
        }
    }

    /// Checks a user-given name (of a profile or template) before it becomes part of a path.
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }
}

/// A template, profile or glossary file that exists but cannot be used.
public struct ResourceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int = 0
    public var message: String
    public var description: String { line > 0 ? "\(path):\(line): error: \(message)" : "\(path): error: \(message)" }

    public init(path: String, line: Int = 0, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }
}
