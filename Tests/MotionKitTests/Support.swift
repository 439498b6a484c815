import Foundation
@testable import MotionKit

/// Helpers shared by the tests: temporary folders, the repository's files, the built binary.
enum TestSupport {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var exampleMotionPaths: [String] {
        FileIO.listDirectory("\(packageRoot)/motions").filter { $0.hasSuffix(".md") }.sorted().map { "\(packageRoot)/motions/\($0)" }
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "motion-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: FileIO.parentDirectory(of: path), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Whether the generated file at `relativePath` (from the package root) holds `expected`.
    /// With MOTION_UPDATE_GENERATED=1 it is written afresh instead, and counts as current.
    static func generatedFileIsCurrent(_ relativePath: String, expected: String) throws -> Bool {
        let path = "\(packageRoot)/\(relativePath)"
        let current = (try? read(path)) ?? ""
        if current != expected, ProcessInfo.processInfo.environment["MOTION_UPDATE_GENERATED"] != nil {
            try write(expected, to: path)
            return true
        }
        return current == expected
    }

    /// A small valid motion, with room to vary its parts.
    static func motionText(front: String = "id: sample\ntitle: Sample motion\nprofile: generic\n",
                           body: String = "## Conference notes\n\nA fact.\n\n## Conference resolves\n\n1. To act.\n",
                           title: String = "# Sample motion\n") -> String {
        "---\n\(front)---\n\n\(title)\n\(body)"
    }
}

extension TestSupport {
    /// A new workspace, made through the library, with its store open.
    static func historyWorkspace() throws -> History {
        let root = try temporaryDirectory()
        let result = try WorkspaceSetup.initialize(at: root)
        return History(workspace: result.workspace, store: try SQLiteStore.open(at: result.workspace.storePath))
    }

    /// Writes motions/ID.md of `history`'s workspace: a small motion with `body` as its notes.
    static func writeMotion(_ history: History, id: String = "pay", body: String = "A fact.") throws -> String {
        let path = history.workspace.workingFile(for: id)
        try write(motionText(front: "id: \(id)\ntitle: Sample motion\n",
                             body: "## Conference notes\n\n\(body)\n\n## Conference resolves\n\n1. Act.\n"), to: path)
        return path
    }

    /// Runs the system's python3 on `script` with `arguments`: its exit status and stdout.
    static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Runs the built `motion` binary.
struct MotionProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Ended by a signal (a crash, a trap), not by exiting.
        var crashed = false
    }

    static let binary: String = ProcessInfo.processInfo.environment["MOTION_BIN"] ?? "\(TestSupport.packageRoot)/.build/debug/motion"

    /// Runs `motion ARGUMENTS`, or with `viaExecutable`, that program with ARGUMENTS after its name.
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    stdin: String? = nil, viaExecutable: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: viaExecutable ?? binary)
        process.arguments = viaExecutable == nil ? arguments : Array(arguments.dropFirst())
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        // Output goes to files, not pipes, so a large output can never block the child.
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = FileManager.default.createFile(atPath: directory + "/out", contents: nil)
        _ = FileManager.default.createFile(atPath: directory + "/err", contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/err"))
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = try Data(contentsOf: URL(fileURLWithPath: directory + "/out"))
        let errData = try Data(contentsOf: URL(fileURLWithPath: directory + "/err"))
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), crashed: process.terminationReason == .uncaughtSignal)
    }
}
