#if canImport(Glibc)
import Glibc
#endif

/// A working file read for the store: its motion, its canonical text and that text's hash.
struct WorkingCopy: Sendable {
    public var path: String
    public var document: MotionDocument
    public var canonical: String
    public var hash: String

    public var id: String { document.motion.id }

    /// Reads a working file of `workspace`, which must live in its motions/ folder and be named
    /// after its id, so that `motions/ID.md` always means motion ID.
    public static func read(_ path: String, in workspace: Workspace) throws -> WorkingCopy {
        guard FileIO.realPath(FileIO.parentDirectory(of: path)) == FileIO.realPath(workspace.motionsFolder) else {
            throw StoreError(.badWorkingFile, "\(path): only files in the workspace's motions/ folder are saved; move it to \(workspace.motionsFolder)/")
        }
        let copy = try WorkingCopy(path: path)
        let expected = FileIO.baseName(of: path).replacingSuffix(".md")
        guard copy.id == expected else {
            throw StoreError(.badWorkingFile, "\(path): its id is '\(copy.id)' but the file is named '\(expected).md'; rename the file to \(copy.id).md or change the id")
        }
        return copy
    }

    /// Reads any motion file (no workspace rules).
    public init(path: String) throws(MotionReadError) {
        self.path = path
        document = try MotionReader.read(contentsOf: path)
        canonical = MarkdownWriter.write(document.motion)
        hash = SHA256.hex(canonical)
    }
}

extension FileIO {
    /// The absolute path with links resolved, or the path itself when it does not exist.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
