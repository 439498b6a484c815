#if canImport(Glibc)
import Glibc
#endif

/// Where a command works: the folder holding `motions/` (working copies) and the store file.
///
/// Found by walking up from the current folder to the nearest `.motion/` (like git), unless
/// `--store PATH` or `MOTION_STORE` names a store file directly.
public struct Workspace: Sendable {
    /// The folder holding `motions/`, `templates/`, `glossary/` and `.motion/`.
    public var root: String
    /// The SQLite store file.
    public var storePath: String

    static let storeRelativePath = ".motion/store.sqlite"
    static let configRelativePath = ".motion/config.yaml"

    var motionsFolder: String { root == "." ? "motions" : "\(root)/motions" }
    var configPath: String { "\(root)/\(Workspace.configRelativePath)" }

    public init(root: String, storePath: String? = nil) {
        self.root = root
        self.storePath = storePath ?? "\(root)/\(Workspace.storeRelativePath)"
    }

    /// The workspace for a command: an explicit store path (option, then environment), else the
    /// nearest workspace above `directory`.
    static func locate(storeOption: String?, environment: [String: String], from directory: String) throws(StoreError) -> Workspace {
        if let explicit = storeOption ?? environment["MOTION_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let root = WorkspaceLocator.findRoot(from: directory) ?? directory
            return Workspace(root: root, storePath: explicit)
        }
        guard let root = WorkspaceLocator.findRoot(from: directory) else {
            throw StoreError(.noWorkspace,
                             "not in a motion workspace (no .motion folder here or above); run 'motion init' first, or name a store with --store PATH")
        }
        return Workspace(root: root)
    }

    /// Removes what an atomic write killed half-way leaves in motions/ (`.ID.md.tmp-XXXXXX`),
    /// once it is older than `age` seconds: a write in progress takes milliseconds. Returns the
    /// names removed.
    @discardableResult
    func removeStaleTemporaryFiles(olderThan age: Int = 60, now: Int = Int(time(nil))) -> [String] {
        var removed: [String] = []
        for name in FileIO.listDirectory(motionsFolder) where name.hasPrefix(".") && FileIO.isTemporaryName(name) {
            let path = "\(motionsFolder)/\(name)"
            guard let changed = FileIO.modificationSeconds(path), now - changed > age, unlink(path) == 0 else { continue }
            removed.append(name)
        }
        return removed
    }

    /// The working file of a motion: motions/ID.md.
    func workingFile(for id: String) -> String { "\(motionsFolder)/\(id).md" }

    /// Every `*.md` file in motions/, sorted.
    func workingFiles() -> [String] {
        FileIO.listDirectory(motionsFolder).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { "\(motionsFolder)/\($0)" }
    }

    /// The author of new revisions: the option, then MOTION_AUTHOR, then `author:` in
    /// .motion/config.yaml, then the login name.
    public func author(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["MOTION_AUTHOR"], !fromEnvironment.isEmpty { return fromEnvironment }
        if let configured = configValue("author") { return configured }
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        if let name = getlogin() { return String(cString: name) }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }

    /// A `key: value` line of .motion/config.yaml.
    func configValue(_ key: String) -> String? {
        guard let text = try? SourceText.read(configPath).text else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key else { continue }
            var value = parts[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

import Foundation
