import Foundation
import MotionKit
import MotionPostgres
import PostgresNIO

/// Accounts and sessions in the tables beside a PostgreSQL store's motions, so every server of
/// an office shares them (a login on one is a login on all). Never part of an archive or copy.
public final class PostgresAccountStore: AccountStore {
    private let store: PostgresStore

    public init(store: PostgresStore) { self.store = store }

    private func run<T>(_ doing: String, _ body: (PostgresConnection) throws -> T) throws(AccountError) -> T {
        do {
            return try store.transaction(doing, body)
        } catch {
            throw AccountError(error.message, unavailable: error.reason == .unavailable)
        }
    }

    public func add(_ account: Account, passwordHash: String) throws(AccountError) {
        try run("adding an account") { connection in
            let inserted = try connection.rows("""
                INSERT INTO account (name, role, branch, password_hash, created_at)
                VALUES (\(account.name), \(account.role.rawValue), \(account.branch), \(passwordHash), \(Timestamp.now()))
                ON CONFLICT (name) DO NOTHING RETURNING name
                """)
            guard !inserted.isEmpty else {
                throw AccountError("an account '\(account.name)' exists already; 'motion user passwd \(account.name)' sets its password")
            }
        }
    }

    public func account(named name: String) throws(AccountError) -> (account: Account, passwordHash: String)? {
        try run("reading an account") { connection in
            try connection.rows("SELECT name, role, branch, password_hash FROM account WHERE name = \(name)").first.flatMap { row in
                let (name, role, branch, hash) = try row.decode((String, String, String?, String).self)
                return Self.account(name, role, branch).map { ($0, hash) }
            }
        }
    }

    public func accounts() throws(AccountError) -> [Account] {
        try run("listing accounts") { connection in
            try connection.rows("SELECT name, role, branch FROM account ORDER BY name").compactMap { row in
                let (name, role, branch) = try row.decode((String, String, String?).self)
                return Self.account(name, role, branch)
            }
        }
    }

    public func remove(_ name: String) throws(AccountError) {
        try run("removing an account") { connection in
            // Its sessions go with it (ON DELETE CASCADE).
            guard try !connection.rows("DELETE FROM account WHERE name = \(name) RETURNING name").isEmpty else {
                throw AccountError("no account '\(name)'; 'motion user list' shows them")
            }
        }
    }

    public func setPasswordHash(_ hash: String, for name: String) throws(AccountError) {
        try run("setting a password") { connection in
            guard try !connection.rows("UPDATE account SET password_hash = \(hash) WHERE name = \(name) RETURNING name").isEmpty else {
                throw AccountError("no account '\(name)'; 'motion user list' shows them")
            }
            try connection.run("DELETE FROM account_session WHERE name = \(name)")
        }
    }

    public func startSession(for name: String, seconds: Int) throws(AccountError) -> (token: String, session: Session) {
        let token = Tokens.random(), csrf = Tokens.random()
        let now = Date().timeIntervalSince1970
        return try run("starting a session") { connection in
            guard let row = try connection.rows("SELECT name, role, branch FROM account WHERE name = \(name)").first,
                  case let (name, role, branch) = try row.decode((String, String, String?).self),
                  let account = Self.account(name, role, branch) else {
                throw AccountError("no account '\(name)'")
            }
            try connection.run("DELETE FROM account_session WHERE expires_at < \(now)")
            try connection.run("""
                INSERT INTO account_session (token_digest, name, csrf, expires_at) VALUES (\(Tokens.digest(token)), \(name), \(csrf), \(now + Double(seconds)))
                """)
            return (token, Session(account: account, csrfToken: csrf))
        }
    }

    public func session(token: String) throws(AccountError) -> Session? {
        do {
            return try store.read("reading a session") { connection in
                try connection.rows("""
                    SELECT a.name, a.role, a.branch, s.csrf FROM account_session s JOIN account a ON a.name = s.name
                    WHERE s.token_digest = \(Tokens.digest(token)) AND s.expires_at >= \(Date().timeIntervalSince1970)
                    """).first.flatMap { row in
                    let (name, role, branch, csrf) = try row.decode((String, String, String?, String).self)
                    return Self.account(name, role, branch).map { Session(account: $0, csrfToken: csrf) }
                }
            }
        } catch {
            throw AccountError(error.message, unavailable: error.reason == .unavailable)
        }
    }

    public func endSession(token: String) throws(AccountError) {
        try run("ending a session") { connection in
            try connection.run("DELETE FROM account_session WHERE token_digest = \(Tokens.digest(token))")
        }
    }

    /// An unknown role (a newer tool's) is left out rather than guessed.
    private static func account(_ name: String, _ role: String, _ branch: String?) -> Account? {
        Role(rawValue: role).map { Account(name: name, role: $0, branch: branch) }
    }
}

/// The account store that goes with a motion store: its own tables for PostgreSQL, else
/// `.motion/accounts.sqlite` beside the store file.
public enum AccountStores {
    public static func open(for context: AppContext) throws -> any AccountStore {
        let location = try context.storeLocation()
        guard PostgresLocation.isAddress(location) else {
            return try SQLiteAccountStore(path: try context.fileBesideStore("accounts.sqlite"))
        }
        let address = try PostgresLocation(parsing: location, environment: ProcessInfo.processInfo.environment)
        return PostgresAccountStore(store: try PostgresStore.open(address))
    }
}
