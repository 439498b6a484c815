import Foundation
import Testing
@testable import MotionKit
#if canImport(Glibc)
import Glibc
#endif

/// What the next command does about a command stopped half-way, and a store it may only read.
@Suite struct StoreRecoveryTests {
    /// set-status killed between its commit and its write to motions/ID.md: the revision is
    /// recorded, the file still says the old status.
    static func statusChangeLeftBehind() throws -> (root: String, path: String) {
        let root = try StoreCommandTests.workspace()
        let id = StoreCommandTests.lxp
        #expect(try MotionProcess.run(["save", "-m", "First"], in: root).status == 0)
        usleep(20_000)
        let store = try SQLiteStore.open(at: "\(root)/.motion/store.sqlite")
        _ = try store.derive(id, author: "Office", message: { _, _ in "Sent in" }, change: { motion in
            var changed = motion
            changed.metadata.status = .submitted
            return changed
        })
        return (root, "\(root)/motions/\(id).md")
    }

    @Test func theNextStatusBringsTheFileForward() throws {
        let (root, path) = try Self.statusChangeLeftBehind()
        let before = try TestSupport.read(path)
        let status = try MotionProcess.run(["status"], in: root)
        #expect(status.stdout.contains("unchanged  \(StoreCommandTests.lxp)   @2"), "\(status.stdout)")
        #expect(status.stderr.contains("still held \(StoreCommandTests.lxp)@1") && status.stderr.contains("brought it up to \(StoreCommandTests.lxp)@2"), "\(status.stderr)")
        // Only the status line changed.
        let after = try TestSupport.read(path)
        #expect(after == before.replacingOccurrences(of: "status: draft", with: "status: submitted"))
        #expect(try MotionProcess.run(["save"], in: root).stderr.contains("nothing to save"))
    }

    @Test func theNextSaveBringsTheFileForwardInsteadOfUndoingTheStatus() throws {
        let (root, _) = try Self.statusChangeLeftBehind()
        let save = try MotionProcess.run(["save"], in: root)
        #expect(save.stdout.isEmpty && save.stderr.contains("brought it up to"), "\(save.stdout)\(save.stderr)")
        let log = try MotionProcess.run(["log", StoreCommandTests.lxp], in: root)
        #expect(log.stdout.hasPrefix("\(StoreCommandTests.lxp)@2  submitted"), "\(log.stdout)")
    }

    @Test func aFileEditedAfterTheRevisionIsTheDelegatesOwn() throws {
        let (root, path) = try Self.statusChangeLeftBehind()
        // The delegate rewrites the file (still saying draft) after the status change: theirs to save.
        // File times come from the kernel's coarse clock, a tick behind the store's: wait one out.
        usleep(50_000)
        try TestSupport.write(try TestSupport.read(path), to: path)
        let save = try MotionProcess.run(["save"], in: root)
        #expect(save.stdout.contains("\(StoreCommandTests.lxp)@3") && !save.stderr.contains("brought it up"), "\(save.stderr)")
    }

    /// Runs `motion` as a user who may not write the store: nobody, when the tests run as root.
    static func runWithoutWriteAccess(_ arguments: [String], in root: String) throws -> MotionProcess.Result {
        guard getuid() == 0 else { return try MotionProcess.run(arguments, in: root) }
        return try MotionProcess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", MotionProcess.binary] + arguments,
                                     in: root, environment: ["HOME": "/tmp"], viaExecutable: "/usr/bin/setpriv")
    }

    @Test func aReadOnlyStoreCanBeCheckedAndListed() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save", "-m", "First"], in: root).status == 0)
        // Readable by everyone, writable by no one; the motions stay writable so a save can try.
        chmod(root, 0o755)
        chmod("\(root)/motions", 0o777)
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(root)/motions") { chmod("\(root)/motions/\(file)", 0o666) }
        for file in try FileManager.default.contentsOfDirectory(atPath: "\(root)/.motion") { chmod("\(root)/.motion/\(file)", 0o444) }
        chmod("\(root)/.motion", 0o555)
        defer { chmod("\(root)/.motion", 0o755) }
        for command in [["fsck"], ["status"], ["list"], ["log", StoreCommandTests.lxp], ["show", StoreCommandTests.lxp]] {
            let result = try Self.runWithoutWriteAccess(command, in: root)
            #expect(result.status == 0, "\(command): \(result.status) \(result.stderr)")
        }
        // A write says plainly why it cannot be done.
        let path = "\(root)/motions/\(StoreCommandTests.lxp).md"
        try TestSupport.write(try TestSupport.read(path).replacingOccurrences(of: "Conference notes", with: "Conference notes with thanks"), to: path)
        let save = try Self.runWithoutWriteAccess(["save"], in: root)
        #expect(save.status == 73 && save.stderr.contains("read-only"), "\(save.status) \(save.stderr)")
    }
}
