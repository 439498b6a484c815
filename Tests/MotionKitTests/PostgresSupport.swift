import Foundation
import MotionKit
@testable import MotionPostgres
import Synchronization

/// The throwaway PostgreSQL cluster that `make test` starts (scripts/with-postgres.sh): a new,
/// empty database for each store a test makes. Without it the PostgreSQL tests fail, saying
/// how to run them; they are never skipped.
enum TestPostgres {
    struct NotRunning: Error, CustomStringConvertible {
        var description: String {
            "the PostgreSQL tests need the throwaway server that 'make test' starts; run 'make test', or 'scripts/with-postgres.sh swift test' (MOTION_TEST_POSTGRES is not set)"
        }
    }

    static let environment = ProcessInfo.processInfo.environment
    private static let counter = Atomic<Int>(0)

    /// The address of the test cluster's own database (MOTION_TEST_POSTGRES).
    static func baseAddress() throws -> PostgresLocation {
        guard let address = environment["MOTION_TEST_POSTGRES"], !address.isEmpty else { throw NotRunning() }
        return try PostgresLocation(parsing: address, environment: environment)
    }

    /// A new, empty database on the test cluster (or on `cluster`'s, a test's own).
    static func newDatabase(on cluster: PrivateCluster? = nil) throws -> PostgresLocation {
        var address = try cluster?.address ?? baseAddress()
        let name = "motion_test_\(getpid())_\(counter.add(1, ordering: .relaxed).newValue)_\(UInt32.random(in: 0...UInt32.max))"
        try execute("CREATE DATABASE \(name) TEMPLATE template0", in: address, environment: cluster?.environment ?? environment)
        address.database = name
        return address
    }

    /// Runs one statement as the test role on its own database: what a database administrator
    /// (or damage) does behind the store's back.
    static func execute(_ sql: String, in address: PostgresLocation? = nil, environment: [String: String] = environment) throws {
        let connections = PostgresConnections(try address ?? baseAddress(), environment: environment)
        try connections.with("setting up a test") { connection, _ in try connection.run(.init(unsafeSQL: sql)) }
    }
}
