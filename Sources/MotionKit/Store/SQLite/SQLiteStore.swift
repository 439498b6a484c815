import GRDB
import Synchronization

/// The embedded ``RevisionStore``: immutable, content-addressed revisions of motions in one
/// SQLite file, through GRDB.
///
/// Every write is one IMMEDIATE transaction, so concurrent writers queue on SQLite's lock (with a
/// generous busy timeout) instead of failing, and numbering stays gapless. WAL mode with
/// `synchronous = FULL`: a revision whose `ID@N` was printed survives a crash of the process or
/// of the machine.
final class SQLiteStore: RevisionStore {
    public let path: String
    public var location: String { path }
    let queue: DatabaseQueue
    let blobs: BlobCache
    /// Writes made through this handle: SQLite's data_version counts only other connections'.
    private let ownWrites = Atomic<Int>(0)

    /// How long a writer waits for another before giving up with a clear message.
    static let busyTimeout: Double = 120

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
        self.blobs = BlobCache()
    }

    /// Opens the store at `path`. With `create`, makes it (and its folder) when missing.
    static func open(at path: String, create: Bool = false) throws(StoreError) -> SQLiteStore {
        let exists = FileIO.fileExists(path)
        if !exists, !create {
            throw StoreError(.noWorkspace, "no store at \(path); run 'motion init' to make a workspace")
        }
        if !exists {
            do { try FileIO.createDirectory(FileIO.parentDirectory(of: path)) } catch {
                throw StoreError(.io, "cannot create the store's folder: \(error)")
            }
        }
        var configuration = Configuration()
        // WAL mode is a property of the file, set once when it is made; asking for it on every
        // open would make GRDB write to the log even for a read-only command.
        configuration.journalMode = exists ? .default : .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            // A store the user may not write to can still be read.
            if let readOnly = try? openReadOnly(path) { return readOnly }
            throw StoreError(mapping: error, path: path, doing: "opening the store")
        }
        let store = SQLiteStore(path: path, queue: queue)
        try store.migrateIfNeeded(creating: !exists)
        return store
    }

    private static func openReadOnly(_ path: String) throws -> SQLiteStore {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch where !FileIO.fileExists(path + "-wal") {
            // A WAL store in a folder this user cannot write to: SQLite cannot make the shared
            // memory file it reads through. With no log beside it, no one is writing (a writer
            // would have made one), so the file can be read as it stands.
            queue = try DatabaseQueue(path: "file:\(uriEscaped(path))?immutable=1", configuration: configuration)
        }
        let store = SQLiteStore(path: path, queue: queue)
        try store.migrateIfNeeded(creating: false, readOnly: true)
        return store
    }

    private static func uriEscaped(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"): out += "%" + String(byte, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }

    /// Runs a read.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(mapping: error, path: path, doing: "reading the store")
        }
    }

    /// Changes when anything stored changes, by this handle or any other process's: SQLite's
    /// `data_version` (other connections' commits) with this handle's own writes.
    public func version() throws(StoreError) -> String {
        // Outside a transaction: a read's BEGIN and COMMIT would cost more than the question.
        let data: Int
        do {
            data = try queue.inDatabase { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
        } catch {
            throw StoreError(mapping: error, path: path, doing: "reading the store")
        }
        return "\(data).\(ownWrites.load(ordering: .relaxed))"
    }

    /// Runs one write transaction, taking the write lock at its start.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            var result: T?
            defer { ownWrites.add(1, ordering: .relaxed) }
            try queue.inTransaction(.immediate) { db in
                result = try body(db)
                return .commit
            }
            return result!
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(mapping: error, path: path, doing: "writing to the store")
        }
    }
}

extension StoreError {
    /// Turns SQLite's and GRDB's errors into a delegate's words.
    init(mapping error: any Error, path: String, doing action: String) {
        if error is RowDecodingError {
            // A value of the wrong type, or missing, where the schema promises one.
            self.init(.damaged, "\(path): the store holds a damaged record while \(action); run 'motion fsck', and restore it from a backup or 'motion export-history --salvage'")
            return
        }
        guard let database = error as? DatabaseError else {
            self.init(.io, "\(path): \(error) while \(action)")
            return
        }
        switch database.resultCode {
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            self.init(.readOnly, "\(path): the store is read-only while \(action); check the permissions of the store and its folder")
        case .SQLITE_FULL:
            self.init(.diskFull, "\(path): the disk is full while \(action); nothing was saved. Free some space and try again")
        case .SQLITE_NOTADB:
            self.init(.invalidArgument, "\(path) is not a motion store (not an SQLite database); name the .motion/store.sqlite that 'motion init' made")
        case .SQLITE_CORRUPT:
            self.init(.damaged, "\(path): the store is damaged (\(database.message ?? "corrupt")); run 'motion fsck', and restore it from a backup or 'motion export-history'")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(.io, "\(path): another motion command kept the store busy for over \(Int(SQLiteStore.busyTimeout)) seconds; try again")
        case .SQLITE_CANTOPEN:
            self.init(.io, "\(path): cannot open the store while \(action); check the path and its permissions")
        case .SQLITE_IOERR:
            // A file size limit or a full disk can surface as an I/O error.
            self.init(.diskFull, "\(path): the system refused to write (\(database.message ?? "I/O error")) while \(action); nothing was saved. Check free space and file size limits")
        default:
            self.init(.io, "\(path): \(database.message ?? "\(database)") while \(action)")
        }
    }
}
