import Foundation
import Testing
@testable import MotionKit
#if canImport(Glibc)
import Glibc
#endif

/// The store under crashes, concurrent writers, damage and hostile conditions, through the binary.
@Suite struct ReliabilityTests {
    static func text(for id: String, edit: String) -> String {
        TestSupport.motionText(front: "id: \(id)\ntitle: Sample motion\n",
                               body: "## Conference notes\n\nA fact. \(edit)\n\n## Conference resolves\n\n1. Act.\n")
    }

    static func canonical(_ text: String) throws -> String {
        MarkdownWriter.write(try MotionReader.read(text).motion)
    }

    @Test func killedSavesLoseNothingAcknowledged() throws {
        let root = try StoreCommandTests.workspace()
        var random = SplitMix64(seed: 42)
        var acknowledged: [String: String] = [:]  // ID@N -> canonical text
        let output = root + "/.save-output"
        // Kill at random moments across the whole life of a save, however fast this build is.
        var timings: [UInt64] = []
        for round in 0..<3 {
            try TestSupport.write(Self.text(for: "warm", edit: "\(round)"), to: "\(root)/motions/warm.md")
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try MotionProcess.run(["save", "motions/warm.md"], in: root)
            timings.append((DispatchTime.now().uptimeNanoseconds - start) / 1_000)
        }
        // Twice a typical save, so that under load some saves still finish and some are cut short.
        let window = timings.sorted()[1] * 2
        for round in 0..<200 {
            let id = "m\(round % 5)"
            let text = Self.text(for: id, edit: "Edit \(round) \(random.next() % 1000).")
            try TestSupport.write(text, to: "\(root)/motions/\(id).md")
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: MotionProcess.binary)
            process.arguments = ["save", "motions/\(id).md"]
            process.currentDirectoryURL = URL(fileURLWithPath: root)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(random.next() % window))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = try TestSupport.read(output).trimmingCharacters(in: .whitespacesAndNewlines)
            if !printed.isEmpty { acknowledged[printed] = try Self.canonical(text) }
        }
        let fsck = try MotionProcess.run(["fsck"], in: root)
        #expect(fsck.status == 0, "\(fsck.stdout)\(fsck.stderr)")
        for (reference, text) in acknowledged {
            let shown = try MotionProcess.run(["show", reference], in: root)
            #expect(shown.status == 0 && shown.stdout == text, "\(reference)")
        }
        // Some saves were cut short and some finished: the kills landed at varied moments.
        #expect(acknowledged.count > 5 && acknowledged.count < 200, "\(acknowledged.count) acknowledged")
    }

    @Test func concurrentWritersNeitherFailNorLoseRevisions() throws {
        let root = try StoreCommandTests.workspace()
        let store = "\(root)/.motion/store.sqlite"
        // Two workers on their own motions in the workspace, two more on one shared motion, each
        // with a working copy of its own (as two delegates would have) and the same store.
        let workers: [(id: String, folder: String)] = [
            ("solo-a", root), ("solo-b", root),
            ("shared", try TestSupport.temporaryDirectory()), ("shared", try TestSupport.temporaryDirectory()),
        ]
        for worker in workers { try FileManager.default.createDirectory(atPath: "\(worker.folder)/motions", withIntermediateDirectories: true) }
        let results = Mutex<[(worker: Int, status: Int32, stdout: String, stderr: String)]>([])
        DispatchQueue.concurrentPerform(iterations: workers.count) { index in
            let (id, folder) = workers[index]
            for round in 0..<100 {
                do {
                    try TestSupport.write(Self.text(for: id, edit: "Worker \(index) round \(round)."), to: "\(folder)/motions/\(id).md")
                    let result = try MotionProcess.run(["save", "--store", store, "motions/\(id).md"], in: folder)
                    results.withLock { $0.append((index, result.status, result.stdout, result.stderr)) }
                } catch {
                    results.withLock { $0.append((index, -1, "", "\(error)")) }
                }
            }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 400)
        #expect(all.allSatisfy { $0.status == 0 && !$0.stderr.contains("locked") }, "\(all.filter { $0.status != 0 }.prefix(3))")
        let printed = all.map { $0.stdout.trimmingCharacters(in: .newlines) }
        #expect(Set(printed.filter { $0.hasPrefix("shared@") }) == Set((1...200).map { "shared@\($0)" }))
        #expect(Set(printed.filter { $0.hasPrefix("solo-a@") }).count == 100)
        let log = try MotionProcess.run(["log", "--json", "shared"], in: root)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["number"] as? Int } == Array((1...200).reversed()))
        #expect(try MotionProcess.run(["fsck"], in: root).status == 0)
    }

    @Test func fsckNamesADamagedRevisionThroughTheCLI() throws {
        let root = try StoreCommandTests.workspace()
        _ = try MotionProcess.run(["save"], in: root)
        let store = try SQLiteStore.open(at: "\(root)/.motion/store.sqlite")
        let revision = try store.revision(StoreCommandTests.lxp, .latest)
        try store.queue.write { db in
            var data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM blob WHERE hash = ?", arguments: [revision.hash]))
            data[data.count / 3] ^= 0x20
            try db.execute(sql: "UPDATE blob SET data = ? WHERE hash = ?", arguments: [data, revision.hash])
        }
        let fsck = try MotionProcess.run(["fsck"], in: root)
        #expect(fsck.status == 1)
        #expect(fsck.stdout.hasPrefix("\(StoreCommandTests.lxp)@1: damaged:"))
        let show = try MotionProcess.run(["show", StoreCommandTests.lxp], in: root)
        #expect(show.status == 65 && show.stdout.isEmpty && show.stderr.contains("damaged"))
    }

    @Test func aReadOnlyStoreIsRefusedClearly() throws {
        let root = try StoreCommandTests.workspace()
        _ = try MotionProcess.run(["save"], in: root)
        let file = "\(root)/motions/\(StoreCommandTests.lxp).md"
        try TestSupport.write(try TestSupport.read(file) + "\nOne more paragraph.\n", to: file)
        let result: MotionProcess.Result
        if geteuid() == 0 {
            // Root ignores permission bits: run as 'nobody', to whom the store is read-only.
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root)
            result = try MotionProcess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                                            MotionProcess.binary, "save"], in: root, viaExecutable: "/usr/bin/setpriv")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: "\(root)/.motion")
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: "\(root)/.motion/store.sqlite")
            result = try MotionProcess.run(["save"], in: root)
        }
        #expect(result.status == 73 || result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("read-only") || result.stderr.contains("permission"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try SQLiteStore.open(at: "\(root)/.motion/store.sqlite").log(StoreCommandTests.lxp).count == 1)
    }

    @Test func aFullDiskSavesNothingAndSaysSo() throws {
        let root = try StoreCommandTests.workspace()
        _ = try MotionProcess.run(["save"], in: root)
        // 300 KB of text that does not compress far: the store must grow past the 64 KiB limit.
        var random = SplitMix64(seed: 7)
        let words = (0..<40_000).map { _ in String(random.next() % 1_000_000, radix: 36) }.joined(separator: " ")
        let file = "\(root)/motions/\(StoreCommandTests.lxp).md"
        try TestSupport.write(try TestSupport.read(file) + "\n\(words)\n", to: file)
        let result = try MotionProcess.run(["/bin/bash", "-c", "ulimit -f 64; exec \"$0\" save", MotionProcess.binary],
                                           in: root, viaExecutable: "/bin/bash")
        #expect(result.status == 74, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("nothing was saved"), "\(result.stderr)")
        #expect(try MotionProcess.run(["fsck"], in: root).status == 0)
        #expect(try SQLiteStore.open(at: "\(root)/.motion/store.sqlite").log(StoreCommandTests.lxp).count == 1)
    }
}

import GRDB
import Synchronization
