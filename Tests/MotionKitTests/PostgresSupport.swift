import Foundation
import MotionKit
import MotionPostgres

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

    /// The address of the test cluster's own database (MOTION_TEST_POSTGRES).
    static func baseAddress() throws -> PostgresLocation {
        guard let address = environment["MOTION_TEST_POSTGRES"], !address.isEmpty else { throw NotRunning() }
        return try PostgresLocation(parsing: address, environment: environment)
    }

    /// A new, empty database on the test cluster (or on `cluster`'s, a test's own).
    static func newDatabase(on cluster: PrivateCluster? = nil) throws -> PostgresLocation {
        try PostgresScratch.newDatabase(beside: cluster?.address ?? baseAddress(), environment: cluster?.environment ?? environment)
    }

    /// Runs one statement as the test role: what a database administrator (or damage) does
    /// behind the store's back.
    static func execute(_ sql: String, in address: PostgresLocation? = nil) throws {
        try PostgresScratch.execute(sql, at: address ?? baseAddress(), environment: environment)
    }
}
