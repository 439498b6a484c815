import Dispatch
import Logging
import MotionKit
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// Connections to one database, made when first needed and kept for the next call.
///
/// The store's protocol is synchronous, so every query waits on its future from the calling
/// thread. The futures complete on one event-loop thread of this module's own, started only by a
/// process that opens a PostgreSQL store. No call may be made from that thread (a wait there
/// would never end; PostgresNIO stops the process instead).
final class PostgresConnections: Sendable {
    static let loop: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()
    /// PostgresNIO's own log stays silent: its messages may hold queries and their values, and
    /// an account's query holds a password hash.
    static let logger = Logger(label: "motion.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// At most this many connections at once; more callers wait (PostgreSQL's own limit is
    /// 100 by default, shared by every server of an office).
    static let maximumConnections = 16

    let location: PostgresLocation
    private let configuration: PostgresConnection.Configuration
    /// Why a password file was passed over, said when the server then asks for a password.
    let passwordWarning: String?
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)
    private let slots = DispatchSemaphore(value: maximumConnections)

    init(_ location: PostgresLocation, environment: [String: String]) {
        self.location = location
        let found = PostgresPassword.find(for: location, environment: environment)
        passwordWarning = found.warning
        var configuration: PostgresConnection.Configuration = switch location.endpoint {
        case .tcp(let host, let port):
            .init(host: host, port: port, username: location.user, password: found.password, database: location.database, tls: .disable)
        case .socket:
            .init(unixSocketPath: location.socketPath ?? "", username: location.user, password: found.password, database: location.database)
        }
        configuration.options.connectTimeout = .seconds(10)
        // Waits are bounded, so a stuck server or a forgotten lock ends in a message, not a hang.
        configuration.options.additionalStartupParameters = [
            ("application_name", "motion"), ("lock_timeout", "120s"), ("statement_timeout", "300s"),
            ("idle_in_transaction_session_timeout", "60s"), ("client_encoding", "UTF8"),
        ]
        self.configuration = configuration
    }

    deinit {
        for connection in idle.withLock({ $0 }) { _ = try? connection.close().wait() }
    }

    /// Runs `body` on a connection: a kept one, or a new one. A connection that failed is closed,
    /// never kept. When a kept connection turns out to be dead (the server restarted since),
    /// `body` runs once more on a new one, unless it says it may have changed something.
    func with<T>(_ doing: String, _ body: (PostgresConnection, inout Bool) throws -> T) throws(StoreError) -> T {
        slots.wait()
        defer { slots.signal() }
        var reused = true
        while true {
            // A kept connection the server has closed since (a restart) is let go unused.
            var kept = reused ? idle.withLock({ $0.popLast() }) : nil
            while let stale = kept, stale.isClosed {
                _ = try? stale.close().wait()
                kept = idle.withLock { $0.popLast() }
            }
            if kept == nil { reused = false }
            let connection: PostgresConnection
            if let kept { connection = kept } else { connection = try connect() }
            var committing = false
            do {
                let result = try body(connection, &committing)
                keep(connection)
                return result
            } catch {
                let failure = StoreError(postgres: error, at: self, doing: doing, committing: committing)
                if connection.isClosed || failure.reason == .unavailable {
                    _ = try? connection.close().wait()
                    if reused, !committing { reused = false; continue }
                } else {
                    keep(connection)
                }
                throw failure
            }
        }
    }

    private func keep(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        idle.withLock { $0.append(connection) }
    }

    /// A new connection, outside the kept ones (the listener keeps one of its own).
    func connect() throws(StoreError) -> PostgresConnection {
        let future: EventLoopFuture<PostgresConnection> = PostgresConnection.connect(
            on: Self.loop, configuration: configuration, id: nextID.add(1, ordering: .relaxed).oldValue, logger: Self.logger)
        do {
            return try future.wait()
        } catch {
            throw StoreError(postgres: error, at: self, doing: "connecting", committing: false)
        }
    }
}

/// The connection was closed before a statement could be sent (the server went away).
struct ConnectionLost: Error {}

/// A statement got no answer at all within ``PostgresConnection/answerDeadline``.
struct NoAnswer: Error {}

extension PostgresConnection {
    /// Longer than the server's own statement_timeout: a backstop against a future that would
    /// never complete (seen with a statement sent on a connection the server had just closed).
    static let answerDeadline = TimeAmount.seconds(330)

    /// Runs one statement and waits for its rows.
    @discardableResult
    package func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        if isClosed { throw ConnectionLost() }
        let promise = eventLoop.makePromise(of: PostgresQueryResult.self)
        let deadline = eventLoop.scheduleTask(in: Self.answerDeadline) { promise.fail(NoAnswer()) }
        self.query(query, logger: PostgresConnections.logger).cascade(to: promise)
        promise.futureResult.whenComplete { _ in deadline.cancel() }
        return try promise.futureResult.wait()
    }

    /// The rows of one statement.
    package func rows(_ query: PostgresQuery) throws -> [PostgresRow] { try Array(run(query).rows) }
}
