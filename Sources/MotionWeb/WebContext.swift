import Hummingbird

/// A request's context: who is logged in (from the session cookie, or an API bearer token).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session behind the request, nil for no one.
    public var session: Session?
    /// The raw session token, to end the session on logout.
    var sessionToken: String?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// A form holds at most one motion (2 MiB, as the reader allows) and a little; more is refused with 413.
    public var maxUploadSize: Int { 2_500_000 }

    var account: Account? { session?.account }
}
