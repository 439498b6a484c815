import Foundation
import HTTPTypes
import Hummingbird
import Logging
import MotionKit

/// `motion serve`: the agenda and each motion as web pages, a second front-end over the same
/// application layer as the command line (``AppContext``).
public struct WebServer: Sendable {
    public var host: String
    public var port: Int
    let context: AppContext
    let pages: Pages

    /// Reads the page templates of `context`'s workspace (or the tool's own) once.
    public init(context: AppContext, host: String = "127.0.0.1", port: Int = 8080) throws {
        self.context = context
        self.host = host
        self.port = port
        pages = try Pages(resources: context.resources)
    }

    /// The routes, for the server and for in-process tests.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        let pages = self.pages, context = self.context
        router.get("/") { request, _ -> Response in
            let status = request.uri.queryParameters.get("status").flatMap { $0.isEmpty ? nil : $0 }
            let search = request.uri.queryParameters.get("q").flatMap { $0.isEmpty ? nil : $0 }
            return try Self.page {
                HTMLPage(pages.agenda(try context.agenda(status: status, search: search), status: status, search: search))
            } onError: { pages.failure($0) }
        }
        router.get("/motions/:id") { request, requestContext -> Response in
            let id = try requestContext.parameters.require("id")
            let reference = request.uri.queryParameters.get("rev").map { "\(id)@\($0)" } ?? id
            guard MotionID.isValid(id) else { return pages.failure(ApplicationError(.usage, "'\(id)' is not a motion id")) }
            return try Self.page { HTMLPage(pages.motion(try context.reading(reference))) } onError: { pages.failure($0) }
        }
        router.get("/static/motion.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: pages.stylesheet)))
        }
        return router
    }

    /// Runs `make`; what the application layer refuses becomes a page saying why, never a 500
    /// with a stack of internals.
    static func page(_ make: () throws -> HTMLPage, onError: (any Error) -> Response) throws -> Response {
        do {
            return try make().response
        } catch {
            return onError(error)
        }
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
}

/// An HTML page as a response.
struct HTMLPage {
    var html: String
    var status: HTTPResponse.Status = .ok

    init(_ html: String, status: HTTPResponse.Status = .ok) {
        self.html = html
        self.status = status
    }

    var response: Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension Pages {
    /// The page for an error: 404 for what is not there, 400 for what cannot be asked, 500
    /// for damage, each with the message the command line gives.
    func failure(_ error: any Error) -> Response {
        let category = (error as? any MotionKitError)?.category
        let status: HTTPResponse.Status = switch category {
        case .missingInput?: .notFound
        case .usage?: .badRequest
        default: .internalServerError
        }
        let heading = status == .notFound ? "Not found" : status == .badRequest ? "Cannot show this" : "Something is wrong"
        return HTMLPage(self.error(heading: heading, message: (error as? any MotionKitError)?.description ?? "\(error)"), status: status).response
    }
}
