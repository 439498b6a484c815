import ArgumentParser
import MotionKit

/// `--store PATH`, shared by every command that may use the store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store file to use instead of the workspace's .motion/store.sqlite (also MOTION_STORE).", valueName: "path"))
    var store: String?

    /// The command's application context: the store is found and opened only when first used.
    var context: AppContext { AppContext(storeOption: store, warn: { Terminal.warning($0) }) }
}

/// Where a command's document goes: stdout, or a file written atomically. `-o` is taken as
/// people type it: a folder (one that exists, or any path ending in '/') gets the default file
/// name inside it, and the file's extension says the format when `--to` does not.
enum DocumentOutput {
    /// `--to`, else the format `output`'s extension names, else `fallback`; nil when none says.
    static func format(_ to: DocumentFormat?, output: String?, fallback: DocumentFormat? = nil) throws -> DocumentFormat {
        if let to { return to }
        if let output, !isFolder(output), let dot = output.lastIndex(of: "."),
           let format = DocumentFormat(rawValue: output[output.index(after: dot)...].lowercased()) {
            return format
        }
        if let fallback { return fallback }
        throw ValidationError("say which format: --to docx, --to xml or --to md (or name an -o file ending .docx, .xml or .md)")
    }

    private static func isFolder(_ path: String) -> Bool { path.hasSuffix("/") || FileIO.isDirectory(path) }

    /// The file to write for `output`: inside it when it is a folder. A folder that does not
    /// exist is named as such, before anything is made.
    static func target(_ output: String, defaultName: String) throws -> String {
        let path = isFolder(output) ? (output.hasSuffix("/") ? output : output + "/") + FileIO.baseName(of: defaultName) : output
        let folder = FileIO.parentDirectory(of: path)
        guard FileIO.isDirectory(folder) else {
            Terminal.error("motion: error: cannot write \(path): the folder \(folder)/ does not exist; make it first (mkdir -p \(folder)) or name another")
            throw ExitCode(ExitStatus.cannotCreate)
        }
        return path
    }

    static func write(_ text: String, to path: String?, defaultName: String) throws {
        guard let path else {
            Output.document(text)
            return
        }
        try FileIO.writeAtomically(text, to: try target(path, defaultName: defaultName))
    }

    /// Bytes to `path`, else `defaultPath` (whose name goes to stderr), or text to stdout when
    /// `toStandardOutput` and no path was given.
    static func write(_ bytes: [UInt8], to path: String?, defaultPath: String, toStandardOutput: Bool) throws {
        if toStandardOutput, path == nil {
            Output.document(String(decoding: bytes, as: UTF8.self))
            return
        }
        let file = try path.map { try target($0, defaultName: defaultPath) } ?? defaultPath
        try FileIO.writeAtomically(bytes, to: file)
        Terminal.error(file)
    }
}
