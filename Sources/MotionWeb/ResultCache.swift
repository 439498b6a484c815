import Synchronization

/// Results of the application layer, kept until the store changes: every page is a function of
/// the store (templates and glossary are read once at start), so a result computed at one store
/// version is right for as long as the version stands. The version is asked for on every
/// request, and includes other processes' writes (a `motion save` at the command line).
final class ResultCache: Sendable {
    private struct Entry { var version: String; var value: any Sendable }
    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    func value<T: Sendable>(_ key: String, version: String, _ make: () throws -> T) throws -> T {
        if let value: T = lookup(key, version: version) { return value }
        let value = try make()
        store(value, as: key, version: version)
        return value
    }

    func lookup<T: Sendable>(_ key: String, version: String) -> T? {
        guard let entry = entries.withLock({ $0[key] }), entry.version == version else { return nil }
        return entry.value as? T
    }

    func store(_ value: some Sendable, as key: String, version: String) {
        entries.withLock { entries in
            // Old versions' entries are dead weight: drop them all when full.
            if entries.count >= capacity { entries = entries.filter { $0.value.version == version } }
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = Entry(version: version, value: value)
        }
    }
}
