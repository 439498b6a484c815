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

    /// A small valid motion, with room to vary its parts.
    static func motionText(front: String = "id: sample\ntitle: Sample motion\nprofile: generic\n",
                           body: String = "## Conference notes\n\nA fact.\n\n## Conference resolves\n\n1. To act.\n",
                           title: String = "# Sample motion\n") -> String {
        "---\n\(front)---\n\n\(title)\n\(body)"
    }
}

/// Runs the built `motion` binary.
struct MotionProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
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
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
