import Foundation
import MotionKit
import PostgresNIO
import Synchronization

extension PostgresStore {
    /// The channel every write notifies, in its transaction: delivered at COMMIT, in commit order.
    static let changesChannel = "motion_changes"

    /// Notifies the servers listening that `motion` changed.
    func notify(_ connection: PostgresConnection, motion: String?, amends: String?) throws {
        let payload = String(decoding: try JSONEncoder().encode(["motion": motion, "amends": amends]), as: UTF8.self)
        try connection.run("SELECT pg_notify(\(Self.changesChannel), \(payload))")
    }

    /// Tells `handler` of every change any process commits, from PostgreSQL's notifications, on
    /// a connection of its own. When that connection is lost it connects again (waiting longer
    /// each time, up to 10 s) and then says "anything may have changed", since notifications
    /// sent meanwhile are gone.
    public func watch(_ handler: @escaping @Sendable (StoreChange) -> Void) -> any StoreWatch {
        PostgresListener(connections: connections, handler: handler)
    }
}

final class PostgresListener: StoreWatch, Sendable {
    private let stopped = Atomic<Bool>(false)
    private let current = Mutex<PostgresConnection?>(nil)

    init(connections: PostgresConnections, handler: @escaping @Sendable (StoreChange) -> Void) {
        // A thread of its own: it waits on its connection for as long as the server runs.
        let thread = Thread { [weak self] in self?.listen(connections, handler) }
        thread.name = "motion.listen"
        thread.start()
    }

    deinit { stop() }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        if let connection = current.withLock({ $0 }) {
            let closing: EventLoopFuture<Void> = connection.close()
            _ = closing
        }
    }

    private func listen(_ connections: PostgresConnections, _ handler: @escaping @Sendable (StoreChange) -> Void) {
        var delay = 0.25, connectedBefore = false
        while !stopped.load(ordering: .relaxed) {
            if let connection = try? connections.connect() {
                current.withLock { $0 = connection }
                _ = connection.addListener(channel: PostgresStore.changesChannel) { _, notification in
                    handler(Self.change(notification.payload))
                }
                if connectedBefore { handler(StoreChange()) }
                connectedBefore = true
                delay = 0.25
                try? connection.closeFuture.wait()
                current.withLock { $0 = nil }
            }
            if stopped.load(ordering: .relaxed) { break }
            Thread.sleep(forTimeInterval: delay)
            delay = min(delay * 2, 10)
        }
    }

    static func change(_ payload: String) -> StoreChange {
        let fields = (try? JSONDecoder().decode([String: String?].self, from: Data(payload.utf8))) ?? [:]
        return StoreChange(motion: fields["motion"] ?? nil, amends: fields["amends"] ?? nil)
    }
}
