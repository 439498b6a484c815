import Dispatch
import Synchronization

/// Something that changed in a store, as a watcher is told: `motion` got a new revision or tag
/// (for an amendment, `amends` is the motion it amends); nil for "anything may have changed",
/// which is all a store without notifications can say.
public struct StoreChange: Sendable, Hashable {
    public var motion: String?
    public var amends: String?

    public init(motion: String? = nil, amends: String? = nil) {
        self.motion = motion
        self.amends = amends
    }

    /// Whether a page about motion `id` should be made again.
    public func concerns(_ id: String) -> Bool {
        guard let motion else { return true }
        return motion == id || amends.map(AmendmentIndex.motionID) == id
    }
}

/// A running watch on a store; it ends when stopped.
public protocol StoreWatch: Sendable {
    func stop()
}

extension RevisionStore {
    /// Tells `handler` what changes, by any process: here by asking ``version()`` every
    /// `interval` seconds. A store with notifications of its own (PostgreSQL's LISTEN) says
    /// more, and sooner.
    public func watchByPolling(every interval: Double = 0.5, _ handler: @escaping @Sendable (StoreChange) -> Void) -> any StoreWatch {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        let last = Mutex<String?>(try? version())
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [self] in
            guard let now = try? version() else { return }
            let changed = last.withLock { last -> Bool in
                defer { last = now }
                return last != now
            }
            if changed { handler(StoreChange()) }
        }
        timer.resume()
        return PollingWatch(timer: timer)
    }
}

private final class PollingWatch: StoreWatch, @unchecked Sendable {
    let timer: any DispatchSourceTimer
    init(timer: any DispatchSourceTimer) { self.timer = timer }
    func stop() { timer.cancel() }
    deinit { timer.cancel() }
}
