import Foundation
import Synchronization

/// Slows password guessing: after `limit` failed logins for one name within `window` seconds,
/// that name is refused until the oldest failure is older than the window. Kept in memory: a
/// restart forgets, but bcrypt's cost still makes each guess slow.
final class LoginThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [TimeInterval]]>([:])

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `name` may try again, or nil when it may now.
    func wait(for name: String, now: TimeInterval = Date().timeIntervalSince1970) -> Int? {
        failures.withLock { failures in
            let recent = (failures[name] ?? []).filter { now - $0 < window }
            failures[name] = recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return max(1, Int((oldest + window - now).rounded(.up)))
        }
    }

    func failed(_ name: String, now: TimeInterval = Date().timeIntervalSince1970) {
        failures.withLock { $0[name, default: []].append(now) }
    }

    func succeeded(_ name: String) {
        _ = failures.withLock { $0.removeValue(forKey: name) }
    }
}
