#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the workspace a command runs in, as git finds its repository: the nearest folder at
/// or above the current one that holds a `.motion/` folder.
public enum WorkspaceLocator {
    static let markerFolder = ".motion"

    /// The workspace root above `directory`, or nil outside any workspace.
    static func findRoot(from directory: String = currentDirectory()) -> String? {
        var current = directory
        while true {
            if FileIO.isDirectory(current == "/" ? "/\(markerFolder)" : "\(current)/\(markerFolder)") { return current }
            let parent = FileIO.parentDirectory(of: current)
            if parent == current || current.isEmpty || current == "." { return nil }
            current = parent
        }
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
