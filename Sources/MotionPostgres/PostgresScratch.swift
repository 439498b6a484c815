import MotionKit
import PostgresNIO
import Synchronization

/// Throwaway databases on a server the caller may create databases on (the test clusters of
/// scripts/pg-cluster.sh), and statements run behind a store's back: what the test suites of
/// every target share.
package enum PostgresScratch {
    private static let counter = Atomic<Int>(0)

    /// A new, empty database beside `base`'s, owned by its user.
    package static func newDatabase(beside base: PostgresLocation, environment: [String: String]) throws -> PostgresLocation {
        var address = base
        let name = "motion_scratch_\(getpid())_\(counter.add(1, ordering: .relaxed).newValue)_\(UInt32.random(in: 0...UInt32.max))"
        try execute("CREATE DATABASE \(name) TEMPLATE template0", at: base, environment: environment)
        address.database = name
        return address
    }

    /// Runs one statement on the database at `address`.
    package static func execute(_ sql: String, at address: PostgresLocation, environment: [String: String]) throws {
        let connections = PostgresConnections(address, environment: environment)
        try connections.with("running a statement") { connection, _ in try connection.run(.init(unsafeSQL: sql)) }
    }
}
