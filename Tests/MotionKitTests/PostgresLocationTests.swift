import Foundation
import Testing
@testable import MotionKit

/// PostgreSQL addresses and passwords as libpq reads them, with the refusals that keep a
/// password off command lines and a store out of the wrong database.
@Suite struct PostgresLocationTests {
    @Test(arguments: [
        ("postgres://office@db.example.org/conference", PostgresLocation.Endpoint.tcp(host: "db.example.org", port: 5432), "office", "conference"),
        ("postgresql://office@127.0.0.1:5433/conf", .tcp(host: "127.0.0.1", port: 5433), "office", "conf"),
        ("postgres://office@[::1]:6000/conf", .tcp(host: "::1", port: 6000), "office", "conf"),
        ("postgresql:///conf?host=/run/pg", .socket(directory: "/run/pg", port: 5432), "sam", "conf"),
        ("postgresql:///conf?host=%2Ftmp%2Fpg&port=5444&user=office", .socket(directory: "/tmp/pg", port: 5444), "office", "conf"),
        ("postgres://o%40x@h/my%20db", .tcp(host: "h", port: 5432), "o@x", "my db"),
    ])
    func addressesAreRead(_ address: String, _ endpoint: PostgresLocation.Endpoint, _ user: String, _ database: String) throws {
        let location = try PostgresLocation(parsing: address, environment: ["USER": "sam"])
        #expect(location.endpoint == endpoint && location.user == user && location.database == database)
        #expect(try PostgresLocation(parsing: location.description, environment: [:]) == location, "its description reads back")
    }

    @Test func theEnvironmentFillsInWhatTheAddressLeavesOut() throws {
        let location = try PostgresLocation(parsing: "postgresql:///conf", environment: ["PGHOST": "/var/pg", "PGPORT": "5999", "PGUSER": "office", "USER": "root"])
        #expect(location.endpoint == .socket(directory: "/var/pg", port: 5999) && location.user == "office")
        #expect(location.socketPath == "/var/pg/.s.PGSQL.5999")
        let plain = try PostgresLocation(parsing: "postgresql:///conf", environment: ["USER": "sam"])
        #expect(plain.endpoint == .socket(directory: "/var/run/postgresql", port: 5432) && plain.user == "sam")
    }

    @Test(arguments: [
        ("postgres://office:secret@db/conf", "holds a password"),
        ("postgres://db/conf?password=secret", "holds a password"),
        ("postgres://office@db/conf?sslmode=require", "setting 'sslmode'"),
        ("postgres://office@db", "names no database"),
        ("postgres://office@db/", "names no database"),
        ("postgres://office@db:http/conf", "port"),
        ("postgres://office@db:0/conf", "port"),
        ("postgres://office@[::1/conf", "unclosed"),
        ("postgres://office@db/c%zzf", "names no database"),
    ])
    func whatCannotBeReadIsRefusedAndPasswordsAreNeverRepeated(_ address: String, _ words: String) {
        #expect {
            _ = try PostgresLocation(parsing: address, environment: ["USER": "sam"])
        } throws: { error in
            let message = (error as? StoreError)?.message ?? ""
            return message.contains(words) && !message.contains("secret") && (error as? StoreError)?.category == .usage
        }
    }

    @Test func aProgramWithoutPostgreSQLSaysSoWithoutRepeatingThePassword() {
        #expect {
            _ = try RevisionStores.open("postgres://office:secret@db/conf")
        } throws: { error in
            let message = "\(error)"
            return message.contains("holds a password") && !message.contains("secret")
        }
        #expect {
            _ = try RevisionStores.open("postgres://office@db/conf")
        } throws: { error in "\(error)".contains("cannot use a PostgreSQL store (postgres://office@db:5432/conf)") }
    }

    @Test func passwordFilesAreReadAsLibpqReadsThem() throws {
        let tcp = try PostgresLocation(parsing: "postgres://office@db.example.org:5433/conf", environment: [:])
        let socket = try PostgresLocation(parsing: "postgresql://office@/conf?host=/run/pg", environment: [:])
        let file = """
            # host:port:database:user:password
            other.example.org:*:*:*:wrong
            db.example.org:5433:conf:office:pa\\:ss\\\\word
            localhost:5432:*:office:by-socket
            *:*:*:*:fallback
            """
        #expect(PostgresPassword.password(in: file, for: tcp) == "pa:ss\\word")
        #expect(PostgresPassword.password(in: file, for: socket) == "by-socket")
        let elsewhere = try PostgresLocation(parsing: "postgres://kim@elsewhere/conf", environment: [:])
        #expect(PostgresPassword.password(in: file, for: elsewhere) == "fallback")
        #expect(PostgresPassword.password(in: "db.example.org:5433:conf:office", for: tcp) == nil, "a line of four fields is not a password")
    }

    @Test func PGPASSWORDComesFirstAndAFileOthersMayReadIsNotUsed() throws {
        let location = try PostgresLocation(parsing: "postgres://office@db/conf", environment: [:])
        let folder = try TestSupport.temporaryDirectory()
        let path = "\(folder)/pgpass"
        try "*:*:*:*:from-file\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        let open = PostgresPassword.find(for: location, environment: ["PGPASSFILE": path])
        #expect(open.password == nil && open.warning?.contains("chmod 600") == true)
        chmod(path, 0o600)
        #expect(PostgresPassword.find(for: location, environment: ["PGPASSFILE": path]).password == "from-file")
        #expect(PostgresPassword.find(for: location, environment: ["PGPASSFILE": path, "PGPASSWORD": "from-env"]).password == "from-env")
        #expect(PostgresPassword.find(for: location, environment: ["HOME": folder]).password == nil, "no ~/.pgpass there")
    }
}
