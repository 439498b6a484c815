import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotionKit

/// `motion serve`: the agenda, each motion, drafting and the office's work as web pages, and a
/// JSON API, a second front-end over the same application layer as the command line
/// (``AppContext``). Every write checks the account's role here, on the server.
public struct WebServer: Sendable {
    public var host: String
    public var port: Int
    /// Anyone may read the agenda and the motions without logging in.
    public var publicRead: Bool
    let context: AppContext
    let pages: Pages
    let accounts: any AccountStore
    let throttle = LoginThrottle()
    /// Application results, and whole pages for readers not logged in, until the store changes.
    let results = ResultCache(), publicPages = ResultCache()
    /// What the store says changes, for the open pages' event streams.
    let feed: ChangeFeed
    /// How long a login lasts.
    static let sessionSeconds = 12 * 3600

    /// Reads the page templates of `context`'s workspace (or the tool's own) once; accounts
    /// from `accounts`, else those that go with the store (``AccountStores``).
    public init(context: AppContext, host: String = "127.0.0.1", port: Int = 8080, publicRead: Bool = false,
                accounts: (any AccountStore)? = nil) throws {
        self.context = context
        self.host = host
        self.port = port
        self.publicRead = publicRead
        pages = try Pages(resources: context.resources)
        feed = ChangeFeed(context: context)
        self.accounts = try accounts ?? AccountStores.open(for: context)
    }

    /// The routes, for the server and for in-process tests.
    public func router() -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(accounts: accounts, publicRead: publicRead))
        addReadingRoutes(to: router)
        addEventRoutes(to: router)
        addSessionRoutes(to: router)
        addDraftingRoutes(to: router)
        addOfficeRoutes(to: router)
        addDownloadRoutes(to: router)
        addAPIRoutes(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully; `onRunning` gets the URL.
    public func run(logger: Logger, onRunning: @escaping @Sendable (String) -> Void) async throws {
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "motion"),
                              onServerRunning: { channel in
                                  let port = channel.localAddress?.port ?? 0
                                  onRunning("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
                              }, logger: logger)
        try await app.runService()
    }

    /// Runs `make` (which may block on the store: it runs on a thread of its own, never on the
    /// server's event loop); what the application layer refuses becomes a page saying why, never
    /// a 500 with a stack of internals.
    func page(_ session: Session?, _ make: @escaping @Sendable () throws -> Response) async -> Response {
        do {
            return try await Self.offLoop(make)
        } catch {
            return failure(error, session: session)
        }
    }

    /// A page to read: for a reader who is not logged in (`--public-read`), the same for everyone,
    /// so kept whole until the store changes.
    /// A hit is answered at once (the version is one quick query), with the page's bytes as
    /// they were kept; only a miss is made on a thread of its own.
    func readingPage(_ web: WebContext, uri: String, _ make: @escaping @Sendable () throws -> HTMLPage) async -> Response {
        guard web.session == nil else { return await page(web.session) { try make().response } }
        let context = self.context, publicPages = self.publicPages
        guard let version = try? context.storeVersion() else { return await page(nil) { try make().response } }
        if let kept: KeptPage = publicPages.lookup(uri, version: version) { return kept.response }
        return await page(nil) {
            let kept = KeptPage(try make())
            publicPages.store(kept, as: uri, version: version)
            return kept.response
        }
    }

    /// `make`'s result, kept until the store changes.
    func cached<T: Sendable>(_ key: String, _ make: () throws -> T) throws -> T {
        try results.value(key, version: try context.storeVersion(), make)
    }

    static func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The page for an error, with the message the command line gives.
    func failure(_ error: any Error, session: Session?) -> Response {
        let (status, message) = WebFailure.classify(error)
        let heading = switch status {
        case .notFound: "Not found"
        case .badRequest, .unprocessableContent: "Cannot do this"
        case .forbidden: "Not allowed"
        case .conflict: "In conflict"
        default: "Something is wrong"
        }
        return HTMLPage(pages.error(heading: heading, message: message, session: session), status: status).response
    }
}
