#if canImport(Glibc)
import Glibc
#endif
import MotionKit
import NIOCore
import NIOPosix
import PostgresNIO

extension StoreError {
    /// Turns PostgresNIO's errors into a delegate's words. Only the server's own message is
    /// repeated, never a query or its values (PostgresNIO's debug description holds both).
    /// `committing`: the failure came while COMMIT was on its way, so the change may or may not
    /// have been made.
    init(postgres error: any Error, at connections: PostgresConnections, doing action: String, committing: Bool) {
        let location = connections.location
        if let error = error as? StoreError {
            self = error
            return
        }
        let unsaved = committing
            ? "the change may or may not have been saved: 'motion log' shows it once the database is back"
            : "nothing was saved"
        if error is PostgresDecodingError {
            self.init(.damaged, "\(location): the store holds a value of the wrong type while \(action); run 'motion fsck'")
            return
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel {
            self.init(.unavailable, "cannot reach the PostgreSQL server of \(location): it did not answer within 10 seconds; \(unsaved). Check that it is running and try again")
            return
        }
        if error is ConnectionLost {
            self.init(closedAt: location, doing: action, unsaved: unsaved)
            return
        }
        if error is NoAnswer {
            self.init(.unavailable, "the PostgreSQL server of \(location) did not answer for \(PostgresConnection.answerDeadline.nanoseconds / 1_000_000_000) seconds while \(action); \(unsaved)")
            return
        }
        guard let psql = error as? PSQLError else {
            self.init(.io, "\(location): \(error) while \(action)")
            return
        }
        switch psql.code {
        case .connectionError:
            self.init(.unavailable, "cannot reach the PostgreSQL server of \(location) (\(Self.why(psql.underlying, location))); \(unsaved). Check that it is running and try again")
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            self.init(closedAt: location, doing: action, unsaved: unsaved)
        case .authMechanismRequiresPassword:
            self.init(.invalidArgument, "the PostgreSQL server of \(location) asks for \(location.user)'s password: set PGPASSWORD, or add a line to ~/.pgpass (chmod 600)"
                      + (connections.passwordWarning.map { " (\($0))" } ?? ""))
        case .unsupportedAuthMechanism:
            self.init(.invalidArgument, "the PostgreSQL server of \(location) asks for a kind of login motion cannot give; use scram-sha-256, md5, password or trust for \(location.user) in its pg_hba.conf")
        case .server:
            self.init(server: psql, location: location, action: action, unsaved: unsaved)
        default:
            self.init(.unavailable, "\(location): the connection to PostgreSQL failed (\(psql.code)) while \(action); \(unsaved)")
        }
    }

    private init(closedAt location: PostgresLocation, doing action: String, unsaved: String) {
        self.init(.unavailable, "the PostgreSQL server of \(location) closed the connection while \(action); \(unsaved). Try again once it is back")
    }

    private init(server psql: PSQLError, location: PostgresLocation, action: String, unsaved: String) {
        let state = psql.serverInfo?[.sqlState] ?? ""
        let message = psql.serverInfo?[.message] ?? "an error"
        switch state {
        case "57P01", "57P02", "57P03", "08000", "08003", "08006":
            self.init(.unavailable, "the PostgreSQL server of \(location) is shutting down or starting (\(message)); \(unsaved). Try again once it is back")
        case "28P01", "28000":
            self.init(.invalidArgument, "the PostgreSQL server of \(location) refused \(location.user)'s login (\(message)); check PGPASSWORD or ~/.pgpass")
        case "3D000":
            self.init(.noWorkspace, "there is no database '\(location.database)' at \(location); ask whoever runs the server to create it (createdb -O \(location.user) \(location.database)), then run 'motion init --store \"\(location)\"'")
        case "42501", "25006":
            self.init(.readOnly, "\(location): \(location.user) may not change the store (\(message)) while \(action); \(unsaved)")
        case "53100":
            self.init(.diskFull, "\(location): the database server's disk is full while \(action); \(unsaved)")
        case "53300":
            self.init(.unavailable, "\(location): the PostgreSQL server has no free connections (\(message)); \(unsaved). Try again shortly")
        case "55P03", "57014":
            self.init(.io, "\(location): another writer kept the store busy too long while \(action) (\(message)); \(unsaved). Try again")
        default:
            self.init(.io, "\(location): PostgreSQL said \"\(message)\" (\(state)) while \(action); \(unsaved)")
        }
    }

    /// Why a connection could not be made, from the system's error.
    private static func why(_ underlying: (any Error)?, _ location: PostgresLocation) -> String {
        let errno: Int32? = if let io = underlying as? IOError {
            io.errnoCode
        } else if let connection = underlying as? NIOConnectionError {
            connection.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }.first
        } else {
            nil
        }
        switch errno {
        case ENOENT?: return "no server is listening at \(location.socketPath ?? "its socket")"
        case ECONNREFUSED?: return "the connection was refused: no server is listening there"
        case EACCES?: return "permission denied on its socket"
        case let code?: return String(cString: strerror(code))
        case nil:
            if let channel = underlying as? ChannelError, case .connectTimeout = channel { return "no answer within 10 seconds" }
            return underlying.map { "\($0)" } ?? "no answer"
        }
    }

    /// Worth running the transaction again: another writer's transaction got in the way.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError, psql.code == .server else { return false }
        return ["40001", "40P01"].contains(psql.serverInfo?[.sqlState] ?? "")
    }

    /// The server's SQLSTATE of an error, if it came from the server.
    static func sqlState(of error: any Error) -> String? {
        guard let psql = error as? PSQLError, psql.code == .server else { return nil }
        return psql.serverInfo?[.sqlState]
    }
}
