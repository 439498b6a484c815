import Foundation
import Testing
@testable import MotionWeb

/// Accounts and sessions in their SQLite file: bcrypt hashes, tokens kept only as digests,
/// sessions that end with a new password or a removed account.
@Suite struct AccountTests {
    static func store() throws -> SQLiteAccountStore {
        try SQLiteAccountStore(path: FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString).sqlite").path)
    }

    @Test func accountsAreAddedListedAndRemoved() throws {
        let store = try Self.store()
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

    @Test func sessionsEndWithANewPasswordAndAreKeptOnlyAsDigests() throws {
        let store = try Self.store()
        try store.add(Account(name: "ann", role: .office, branch: nil), passwordHash: Passwords.hash("first password"))
        let (token, session) = try store.startSession(for: "ann", seconds: 60)
        #expect(try store.session(token: token) == session)
        #expect(try store.session(token: token + "0") == nil)
        let file = try String(decoding: Data(contentsOf: URL(fileURLWithPath: store.path)), as: UTF8.self)
        #expect(!file.contains(token), "the file holds no token")
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
