import Foundation
import Synchronization
import Testing
@testable import MotionKit
import MotionPostgres

/// What only the PostgreSQL store has: a schema in a database someone else made, logins, and a
/// server that can go away. The promises it shares with SQLite are in RevisionStoreTests.
@Suite struct PostgresStoreTests {
    static let environment = TestPostgres.environment

    static func save(_ store: any RevisionStore, _ body: String = "A fact.") throws -> Revision? {
        try RevisionStoreTests.save(store, RevisionStoreTests.motion(body: body))
    }

    @Test func anEmptyDatabaseIsMadeAStoreOnlyWhenAsked() throws {
        let address = try TestPostgres.newDatabase()
        #expect { _ = try PostgresStore.open(address, environment: Self.environment) } throws: { error in
            let error = try #require(error as? StoreError)
            return error.reason == .noWorkspace && error.message.contains("run 'motion init --store \"\(address)\"'")
        }
        let store = try PostgresStore.open(address, create: true, environment: Self.environment)
        #expect(try Self.save(store)?.number == 1)
        // Opening again changes nothing and finds what was saved.
        #expect(try PostgresStore.open(address, create: true, environment: Self.environment).log("pay").count == 1)
    }

    @Test func aDatabaseOfSomethingElseOrOfANewerMotionIsRefused() throws {
        let other = try TestPostgres.newDatabase()
        try TestPostgres.execute("CREATE TABLE invoices (id int)", in: other)
        #expect { _ = try PostgresStore.open(other, create: true, environment: Self.environment) } throws: {
            ($0 as? StoreError)?.message.contains("holds tables that are not a motion store") == true
        }
        let newer = try TestPostgres.newDatabase()
        _ = try PostgresStore.open(newer, create: true, environment: Self.environment)
        try TestPostgres.execute("INSERT INTO motion_schema (version, description, applied_by) VALUES (99, 'future', 'motion 9')", in: newer)
        #expect { _ = try PostgresStore.open(newer, environment: Self.environment) } throws: {
            ($0 as? StoreError)?.message.contains("written by a newer version of motion (schema 99)") == true
        }
    }

    @Test func revisionsAndTextsCannotBeChangedEvenAtTheDatabase() throws {
        let address = try TestPostgres.newDatabase()
        let store = try PostgresStore.open(address, create: true, environment: Self.environment)
        let first = try #require(try Self.save(store))
        for statement in ["UPDATE revision SET author = 'Mallory'", "DELETE FROM text_blob WHERE hash = '\(first.hash)'"] {
            #expect(throws: StoreError.self) { try TestPostgres.execute(statement, in: address) }
        }
        #expect(try store.fsck().isClean)
    }

    @Test func tcpAddressesWorkLikeSockets() throws {
        let tcp = try #require(Self.environment["MOTION_TEST_POSTGRES_TCP"], "MOTION_TEST_POSTGRES_TCP is set by scripts/with-postgres.sh")
        var address = try PostgresLocation(parsing: tcp, environment: Self.environment)
        address.database = try TestPostgres.newDatabase().database
        let store = try PostgresStore.open(address, create: true, environment: Self.environment)
        #expect(try Self.save(store)?.reference == "pay@1")
        #expect(store.location.hasPrefix("postgres://motion@127.0.0.1:"))
    }

    @Test func aMissingOrWrongPasswordIsToldWithoutRepeatingIt() throws {
        let address = try TestPostgres.newDatabase()
        var none = Self.environment
        none["PGPASSFILE"] = "/nonexistent"
        none["PGPASSWORD"] = nil
        #expect { _ = try PostgresStore.open(address, environment: none) } throws: {
            ($0 as? StoreError)?.message.contains("asks for motion's password: set PGPASSWORD, or add a line to ~/.pgpass") == true
        }
        var wrong = none
        wrong["PGPASSWORD"] = "not-the-password-4711"
        #expect { _ = try PostgresStore.open(address, environment: wrong) } throws: { error in
            let message = "\(error)"
            return message.contains("refused motion's login") && message.contains("PGPASSWORD") && !message.contains("4711")
        }
    }

    @Test func aServerThatIsNotThereIsUnavailableNotAnIOError() throws {
        let folder = try TestSupport.temporaryDirectory()
        let address = try PostgresLocation(parsing: "postgresql:///motion?host=\(folder)&user=motion", environment: [:])
        #expect { _ = try PostgresStore.open(address, environment: Self.environment) } throws: { error in
            let error = try #require(error as? StoreError)
            return error.reason == .unavailable && error.category == .unavailable
                && error.message.contains("no server is listening at \(folder)/.s.PGSQL.5432") && error.message.contains("nothing was saved")
        }
    }

    /// A server of its own, stopped and started under an open store: while it is down, a save
    /// says the database is unreachable and that nothing was saved; once it is back, the same
    /// handle works again without being reopened.
    @Test func aStoreOutlivesARestartOfItsServer() throws {
        let cluster = try PrivateCluster()
        defer { cluster.remove() }
        let address = try TestPostgres.newDatabase(on: cluster)
        let store = try PostgresStore.open(address, create: true, environment: cluster.environment)
        #expect(try Self.save(store)?.number == 1)
        try cluster.run("stop")
        #expect { try Self.save(store, "While down.") } throws: { error in
            let error = try #require(error as? StoreError)
            return error.reason == .unavailable && error.message.contains("nothing was saved")
        }
        try cluster.run("resume")
        #expect(try Self.save(store, "Back again.")?.number == 2)
        #expect(try store.log("pay").map(\.number) == [2, 1])
    }
}

/// `motion` with a PostgreSQL store, through the built binaries.
@Suite struct PostgresCommandTests {
    @Test func aCommandOnAnUnreachableDatabaseSaysNothingWasSaved() throws {
        let root = try StoreCommandTests.workspace()
        let folder = try TestSupport.temporaryDirectory()
        let result = try MotionProcess.run(["save", "-m", "m"], in: root, environment: ["MOTION_STORE": "postgresql:///motion?host=\(folder)&user=motion"])
        #expect(result.status == 69, "EX_UNAVAILABLE: \(result.stderr)")
        #expect(result.stderr.contains("cannot reach the PostgreSQL server") && result.stderr.contains("nothing was saved"))
    }

    /// `motion store copy` moves a branch's SQLite store into PostgreSQL and back, the same
    /// revision for revision; a second copy into the same database is refused, writing nothing.
    @Test func aStoreIsCopiedToPostgreSQLAndBackUnchanged() throws {
        let root = try StoreCommandTests.workspace()
        let author = ["MOTION_AUTHOR": "Sam Patel"]
        #expect(try MotionProcess.run(["save", "-m", "First drafts"], in: root, environment: author).status == 0)
        #expect(try MotionProcess.run(["tag", "\(StoreCommandTests.lxp)@1", "branch-agreed"], in: root).status == 0)
        #expect(try MotionProcess.run(["set-status", StoreCommandTests.lxp, "submitted"], in: root, environment: author).status == 0)
        let sqlite = "\(root)/.motion/store.sqlite", postgres = try TestPostgres.newDatabase().description
        func log(_ store: String) throws -> String {
            try MotionProcess.run(["log", "--json", StoreCommandTests.lxp, "--store", store], in: root).stdout
        }
        let copied = try MotionProcess.run(["store", "copy", sqlite, postgres, "--json"], in: root)
        #expect(copied.status == 0, "\(copied.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(copied.stdout.utf8)) as? [String: Any])
        #expect(report["motions"] as? Int == 3 && report["revisions"] as? Int == 4 && report["tags"] as? Int == 1)
        #expect(try log(postgres) == (try log(sqlite)) && (try log(sqlite)).contains("submitted"))
        let back = "\(root)/back.sqlite"
        let returned = try MotionProcess.run(["store", "copy", postgres, back], in: root)
        #expect(returned.status == 0 && returned.stderr.contains("copied 3 motions (4 revisions, 1 tags)"), "\(returned.stderr)")
        #expect(try log(back) == (try log(sqlite)))
        let again = try MotionProcess.run(["store", "copy", sqlite, postgres], in: root)
        #expect(again.status != 0 && again.stderr.contains("already has a motion"))
        #expect(try log(postgres) == (try log(sqlite)), "a refused copy writes nothing")
    }

    /// Eight processes, a hundred saves each, on one motion of one database: 800 revisions,
    /// numbered 1 to 800 without a gap, each process told a number no other was.
    @Test func eightProcessesOfAHundredSavesKeepNumbersGapless() throws {
        let store = try TestPostgres.newDatabase().description
        let folders = try (0..<8).map { _ in try TestSupport.temporaryDirectory() }
        #expect(try MotionProcess.run(["init", "--store", store], in: folders[0]).status == 0)
        let printed = Mutex<[String]>([]), failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            let folder = folders[index]
            do {
                try FileManager.default.createDirectory(atPath: "\(folder)/motions", withIntermediateDirectories: true)
                for round in 0..<100 {
                    try TestSupport.write(ReliabilityTests.text(for: "shared", edit: "Writer \(index), save \(round)."), to: "\(folder)/motions/shared.md")
                    let result = try MotionProcess.run(["save", "--store", store, "motions/shared.md"], in: folder)
                    if result.status == 0 {
                        printed.withLock { $0.append(result.stdout.trimmingCharacters(in: .newlines)) }
                    } else {
                        failures.withLock { $0.append(result.stderr) }
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0.prefix(3) })")
        #expect(Set(printed.withLock { $0 }) == Set((1...800).map { "shared@\($0)" }))
        let log = try MotionProcess.run(["log", "--json", "shared", "--store", store], in: folders[0])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["number"] as? Int } == Array((1...800).reversed()))
        #expect(try MotionProcess.run(["fsck", "--store", store], in: folders[0]).status == 0)
    }

    /// The plain command line never links the PostgreSQL client (start-up is part of every
    /// command); motion-pg, beside it, does.
    @Test func onlyMotionPgLinksThePostgreSQLClient() throws {
        let motion = try Data(contentsOf: URL(fileURLWithPath: MotionProcess.binary))
        #expect(motion.range(of: Data("PostgresNIO".utf8)) == nil)
        let sibling = (MotionProcess.binary as NSString).deletingLastPathComponent + "/motion-pg"
        #expect(try Data(contentsOf: URL(fileURLWithPath: sibling)).range(of: Data("PostgresNIO".utf8)) != nil)
    }
}

/// A throwaway cluster for one test, which may stop it (scripts/pg-cluster.sh).
struct PrivateCluster {
    let folder: String
    let address: PostgresLocation
    let environment: [String: String]

    init() throws {
        folder = try TestSupport.temporaryDirectory() + "/cluster"
        let started = try Self.script(["start", folder])
        var settings: [String: String] = [:]
        for line in started.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { settings[parts[0]] = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSFILE"] = settings["PGPASSFILE"]
        environment["PGPASSWORD"] = nil
        self.environment = environment
        address = try PostgresLocation(parsing: try #require(settings["MOTION_TEST_POSTGRES"]), environment: environment)
    }

    func run(_ command: String) throws { _ = try Self.script([command, folder]) }

    func remove() { _ = try? Self.script(["remove", folder]) }

    @discardableResult
    private static func script(_ arguments: [String]) throws -> String {
        let script = TestSupport.packageRoot + "/scripts/pg-cluster.sh"
        let result = try MotionProcess.run([script] + arguments, viaExecutable: script)
        guard result.status == 0 else {
            throw StoreError(.io, "scripts/pg-cluster.sh \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }
}
