/// Where accounts and sessions live: the seam a shared store (PostgreSQL, for a conference
/// office) plugs into. ``SQLiteAccountStore`` keeps them in a file beside the motion store, out
/// of the motions' history, so an exported history never carries password hashes.
public protocol AccountStore: Sendable {
    /// Adds an account; refuses a name that is taken.
    func add(_ account: Account, passwordHash: String) throws(AccountError)
    func account(named name: String) throws(AccountError) -> (account: Account, passwordHash: String)?
    func accounts() throws(AccountError) -> [Account]
    /// Removes an account and ends its sessions; refuses a name that is not there.
    func remove(_ name: String) throws(AccountError)
    /// Sets a new password and ends the account's sessions.
    func setPasswordHash(_ hash: String, for name: String) throws(AccountError)

    /// Starts a session for `name` lasting `seconds`; returns the token (kept only as its digest).
    func startSession(for name: String, seconds: Int) throws(AccountError) -> (token: String, session: Session)
    /// The live session a token opens, or nil.
    func session(token: String) throws(AccountError) -> Session?
    func endSession(token: String) throws(AccountError)
}
