import Foundation
import Testing
@testable import MotionWeb

/// `motion user` as a secretary runs it: the built binary, passwords on standard input only.
@Suite struct UserCommandTests {
    static let binary = ProcessInfo.processInfo.environment["MOTION_BIN"] ?? "\(WebFixture.packageRoot)/.build/debug/motion"

    /// Runs `motion ARGS` in `directory` with `input` on stdin: exit status, stdout, stderr.
    static func motion(_ arguments: [String], in directory: String, input: String = "") throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile(), err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func accountsAreAddedListedChangedAndRemoved() throws {
        let root = try WebFixture().root
        let added = try Self.motion(["user", "add", "sam", "--role", "secretary", "--branch", "Leeds Branch"], in: root, input: "a good password\n")
        #expect(added.0 == 0 && added.1.contains("added sam (secretary, Leeds Branch)"), "\(added)")
        let listed = try Self.motion(["user", "list"], in: root)
        #expect(listed.1.contains("sam\tsecretary\tLeeds Branch") && listed.1.contains("office1\toffice"), "\(listed)")
        let again = try Self.motion(["user", "add", "sam", "--role", "office"], in: root, input: "another password\n")
        #expect(again.0 == 65 && again.2.contains("motion: error: an account 'sam' exists already"), "\(again)")
        let short = try Self.motion(["user", "add", "kim", "--role", "office"], in: root, input: "short\n")
        #expect(short.0 == 65 && short.2.contains("at least 8 characters"))
        let noBranch = try Self.motion(["user", "add", "kim", "--role", "delegate"], in: root, input: "a good password\n")
        #expect(noBranch.0 == 64 && noBranch.2.contains("--branch"), "\(noBranch)")
        let passwd = try Self.motion(["user", "passwd", "sam"], in: root, input: "a newer password\n")
        #expect(passwd.0 == 0, "\(passwd)")
        let store = try SQLiteAccountStore(path: "\(root)/.motion/accounts.sqlite")
        #expect(Passwords.verify("a newer password", hash: try #require(try store.account(named: "sam")).passwordHash))
        #expect(try Self.motion(["user", "remove", "sam"], in: root).0 == 0)
        let gone = try Self.motion(["user", "remove", "sam"], in: root)
        #expect(gone.0 == 65 && gone.2.contains("no account 'sam'"))
        // There is no way to give a password as an argument.
        let argument = try Self.motion(["user", "add", "lee", "--role", "office", "--password", "in-the-open"], in: root)
        #expect(argument.0 == 64)
    }
}
