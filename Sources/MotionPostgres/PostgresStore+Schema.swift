import MotionKit
import PostgresNIO

/// The store's tables, as numbered migrations run in one transaction under an advisory lock, so
/// two servers starting together do not both migrate. A database made by a newer version of
/// motion, or holding tables that are not a motion store, is refused rather than misread.
extension PostgresStore {
    struct Migration {
        var version: Int
        var description: String
        /// One statement each: the extended protocol takes one at a time.
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, description: "texts, motions, revisions, tags, accounts and sessions", statements: [
            // A text is a revision's canonical Markdown, kept whole (PostgreSQL compresses it).
            """
            CREATE TABLE text_blob (
                hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
                size bigint NOT NULL,
                data bytea NOT NULL)
            """,
            // `changes` rises with every write to the motion, under its row lock: the sum over
            // all motions is the store's version, which a server's caches are kept under.
            """
            CREATE TABLE motion (
                id text PRIMARY KEY,
                created_at text NOT NULL,
                changes bigint NOT NULL DEFAULT 0)
            """,
            // Times are the exact ISO strings of the save, so archives compare equal across stores.
            """
            CREATE TABLE revision (
                motion_id text NOT NULL REFERENCES motion (id),
                number bigint NOT NULL CHECK (number >= 1),
                hash text NOT NULL REFERENCES text_blob (hash),
                parent bigint,
                author text NOT NULL,
                message text NOT NULL,
                created_at text NOT NULL,
                status text NOT NULL,
                kind text NOT NULL,
                title text NOT NULL,
                words bigint NOT NULL,
                amends text,
                checksum text NOT NULL,
                PRIMARY KEY (motion_id, number))
            """,
            "CREATE INDEX revision_amends ON revision (amends) WHERE kind = 'amendment'",
            """
            CREATE TABLE tag (
                motion_id text NOT NULL,
                name text NOT NULL,
                number bigint NOT NULL,
                created_at text NOT NULL,
                PRIMARY KEY (motion_id, name),
                FOREIGN KEY (motion_id, number) REFERENCES revision (motion_id, number))
            """,
            // Revisions and texts never change once written: the database refuses it too.
            """
            CREATE FUNCTION motion_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'motion: revisions and their texts are never changed or removed'; END $$
            """,
            "CREATE TRIGGER revision_immutable BEFORE UPDATE OR DELETE ON revision FOR EACH ROW EXECUTE FUNCTION motion_refuse_change()",
            "CREATE TRIGGER text_blob_immutable BEFORE UPDATE OR DELETE ON text_blob FOR EACH ROW EXECUTE FUNCTION motion_refuse_change()",
            // motion serve's accounts, beside the motions but never in an archive or a copy.
            """
            CREATE TABLE account (
                name text PRIMARY KEY,
                role text NOT NULL,
                branch text,
                password_hash text NOT NULL,
                created_at text NOT NULL)
            """,
            """
            CREATE TABLE account_session (
                token_digest text PRIMARY KEY,
                name text NOT NULL REFERENCES account (name) ON DELETE CASCADE,
                csrf text NOT NULL,
                expires_at double precision NOT NULL)
            """,
            "CREATE INDEX account_session_by_name ON account_session (name)",
        ]),
    ]

    static var schemaVersion: Int { migrations.last!.version }

    /// Any number, as long as no other program on the database takes the same advisory lock.
    private static let migrationLock = 0x6D6F_7469_6F6E

    /// Brings the schema up to date; with `create`, makes it in an empty database.
    func migrate(creating create: Bool) throws(StoreError) {
        let location = self.location
        try transaction("setting up the store") { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(Self.migrationLock))")
            let hasSchemaTable = try connection.rows("SELECT to_regclass('motion_schema') IS NOT NULL")
                .first?.decode(Bool.self) ?? false
            var current = 0
            if hasSchemaTable {
                current = try connection.rows("SELECT coalesce(max(version), 0)::bigint FROM motion_schema").first?.decode(Int.self) ?? 0
            } else {
                let tables = try connection.rows("SELECT count(*)::bigint FROM pg_tables WHERE schemaname = current_schema()")
                    .first?.decode(Int.self) ?? 0
                guard tables == 0 else {
                    throw StoreError(.invalidArgument, "\(location) holds tables that are not a motion store; name a database of its own for motion")
                }
                guard create else {
                    throw StoreError(.noWorkspace, "there is no motion store in \(location) yet; run 'motion init --store \"\(location)\"' to make one")
                }
                try connection.run("""
                    CREATE TABLE motion_schema (version integer PRIMARY KEY, description text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL)
                    """)
            }
            if current > Self.schemaVersion {
                throw StoreError(.invalidArgument, "\(location) was written by a newer version of motion (schema \(current)); upgrade motion to use it")
            }
            for migration in Self.migrations where migration.version > current {
                for statement in migration.statements { try connection.run(PostgresQuery(unsafeSQL: statement)) }
                try connection.run("""
                    INSERT INTO motion_schema (version, description, applied_by)
                    VALUES (\(migration.version), \(migration.description), \("motion " + MotionKitVersion.string))
                    """)
            }
        }
    }
}
