import Foundation
import Synchronization
/// Where revisions live: the seam a second store (PostgreSQL for a conference office) plugs
/// into. ``SQLiteStore`` is the embedded default.
///
/// Every implementation keeps the same promises, and `RevisionStoreTests` checks them against
/// each one unchanged: revisions are immutable and content-addressed (SHA-256 of the canonical
/// Markdown); numbers run 1, 2, 3, ... per motion without gaps under concurrent writers; every
/// write is one transaction; a text that no longer matches its hash is reported, never shown.
///
/// The methods are synchronous: a command does a handful of store calls, and the CLI's start-up
/// is part of every command's speed. A network store implements them by waiting on its own event
/// loop from the calling thread, and a server calls a store from its blocking thread pool, one
/// store handle per request (see docs/architecture.md).
public protocol RevisionStore: AnyObject, Sendable {
    /// Where the store is, as messages name it: a file path or a database URL without password.
    var location: String { get }

    /// Records `motion` (already in canonical form as `canonical`) as its motion's next revision,
    /// unless the latest revision has the same text. Returns the new revision, or nil.
    func save(_ motion: Motion, canonical: String, author: String, message: String) throws(StoreError) -> Revision?

    /// A value that changes whenever anything the store holds changes, by this handle or any
    /// other (another process's command, another server): what is cached under it is never
    /// stale. Cheap: a server asks on every request.
    func version() throws(StoreError) -> String

    /// Records `motion` as revision 1 of a new motion; throws `.alreadyExists`, changing
    /// nothing, when a motion with its id is stored already (so that concurrent writers that
    /// pick the same next id cannot both take it).
    func create(_ motion: Motion, canonical: String, author: String, message: String) throws(StoreError) -> Revision

    /// Records revision 1 of a new motion whose id is `prefix` and the next number after it
    /// (one more than the highest stored id of that form; 1 when there is none): the number is
    /// chosen and the revision written in one transaction, under a lock on `prefix`, so
    /// concurrent writers (a conference's amendments to one motion) queue instead of racing for
    /// the same id and retrying. `make` gets the id and returns the motion to store.
    func createNext(after prefix: String, author: String, message: String,
                    make: (String) throws(StoreError) -> Motion) throws(StoreError) -> Revision

    /// Makes a new revision from the latest one, read and written in one transaction, so a save
    /// by someone else cannot land in between and be undone. `change` returns nil for no change;
    /// `message` gets the old and the new motion.
    func derive(_ id: String, author: String, message: (Motion, Motion) -> String,
                change: (Motion) throws(StoreError) -> Motion?) throws(StoreError) -> Revision?

    /// Resolves a stored reference to its revision, with its tags; the error says what exists.
    func revision(_ id: String, _ selector: RevisionReference.Selector) throws(StoreError) -> Revision

    /// The canonical Markdown of a revision, checked against its hash.
    func text(of revision: Revision) throws(StoreError) -> String

    /// A motion's revisions, newest first, with their tags.
    func log(_ id: String) throws(StoreError) -> [Revision]

    /// The latest revision of every motion, by id.
    func latestRevisions() throws(StoreError) -> [Revision]

    /// The latest revision of every amendment whose `amends:` names motion `id` (with or without
    /// a revision), in id order with numbers compared as numbers (a2 before a10).
    func latestAmendments(to id: String) throws(StoreError) -> [Revision]

    /// Names a revision. Moving an existing tag needs `force`.
    func tag(_ revision: Revision, as name: String, force: Bool) throws(StoreError)

    /// Checks everything the store holds: every text against its hash, numbering, parents,
    /// tags, and the implementation's own integrity check.
    func fsck() throws(StoreError) -> FsckReport

    /// Every motion's whole history with its texts, each checked against its hash: what
    /// `export-history` writes and a store copy reads. With `damaged` (references as fsck names
    /// them), those revisions and any record or text that cannot be read are left out instead
    /// of stopping the archive: what `export-history --salvage` writes. Without it, any damage
    /// is an error.
    func archive(leavingOut damaged: Set<String>?) throws(StoreError) -> [ArchivedMotion]

    /// Adds whole histories in one transaction. Refuses, changing nothing, when the store holds
    /// any of the motions already.
    func restore(_ motions: [ArchivedMotion]) throws(StoreError)

    /// Tells `handler` of changes any process makes, until the watch is stopped: a server's
    /// open pages learn of new amendments and statuses this way. By default the store's
    /// version is looked at twice a second (``watchByPolling(every:_:)``).
    func watch(_ handler: @escaping @Sendable (StoreChange) -> Void) -> any StoreWatch
}

/// One motion's whole history, as a store hands it out or takes it in.
public struct ArchivedMotion: Sendable, Hashable {
    public var id: String
    /// When its first revision was made.
    public var created: String
    /// In order, 1, 2, 3, ..., each with its canonical Markdown.
    public var revisions: [ArchivedRevision]
    public var tags: [ArchivedTag]

    public init(id: String, created: String, revisions: [ArchivedRevision], tags: [ArchivedTag]) {
        self.id = id
        self.created = created
        self.revisions = revisions
        self.tags = tags
    }
}

public struct ArchivedRevision: Sendable, Hashable {
    public var revision: Revision
    public var text: [UInt8]

    public init(revision: Revision, text: [UInt8]) {
        self.revision = revision
        self.text = text
    }
}

public struct ArchivedTag: Sendable, Hashable, Codable {
    public var name: String
    public var number: Int
    public var time: String

    public init(name: String, number: Int, time: String) {
        self.name = name
        self.number = number
        self.time = time
    }
}

extension RevisionStore {
    public func watch(_ handler: @escaping @Sendable (StoreChange) -> Void) -> any StoreWatch { watchByPolling(handler) }

    /// Every motion's whole history, refusing on any damage.
    public func archive() throws(StoreError) -> [ArchivedMotion] { try archive(leavingOut: nil) }

    /// Names a revision, refusing to move a tag that names another.
    public func tag(_ revision: Revision, as name: String) throws(StoreError) {
        try tag(revision, as: name, force: false)
    }
}

/// Opens the store a location names. The one place that knows which implementation serves
/// which kind of location.
public enum RevisionStores {
    /// Opens a PostgreSQL store: `(address, create)`. MotionKit does not link a PostgreSQL client
    /// (the CLI's start-up is part of every command), so the executables that do register theirs.
    public typealias PostgresOpener = @Sendable (PostgresLocation, _ create: Bool) throws(StoreError) -> any RevisionStore

    private static let postgres = Mutex<PostgresOpener?>(nil)

    /// Makes PostgreSQL addresses open with `opener` in this process.
    public static func register(postgres opener: @escaping PostgresOpener) {
        postgres.withLock { $0 = opener }
    }

    /// True when this process can open a PostgreSQL store.
    public static var canOpenPostgres: Bool { postgres.withLock { $0 != nil } }

    /// A store file (SQLite), or a PostgreSQL address when a PostgreSQL store is registered.
    public static func open(_ location: String, create: Bool = false) throws(StoreError) -> any RevisionStore {
        if PostgresLocation.isAddress(location) {
            // Read first, so a mistyped address (or one holding a password) is told as such.
            let address = try PostgresLocation(parsing: location, environment: ProcessInfo.processInfo.environment)
            guard let opener = postgres.withLock({ $0 }) else {
                throw StoreError(.invalidArgument, "this program cannot use a PostgreSQL store (\(address)); run it through 'motion', which hands PostgreSQL addresses to motion-pg installed beside it")
            }
            return try opener(address, create)
        }
        return try SQLiteStore.open(at: location, create: create)
    }
}
