import Foundation
import MotionKit
import PostgresNIO

/// The shared ``RevisionStore`` of a conference office: the same immutable, content-addressed,
/// gaplessly numbered revisions as the SQLite store, in a PostgreSQL database that several
/// servers use at once.
///
/// Every write is one transaction under READ COMMITTED. Writers of one motion queue on its row
/// (`SELECT ... FOR UPDATE`), so each sees the last committed revision and numbers stay
/// gapless; writers of different motions never wait for each other.
public final class PostgresStore: RevisionStore {
    public var location: String { connections.location.description }
    let connections: PostgresConnections

    private init(connections: PostgresConnections) {
        self.connections = connections
    }

    /// Opens the store in the database at `address`; with `create`, makes its tables in an
    /// empty database. The password comes from PGPASSWORD or the password file, never the address.
    public static func open(_ address: PostgresLocation, create: Bool = false,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> PostgresStore {
        let store = PostgresStore(connections: PostgresConnections(address, environment: environment))
        // Most opens find the schema current: one query, outside a transaction. Only a schema
        // that is not there (or not readable as ours) goes on to the migrator; a server that
        // cannot be reached or refuses the login is said at once, not tried twice.
        var current: Int?
        do {
            current = try store.read("reading the store's schema") { connection in
                try connection.rows("SELECT max(version)::bigint FROM motion_schema").first?.decode(Int?.self)
            }
        } catch where error.reason == .io || error.reason == .damaged {
            current = nil
        }
        if current != Self.schemaVersion { try store.migrate(creating: create) }
        return store
    }

    /// Makes `motion` open PostgreSQL addresses with this store.
    public static func register() {
        RevisionStores.register(postgres: { (address, create) throws(StoreError) in try PostgresStore.open(address, create: create) })
    }

    /// Runs reads on one connection, outside a transaction (each statement sees what is committed).
    package func read<T>(_ doing: String, _ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        try connections.with(doing) { connection, _ in try body(connection) }
    }

    /// Runs `body` as one transaction, again (up to three times) when another writer's
    /// transaction got in its way. `body` must be safe to run again.
    package func transaction<T>(_ doing: String, _ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        try connections.with(doing) { connection, committing in
            var attempt = 1
            while true {
                try connection.run("BEGIN")
                do {
                    let result = try body(connection)
                    committing = true
                    try connection.run("COMMIT")
                    return result
                } catch {
                    if !committing { _ = try? connection.run("ROLLBACK") }
                    guard !committing, attempt < 3, StoreError.isRetryable(error) else { throw error }
                    attempt += 1
                }
            }
        }
    }

    /// The sum of every motion's change counter: it rises with every commit that changes
    /// anything, in any process, and is read in one statement.
    public func version() throws(StoreError) -> String {
        try read("reading the store") { connection in
            String(try connection.rows("SELECT coalesce(sum(changes), 0)::bigint FROM motion").first?.decode(Int.self) ?? 0)
        }
    }
}
