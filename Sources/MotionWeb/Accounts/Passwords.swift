import HummingbirdBcrypt

/// Passwords are kept only as bcrypt hashes (cost 12: about a quarter of a second to check, so
/// guessing is slow).
public enum Passwords {
    public static let cost: UInt8 = 12

    /// Refuses passwords too short to resist guessing, or too long for bcrypt (which would
    /// silently ignore what follows byte 72).
    public static func check(_ password: String) throws(AccountError) {
        guard password.utf8.count >= 8 else { throw AccountError("the password must have at least 8 characters") }
        guard password.utf8.count <= 72 else { throw AccountError("the password must be at most 72 bytes long (bcrypt reads no further)") }
    }

    public static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }
}

/// What an account command or a login could not do, in words that say what to do.
public struct AccountError: Error, Sendable, CustomStringConvertible, Hashable {
    public var description: String
    /// The accounts' database cannot be reached now: the server answers 503, a command exits 69.
    public var unavailable: Bool
    public init(_ description: String, unavailable: Bool = false) {
        self.description = description
        self.unavailable = unavailable
    }
}
