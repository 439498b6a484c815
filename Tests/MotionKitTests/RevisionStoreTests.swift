import Foundation
import GRDB
import Testing
@testable import MotionKit
import MotionPostgres

/// A store implementation as the suite sees it: a new empty store, and more handles on it (as
/// other processes would open it). A second implementation adds itself to ``all`` and runs every
/// test below unchanged.
struct StoreUnderTest: Sendable, CustomTestStringConvertible {
    var name: String
    /// Makes a new, empty store; returns a function that opens a handle on it.
    var make: @Sendable () throws -> @Sendable () throws -> any RevisionStore
    /// Damages the stored text of a revision behind the store's back, as bit rot would.
    var damage: @Sendable (any RevisionStore, Revision) throws -> Void

    var testDescription: String { name }

    static let sqlite = StoreUnderTest(name: "SQLite", make: {
        let path = try TestSupport.temporaryDirectory() + "/store.sqlite"
        _ = try SQLiteStore.open(at: path, create: true)
        return { try SQLiteStore.open(at: path) }
    }, damage: { store, revision in
        try (store as! SQLiteStore).queue.write { db in
            var data = try #require(try Data.fetchOne(db, sql: "SELECT data FROM blob WHERE hash = ?", arguments: [revision.hash]))
            data[data.count / 2] ^= 0x01
            try db.execute(sql: "UPDATE blob SET data = ? WHERE hash = ?", arguments: [data, revision.hash])
        }
    })

    /// A new database on the test cluster for each store; damage goes past the triggers that
    /// keep texts unchanged, as a hand at the database would.
    static let postgres = StoreUnderTest(name: "PostgreSQL", make: {
        let address = try TestPostgres.newDatabase()
        _ = try PostgresStore.open(address, create: true, environment: TestPostgres.environment)
        return { try PostgresStore.open(address, environment: TestPostgres.environment) }
    }, damage: { store, revision in
        let address = try PostgresLocation(parsing: store.location, environment: TestPostgres.environment)
        for statement in ["ALTER TABLE text_blob DISABLE TRIGGER text_blob_immutable",
                          "UPDATE text_blob SET data = set_byte(data, length(data) / 2, get_byte(data, length(data) / 2) # 1) WHERE hash = '\(revision.hash)'"] {
            try TestPostgres.execute(statement, in: address)
        }
    })

    static let all = [sqlite, postgres]
}

/// The promises of ``RevisionStore``, checked through the protocol only, for every implementation.
@Suite struct RevisionStoreTests {
    static func motion(_ id: String = "pay", body: String = "A fact.", kind: String = "motion", amends: String? = nil) throws -> Motion {
        let front = "id: \(id)\ntitle: Sample motion\nkind: \(kind)\n" + (amends.map { "amends: \($0)\n" } ?? "")
        return try MotionReader.read(TestSupport.motionText(front: front, body: "## Conference notes\n\n\(body)\n\n## Conference resolves\n\n1. Act.\n")).motion
    }

    @discardableResult
    static func save(_ store: any RevisionStore, _ motion: Motion, author: String = "Ann") throws -> Revision? {
        try store.save(motion, canonical: MarkdownWriter.write(motion), author: author, message: "m")
    }

    @Test(arguments: StoreUnderTest.all)
    func revisionsAreNumberedAndContentAddressed(_ kind: StoreUnderTest) throws {
        let store = try kind.make()()
        let first = try #require(try Self.save(store, Self.motion()))
        #expect(first.reference == "pay@1" && first.parent == nil && first.author == "Ann" && first.title == "Sample motion")
        #expect(try Self.save(store, Self.motion()) == nil, "the same text makes no revision")
        let second = try #require(try Self.save(store, Self.motion(body: "Changed."), author: "Bo"))
        #expect(second.number == 2 && second.parent == 1 && second.hash != first.hash)
        let third = try #require(try Self.save(store, Self.motion()))
        #expect(third.number == 3 && third.hash == first.hash)
        for revision in [first, second, third] {
            let text = try store.text(of: revision)
            let canonical = MarkdownWriter.write(try MotionReader.read(text).motion)
            #expect(SHA256.hex(text) == revision.hash && text == canonical)
        }
        #expect(try store.log("pay").map(\.number) == [3, 2, 1])
        #expect(try store.log("pay").map(\.author) == ["Ann", "Bo", "Ann"])
    }

    @Test(arguments: StoreUnderTest.all)
    func referencesTagsAndWhatIsMissing(_ kind: StoreUnderTest) throws {
        let store = try kind.make()()
        let first = try #require(try Self.save(store, Self.motion()))
        try Self.save(store, Self.motion(body: "Changed."))
        try store.tag(first, as: "submitted")
        #expect(try store.revision("pay", .tag("submitted")).number == 1)
        #expect(try store.revision("pay", .latest).number == 2)
        #expect(try store.revision("pay", .number(1)).tags == ["submitted"])
        #expect { try store.tag(try store.revision("pay", .latest), as: "submitted") } throws: { ($0 as? StoreError)?.reason == .invalidArgument }
        try store.tag(try store.revision("pay", .latest), as: "submitted", force: true)
        #expect(try store.revision("pay", .tag("submitted")).number == 2)
        #expect { try store.tag(first, as: "no good") } throws: { ($0 as? StoreError)?.reason == .invalidArgument }
        #expect { try store.revision("nosuch", .latest) } throws: { ($0 as? StoreError)?.reason == .unknownMotion }
        #expect { try store.revision("pay", .number(9)) } throws: {
            ($0 as? StoreError)?.reason == .unknownRevision && ($0 as? StoreError)?.message.contains("1 to 2") == true
        }
        #expect { try store.revision("pay", .tag("agreed")) } throws: { ($0 as? StoreError)?.reason == .unknownTag }
        #expect { try store.log("nosuch") } throws: { ($0 as? StoreError)?.reason == .unknownMotion }
    }

    @Test(arguments: StoreUnderTest.all)
    func deriveChangesTheLatestInOneStep(_ kind: StoreUnderTest) throws {
        let store = try kind.make()()
        try Self.save(store, Self.motion())
        let derived = try store.derive("pay", author: "Cy", message: { old, new in "\(old.metadata.status.rawValue) -> \(new.metadata.status.rawValue)" },
                                       change: { motion in
                                           var changed = motion
                                           changed.metadata.status = .submitted
                                           return changed
                                       })
        #expect(derived?.number == 2 && derived?.status == .submitted && derived?.message == "draft -> submitted" && derived?.author == "Cy")
        #expect(try store.derive("pay", author: "Cy", message: { _, _ in "" }, change: { _ in nil }) == nil)
        #expect { _ = try store.derive("nosuch", author: "Cy", message: { _, _ in "" }, change: { $0 }) } throws: {
            ($0 as? StoreError)?.reason == .unknownMotion
        }
        #expect { _ = try store.derive("pay", author: "Cy", message: { _, _ in "" }, change: { _ throws(StoreError) in
            throw StoreError(.invalidArgument, "refused")
        }) } throws: { ($0 as? StoreError)?.message == "refused" }
        #expect(try store.log("pay").count == 2, "a refused change writes nothing")
    }

    @Test(arguments: StoreUnderTest.all)
    func latestRevisionsAndAmendmentsUnderTheirMotion(_ kind: StoreUnderTest) throws {
        let store = try kind.make()()
        try Self.save(store, Self.motion())
        try Self.save(store, Self.motion(body: "Changed."))
        try Self.save(store, Self.motion("pay-a10", kind: "amendment", amends: "pay@1"))
        try Self.save(store, Self.motion("pay-a2", kind: "amendment", amends: "pay"))
        try Self.save(store, Self.motion("pay-a2", body: "Second draft.", kind: "amendment", amends: "pay"))
        try Self.save(store, Self.motion("payroll-a1", kind: "amendment", amends: "payroll"))
        #expect(try store.latestRevisions().map(\.reference) == ["pay@2", "pay-a10@1", "pay-a2@2", "payroll-a1@1"])
        #expect(try store.latestAmendments(to: "pay").map(\.reference) == ["pay-a2@2", "pay-a10@1"])
        #expect(try store.latestAmendments(to: "nosuch").isEmpty)
    }

    @Test(arguments: StoreUnderTest.all)
    func concurrentWritersKeepNumbersGapless(_ kind: StoreUnderTest) async throws {
        let open = try kind.make()
        try Self.save(try open(), Self.motion())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let store = try open()
                    for edit in 0..<15 { try Self.save(store, Self.motion(body: "Writer \(writer), edit \(edit).")) }
                }
            }
            try await group.waitForAll()
        }
        let store = try open()
        #expect(try store.log("pay").map(\.number) == Array((1...61).reversed()))
        #expect(try store.fsck().isClean)
    }

    /// `create` takes an id once: of writers racing for the same new id, exactly one wins and
    /// the others are told, with nothing written.
    @Test(arguments: StoreUnderTest.all)
    func createTakesANewIdExactlyOnce(_ kind: StoreUnderTest) async throws {
        let open = try kind.make()
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for writer in 0..<6 {
                group.addTask {
                    let motion = try Self.motion("new-one", body: "Writer \(writer).")
                    do {
                        _ = try open().create(motion, canonical: MarkdownWriter.write(motion), author: "W\(writer)", message: "m")
                        return true
                    } catch let error as StoreError {
                        #expect(error.reason == .alreadyExists && error.category == .cannotCreate)
                        return false
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        let store = try open()
        #expect(try store.log("new-one").map(\.number) == [1])
        #expect(try store.fsck().isClean)
    }

    /// `createNext` numbers new motions after a prefix without gaps or clashes under writers
    /// racing on one prefix, counting only prefix + digits, and writes nothing when `make` fails.
    @Test(arguments: StoreUnderTest.all)
    func createNextNumbersConcurrentNewMotionsInTurn(_ kind: StoreUnderTest) async throws {
        let open = try kind.make()
        let setup = try open()
        for id in ["pay", "pay-a2", "pay-a2x", "pay-ab"] { try Self.save(setup, Self.motion(id, kind: id == "pay" ? "motion" : "amendment", amends: id == "pay" ? nil : "pay@1")) }
        let made = try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<6 {
                group.addTask {
                    let store = try open()
                    return try (0..<8).map { edit in
                        try store.createNext(after: "pay-a", author: "W\(writer)", message: "m") { id throws(StoreError) in
                            do { return try Self.motion(id, body: "Writer \(writer), edit \(edit).", kind: "amendment", amends: "pay@1") } catch {
                                throw StoreError(.invalidArgument, "\(error)")
                            }
                        }.motionID
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(made.sorted { $0.count == $1.count ? $0 < $1 : $0.count < $1.count } == (3...50).map { "pay-a\($0)" })
        let store = try open()
        #expect(try store.latestAmendments(to: "pay").count == 51, "48 new beside pay-a2, pay-a2x and pay-ab")
        #expect(try made.allSatisfy { try store.log($0).map(\.number) == [1] })
        #expect {
            try store.createNext(after: "pay-a", author: "W", message: "m") { _ throws(StoreError) in throw StoreError(.invalidArgument, "no") }
        } throws: { ($0 as? StoreError)?.reason == .invalidArgument }
        #expect(throws: StoreError.self) { try store.log("pay-a51") }
        #expect(try store.fsck().isClean)
    }

    @Test(arguments: StoreUnderTest.all.flatMap { from in StoreUnderTest.all.map { (from, $0) } })
    func archivesRestoreExactlyIntoAnotherStore(_ kinds: (StoreUnderTest, StoreUnderTest)) throws {
        let source = try kinds.0.make()()
        let first = try #require(try Self.save(source, Self.motion()))
        try Self.save(source, Self.motion(body: "Changed."), author: "Bo")
        try source.tag(first, as: "submitted")
        try Self.save(source, Self.motion("other"))
        let archive = try source.archive()
        #expect(archive.map(\.id) == ["other", "pay"])
        let target = try kinds.1.make()()
        try target.restore(archive)
        #expect(try target.archive() == archive)
        for id in ["pay", "other"] { #expect(try target.log(id) == (try source.log(id))) }
        #expect(try target.fsck().isClean)
        #expect { try target.restore(archive) } throws: { ($0 as? StoreError)?.reason == .invalidArgument }
        #expect(try target.archive() == archive, "a refused restore writes nothing")
        // One motion new, one already there: the new one is not half restored either.
        let partial = try kinds.1.make()()
        try partial.restore([archive[1]])
        #expect { try partial.restore(archive) } throws: { ($0 as? StoreError)?.reason == .invalidArgument }
        #expect(try partial.archive() == [archive[1]])
    }

    @Test(arguments: StoreUnderTest.all)
    func fsckCountsWhatItChecked(_ kind: StoreUnderTest) throws {
        let store = try kind.make()()
        try Self.save(store, Self.motion())
        try Self.save(store, Self.motion(body: "Changed."))
        try Self.save(store, Self.motion())
        let report = try store.fsck()
        #expect(report.isClean && report.revisionsChecked == 3 && report.blobsChecked >= 2)
    }

    @Test(arguments: StoreUnderTest.all)
    func damageIsReportedNeverShown(_ kind: StoreUnderTest) throws {
        let open = try kind.make()
        let store = try open()
        try Self.save(store, Self.motion())
        let second = try #require(try Self.save(store, Self.motion(body: "Changed once.")))
        try kind.damage(store, second)
        let fresh = try open()
        #expect { _ = try fresh.text(of: second) } throws: {
            ($0 as? StoreError)?.reason == .damaged && ($0 as? StoreError)?.message.contains("pay@2") == true
        }
        let report = try fresh.fsck()
        #expect(!report.isClean && report.damage.map(\.reference).contains("pay@2"))
        #expect { _ = try fresh.archive() } throws: { ($0 as? StoreError)?.reason == .damaged }
    }
}

/// A store's watch tells of changes made through another handle (another process's), and what
/// a change concerns.
@Suite struct StoreWatchTests {
    @Test(arguments: StoreUnderTest.all)
    func aWatchHearsAnotherHandlesSave(_ kind: StoreUnderTest) async throws {
        let open = try kind.make()
        let watched = try open()
        let heard = AsyncStream<StoreChange>.makeStream()
        let watch = watched.watch { heard.continuation.yield($0) }
        defer { watch.stop() }
        try await Task.sleep(for: .milliseconds(300))
        try RevisionStoreTests.save(try open(), RevisionStoreTests.motion("pay-a1", kind: "amendment", amends: "pay@1"))
        let change = try await withThrowingTaskGroup(of: StoreChange?.self) { group in
            group.addTask { await heard.stream.first { _ in true } }
            group.addTask { try await Task.sleep(for: .seconds(10)); return nil }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        let told = try #require(change, "no change heard within 10 s")
        #expect(told.concerns("pay") && told.concerns("pay-a1") || told.motion == nil)
        if kind.name == "PostgreSQL" { #expect(told == StoreChange(motion: "pay-a1", amends: "pay@1")) }
        #expect(!StoreChange(motion: "pay-a1", amends: "pay@1").concerns("payroll"))
    }
}
