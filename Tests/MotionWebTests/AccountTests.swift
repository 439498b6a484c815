import Foundation
import Testing
import MotionKit
import MotionPostgres
@testable import MotionWeb

/// Accounts and sessions in their SQLite file, or beside a PostgreSQL store's motions (on the
/// cluster `make test` starts): bcrypt hashes, tokens kept only as digests, sessions that end
/// with a new password or a removed account.
@Suite struct AccountTests {
    static func store(_ kind: String = "SQLite") throws -> any AccountStore {
        guard kind == "PostgreSQL" else {
            return try SQLiteAccountStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString).sqlite").path)
        }
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["MOTION_TEST_POSTGRES"] else {
            throw AccountError("the PostgreSQL tests need the throwaway server that 'make test' starts (MOTION_TEST_POSTGRES is not set)")
        }
        let address = try PostgresScratch.newDatabase(beside: PostgresLocation(parsing: base, environment: environment), environment: environment)
        return PostgresAccountStore(store: try PostgresStore.open(address, create: true))
    }

    @Test(arguments: ["SQLite", "PostgreSQL"])
    func accountsAreAddedListedAndRemoved(_ kind: String) throws {
        let store = try Self.store(kind)
        try store.add(Account(name: "sam", role: .secretary, branch: "Camden Branch"), passwordHash: Passwords.hash("correct horse"))
        #expect(throws: AccountError.self) { try store.add(Account(name: "sam", role: .office, branch: nil), passwordHash: "x") }
        #expect(try store.accounts() == [Account(name: "sam", role: .secretary, branch: "Camden Branch")])
        let stored = try #require(try store.account(named: "sam"))
        #expect(stored.passwordHash.hasPrefix("$2") && !stored.passwordHash.contains("correct"))
        #expect(Passwords.verify("correct horse", hash: stored.passwordHash) && !Passwords.verify("correct horsE", hash: stored.passwordHash))
        try store.remove("sam")
        #expect(try store.accounts().isEmpty)
        #expect(throws: AccountError.self) { try store.remove("sam") }
    }

    @Test(arguments: ["SQLite", "PostgreSQL"])
    func sessionsEndWithANewPasswordAndAreKeptOnlyAsDigests(_ kind: String) throws {
        let store = try Self.store(kind)
        try store.add(Account(name: "ann", role: .office, branch: nil), passwordHash: Passwords.hash("first password"))
        let (token, session) = try store.startSession(for: "ann", seconds: 60)
        #expect(try store.session(token: token) == session)
        #expect(try store.session(token: token + "0") == nil)
        if let file = store as? SQLiteAccountStore {
            let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: file.path)), as: UTF8.self)
            #expect(!bytes.contains(token), "the file holds no token")
        }
        try store.setPasswordHash(Passwords.hash("second password"), for: "ann")
        #expect(try store.session(token: token) == nil)
        let (expired, _) = try store.startSession(for: "ann", seconds: -1)
        #expect(try store.session(token: expired) == nil)
    }

    @Test func passwordsAndNamesAreChecked() {
        #expect(throws: AccountError.self) { try Passwords.check("short") }
        #expect(throws: AccountError.self) { try Passwords.check(String(repeating: "é", count: 40)) }
        #expect(throws: Never.self) { try Passwords.check("eight ch") }
        #expect(Account.isValidName("sam.o-k_1") && !Account.isValidName("sam smith") && !Account.isValidName("<b>") && !Account.isValidName(""))
    }
}
