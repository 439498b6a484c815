#if canImport(Glibc)
import Glibc
#endif

/// The password for a PostgreSQL store, as libpq finds it: PGPASSWORD, else the first line of
/// the password file (PGPASSFILE, else ~/.pgpass) that matches the host, port, database and
/// user (`*` matches anything; `\:` and `\\` are a colon and a backslash). A password file
/// others may read is not used, and says so. The password is never printed.
public enum PostgresPassword {
    public struct Found: Sendable {
        /// Nil when none is set: the server may not ask for one (trust or peer authentication).
        public var password: String?
        /// Why a password file was passed over, for the front-end to say.
        public var warning: String?
    }

    public static func find(for location: PostgresLocation, environment: [String: String]) -> Found {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return Found(password: password) }
        guard let path = environment["PGPASSFILE"] ?? environment["HOME"].map({ "\($0)/.pgpass" }) else { return Found() }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return Found() }
        if status.st_mode & 0o077 != 0 {
            return Found(warning: "\(path) is not used: others may read it; make it yours alone with 'chmod 600 \(path)'")
        }
        guard let text = try? SourceText.read(path).text else {
            return Found(warning: "\(path) cannot be read as text, so it is not used")
        }
        return Found(password: password(in: text, for: location))
    }

    /// The password of the first matching line of a password file's `text`.
    static func password(in text: String, for location: PostgresLocation) -> String? {
        let (host, port): (String, Int) = switch location.endpoint {
        case .tcp(let host, let port): (host, port)
        case .socket(let directory, let port): (directory, port)
        }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = self.fields(of: line)
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ value: String) -> Bool { field == "*" || field == value }
            // libpq: "localhost" also names the default unix socket.
            let hostMatches = matches(fields[0], host) || (fields[0] == "localhost" && location.socketPath != nil)
            if hostMatches, matches(fields[1], String(port)), matches(fields[2], location.database), matches(fields[3], location.user) {
                return fields[4]
            }
        }
        return nil
    }

    /// A line cut at its unescaped colons, escapes undone.
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
