import Foundation
import GRDB
import MotionKit

/// Accounts and sessions in an SQLite file (`.motion/accounts.sqlite` in a workspace).
public final class SQLiteAccountStore: AccountStore {
    private let queue: DatabaseQueue
    public let path: String

    public init(path: String) throws(AccountError) {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS account (
                        name TEXT PRIMARY KEY NOT NULL, role TEXT NOT NULL, branch TEXT,
                        password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS session (
                        token_digest TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
                        csrf TEXT NOT NULL, expires_at REAL NOT NULL);
                    """)
            }
        } catch {
            throw AccountError("\(path): the accounts file cannot be opened: \(error)")
        }
    }

    private func run<T>(_ doing: String, _ body: (Database) throws -> T) throws(AccountError) -> T {
        do {
            return try queue.write(body)
        } catch let error as AccountError {
            throw error
        } catch {
            throw AccountError("\(path): \(doing) failed: \(error)")
        }
    }

    public func add(_ account: Account, passwordHash: String) throws(AccountError) {
        try run("adding an account") { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM account WHERE name = ?", arguments: [account.name]) == 0 else {
                throw AccountError("an account '\(account.name)' exists already; 'motion user passwd \(account.name)' sets its password")
            }
            try db.execute(sql: "INSERT INTO account (name, role, branch, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [account.name, account.role.rawValue, account.branch, passwordHash, Timestamp.now()])
        }
    }

    public func account(named name: String) throws(AccountError) -> (account: Account, passwordHash: String)? {
        try run("reading an account") { db in
            try Row.fetchOne(db, sql: "SELECT name, role, branch, password_hash FROM account WHERE name = ?", arguments: [name])
                .flatMap { row in try Self.account(row).map { ($0, row["password_hash"]) } }
        }
    }

    public func accounts() throws(AccountError) -> [Account] {
        try run("listing accounts") { db in
            try Row.fetchAll(db, sql: "SELECT name, role, branch FROM account ORDER BY name").compactMap(Self.account)
        }
    }

    public func remove(_ name: String) throws(AccountError) {
        try run("removing an account") { db in
            try db.execute(sql: "DELETE FROM session WHERE name = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM account WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw AccountError("no account '\(name)'; 'motion user list' shows them") }
        }
    }

    public func setPasswordHash(_ hash: String, for name: String) throws(AccountError) {
        try run("setting a password") { db in
            try db.execute(sql: "UPDATE account SET password_hash = ? WHERE name = ?", arguments: [hash, name])
            guard db.changesCount > 0 else { throw AccountError("no account '\(name)'; 'motion user list' shows them") }
            try db.execute(sql: "DELETE FROM session WHERE name = ?", arguments: [name])
        }
    }

    public func startSession(for name: String, seconds: Int) throws(AccountError) -> (token: String, session: Session) {
        let token = Tokens.random(), csrf = Tokens.random()
        let now = Date().timeIntervalSince1970
        return try run("starting a session") { db in
            guard let account = try Row.fetchOne(db, sql: "SELECT name, role, branch FROM account WHERE name = ?", arguments: [name]).flatMap(Self.account) else {
                throw AccountError("no account '\(name)'")
            }
            try db.execute(sql: "DELETE FROM session WHERE expires_at < ?", arguments: [now])
            try db.execute(sql: "INSERT INTO session (token_digest, name, csrf, expires_at) VALUES (?, ?, ?, ?)",
                           arguments: [Tokens.digest(token), name, csrf, now + Double(seconds)])
            return (token, Session(account: account, csrfToken: csrf))
        }
    }

    public func session(token: String) throws(AccountError) -> Session? {
        do {
            // One SELECT, asked on every request: no read transaction (and none of the read-only
            // switching GRDB's `read` does) around it.
            return try queue.inDatabase { db in
                let row = try Row.fetchOne(db, sql: """
                    SELECT a.name, a.role, a.branch, s.csrf FROM session s JOIN account a ON a.name = s.name
                    WHERE s.token_digest = ? AND s.expires_at >= ?
                    """, arguments: [Tokens.digest(token), Date().timeIntervalSince1970])
                return try row.flatMap { row in try Self.account(row).map { Session(account: $0, csrfToken: row["csrf"]) } }
            }
        } catch {
            throw AccountError("\(path): reading a session failed: \(error)")
        }
    }

    public func endSession(token: String) throws(AccountError) {
        try run("ending a session") { db in
            try db.execute(sql: "DELETE FROM session WHERE token_digest = ?", arguments: [Tokens.digest(token)])
        }
    }

    /// An account row; an unknown role (a newer tool's) is left out rather than guessed.
    private static func account(_ row: Row) throws -> Account? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return Account(name: row["name"], role: role, branch: row["branch"])
    }
}
