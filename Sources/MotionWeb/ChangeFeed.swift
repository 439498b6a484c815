import Foundation
import MotionKit
import Synchronization

/// What the store tells the server's open pages: every change it is told of (PostgreSQL's
/// LISTEN, or a look at the store's version twice a second), handed to each subscriber. The
/// watch starts with the first subscriber and stops with the server.
final class ChangeFeed: Sendable {
    private let context: AppContext
    private let subscribers = Mutex<[UUID: AsyncStream<StoreChange>.Continuation]>([:])
    private let watch = Mutex<(any StoreWatch)?>(nil)

    init(context: AppContext) { self.context = context }

    deinit {
        watch.withLock { $0?.stop() }
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }

    /// The changes from now on, for `seconds` or until the stream is dropped.
    func subscribe(lasting seconds: Int) throws -> AsyncStream<StoreChange> {
        try watch.withLock { watch in
            if watch == nil { watch = try context.watchStore { [weak self] change in self?.publish(change) } }
        }
        let (stream, continuation) = AsyncStream.makeStream(of: StoreChange.self, bufferingPolicy: .bufferingNewest(32))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in _ = self?.subscribers.withLock { $0.removeValue(forKey: id) } }
        subscribers.withLock { $0[id] = continuation }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            continuation.finish()
        }
        return stream
    }

    private func publish(_ change: StoreChange) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(change) }
    }
}
