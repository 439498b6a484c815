import GRDB

/// The store's schema, as GRDB migrations. A store made by a newer version is refused rather
/// than misread.
extension SQLiteStore {
    /// The schema version, also written to `PRAGMA user_version` for tools outside GRDB.
    static let schemaVersion = 2

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: blobs, motions, revisions, tags") { db in
            // A blob is a revision's canonical Markdown, deflated with its `base` blob's text as
            // the dictionary (null for a keyframe); `depth` bounds the chain a read must follow.
            // A rowid table keeps a motion-sized row on one page (an index b-tree would spill it
            // to overflow pages and triple the file).
            try db.execute(sql: """
                CREATE TABLE blob (
                    id INTEGER PRIMARY KEY,
                    hash TEXT NOT NULL UNIQUE,
                    base INTEGER REFERENCES blob(id),
                    depth INTEGER NOT NULL,
                    size INTEGER NOT NULL,
                    data BLOB NOT NULL
                );
                CREATE TABLE motion (
                    id TEXT PRIMARY KEY NOT NULL,
                    created_at TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE revision (
                    motion_id TEXT NOT NULL REFERENCES motion(id),
                    number INTEGER NOT NULL,
                    hash TEXT NOT NULL REFERENCES blob(hash),
                    parent INTEGER,
                    author TEXT NOT NULL,
                    message TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    status TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    words INTEGER NOT NULL,
                    amends TEXT,
                    PRIMARY KEY (motion_id, number)
                ) WITHOUT ROWID;
                CREATE INDEX revision_by_hash ON revision(hash);
                CREATE TABLE tag (
                    motion_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    PRIMARY KEY (motion_id, name),
                    FOREIGN KEY (motion_id, number) REFERENCES revision(motion_id, number)
                ) WITHOUT ROWID;
                PRAGMA user_version = 1;
                """)
        }
        migrator.registerMigration("v2: a checksum over each revision's record") { db in
            // fsck recomputes it: an author, message, time or parent changed after the save is
            // found. Records already there are taken as they are; one that cannot be read keeps
            // no checksum, which fsck reports.
            try db.execute(sql: "ALTER TABLE revision ADD COLUMN checksum TEXT")
            for row in try Row.fetchAll(db, sql: "SELECT \(SQLiteStore.revisionColumns) FROM revision r") {
                guard let revision = try? SQLiteStore.revision(from: row) else { continue }
                try db.execute(sql: "UPDATE revision SET checksum = ? WHERE motion_id = ? AND number = ?",
                               arguments: [revision.recordChecksum, revision.motionID, revision.number])
            }
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        return migrator
    }()

    /// Brings the schema up to date. Only a store being created, or one this tool made before
    /// (it has GRDB's migrations table), is touched: any other SQLite file is refused, never
    /// quietly turned into a store.
    func migrateIfNeeded(creating: Bool, readOnly: Bool = false) throws(StoreError) {
        let state: (complete: Bool, superseded: Bool, ours: Bool)
        do {
            state = try queue.read { db in
                (try SQLiteStore.migrator.hasCompletedMigrations(db), try SQLiteStore.migrator.hasBeenSuperseded(db),
                 try db.tableExists("grdb_migrations"))
            }
        } catch {
            throw StoreError(mapping: error, path: path, doing: "reading the store's schema")
        }
        if state.superseded {
            throw StoreError(.invalidArgument, "\(path) was written by a newer version of motion; upgrade motion to use it")
        }
        if state.complete { return }
        guard creating || state.ours else {
            throw StoreError(.invalidArgument, "\(path) is not a motion store; make one with 'motion init', or name the .motion/store.sqlite it made")
        }
        // An older store that cannot be written is read as it is; the next writable open migrates it.
        if readOnly { return }
        do {
            try SQLiteStore.migrator.migrate(queue)
        } catch {
            throw StoreError(mapping: error, path: path, doing: "setting up the store")
        }
    }
}
