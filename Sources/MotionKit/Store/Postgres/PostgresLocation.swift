/// Where a PostgreSQL store is, read from the address given as `--store` or `MOTION_STORE`:
/// `postgres://USER@HOST[:PORT]/DB`, or `postgresql:///DB?host=/run/postgresql` for a unix
/// socket. It never holds a password: an address with one is refused, since command lines and
/// environments are visible to others; the password comes from PGPASSWORD or ~/.pgpass
/// (``PostgresPassword``).
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    public enum Endpoint: Hashable, Sendable {
        case tcp(host: String, port: Int)
        /// The folder the server's socket is in, and its port (which names the socket file).
        case socket(directory: String, port: Int)
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String

    /// The settings an address may carry after `?`.
    static let knownSettings: Set<String> = ["host", "port", "user"]

    /// Whether `address` is a PostgreSQL address at all (else it names a store file).
    public static func isAddress(_ address: String) -> Bool {
        address.hasPrefix("postgres://") || address.hasPrefix("postgresql://")
    }

    /// Reads a PostgreSQL address; PGHOST, PGPORT and PGUSER fill in what it leaves out, as
    /// libpq's do, then the login name. Anything it does not understand is refused, never
    /// guessed: a store in the wrong database is worse than an error.
    public init(parsing address: String, environment: [String: String] = [:]) throws(StoreError) {
        func refuse(_ why: String) -> StoreError {
            StoreError(.invalidArgument, "the store address \(Self.redacted(address)) \(why); write it as postgres://USER@HOST[:PORT]/DATABASE or postgresql:///DATABASE?host=/run/postgresql")
        }
        guard let schemeEnd = address.range(of: "://"), Self.isAddress(address) else { throw refuse("is not a PostgreSQL address") }
        var rest = Substring(address[schemeEnd.upperBound...])
        var settings: [String: String] = [:]
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0]), value = parts.count > 1 ? Self.decoded(parts[1]) : ""
                if name == "password" { throw Self.passwordRefusal(address) }
                guard Self.knownSettings.contains(name) else {
                    throw refuse("has a setting '\(name)' this tool does not read (it reads host, port and user)")
                }
                guard let value else { throw refuse("has a badly escaped '\(name)'") }
                settings[name] = value
            }
            rest = rest[..<question]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        let path = slash < rest.endIndex ? rest[rest.index(after: slash)...] : ""
        var user: String?
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            if info.contains(":") { throw Self.passwordRefusal(address) }
            user = Self.decoded(info)
            if user == nil { throw refuse("has a badly escaped user name") }
            authority = authority[authority.index(after: at)...]
        }
        var host = String(authority), port: String?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw refuse("has an unclosed '[' around its host") }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = String(after.dropFirst()) } else if !after.isEmpty { throw refuse("has text after its host") }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            port = String(host[host.index(after: colon)...])
            host = String(host[..<colon])
        }
        guard let database = Self.decoded(path), !database.isEmpty, !database.contains("/") else {
            throw refuse("names no database")
        }
        let portText = port ?? settings["port"] ?? environment["PGPORT"] ?? "5432"
        guard let portNumber = Int(portText), (1...65535).contains(portNumber) else { throw refuse("has a port that is not a number from 1 to 65535") }
        let hostName = host.isEmpty ? (settings["host"] ?? environment["PGHOST"] ?? "/var/run/postgresql") : host
        endpoint = hostName.hasPrefix("/") ? .socket(directory: hostName, port: portNumber) : .tcp(host: hostName, port: portNumber)
        guard let name = user.flatMap({ $0.isEmpty ? nil : $0 }) ?? settings["user"] ?? environment["PGUSER"] ?? environment["USER"] ?? environment["LOGNAME"] else {
            throw refuse("names no user, and PGUSER and USER are not set")
        }
        self.user = name
        self.database = database
    }

    /// The socket file the server listens on, for a socket endpoint.
    public var socketPath: String? {
        guard case .socket(let directory, let port) = endpoint else { return nil }
        return "\(directory)/.s.PGSQL.\(port)"
    }

    /// The address as messages show it: every part but a password (which it never has).
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        case .socket(let directory, let port): "postgresql://\(user)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    /// An address with anything between `://` and `@` hidden, for a message about an address
    /// that could not be read (and so might hold a password).
    static func redacted(_ address: String) -> String {
        guard let start = address.range(of: "://"), let at = address[start.upperBound...].firstIndex(of: "@") else {
            return address.contains("password=") ? String(address.prefix { $0 != "?" }) + "?..." : address
        }
        return String(address[..<start.upperBound]) + "...@" + String(address[address.index(after: at)...]).split(separator: "?").first.map(String.init)!
    }

    static func passwordRefusal(_ address: String) -> StoreError {
        StoreError(.invalidArgument, "the store address \(redacted(address)) holds a password, which anyone who can list this machine's processes could read; put it in PGPASSWORD or ~/.pgpass instead, and leave it out of the address")
    }

    private static func decoded(_ text: Substring) -> String? {
        String(text).removingPercentEncodingSafely
    }
}

extension String {
    /// %-escapes decoded; nil for a broken escape or bytes that are not UTF-8.
    var removingPercentEncodingSafely: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
