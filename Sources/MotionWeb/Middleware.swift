import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One line per request on the log: method, path, status and time taken.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            log(request, status: error.status.code, since: start, context: context)
            throw error
        }
        log(request, status: response.status.code, since: start, context: context)
        return response
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, context: Context) {
        let elapsed = ContinuousClock.now - start
        // Tenths of a millisecond, by integers: String(format:) costs more than some whole requests.
        let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
        context.logger.info("\(request.method) \(request.uri.path) \(status) \(tenths / 10).\(tenths % 10) ms")
    }
}

/// Headers every response carries: no script or style from anywhere but this server, no
/// framing, no content sniffing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

/// Finds who is asking (the session cookie for pages, `Authorization: Bearer` for the API) and
/// turns away whoever may not read: every page but the login page and the stylesheet needs a
/// login, unless the server reads in public (`--public-read`), when GETs need none.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "motion_session"
    let accounts: any AccountStore
    let publicRead: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        let isAPI = path.hasPrefix("/api/")
        // The API takes only bearer tokens, so a browser's cookie can never be used against it
        // from another site; pages take only the cookie.
        let token = isAPI ? request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
                          : request.cookies[Self.cookieName]?.value
        if let token, !token.isEmpty {
            let accounts = self.accounts
            do {
                context.session = try await WebServer.offLoop { try accounts.session(token: token) }
            } catch {
                // The accounts' database is away (503) or broken: said as any other failure is.
                if isAPI { return APIProblem.response(for: error) }
                let (status, message) = WebFailure.classify(error)
                return try WebFailure(status, message).response(from: request, context: context)
            }
            context.sessionToken = context.session == nil ? nil : token
        }
        let open = path == "/login" || path.hasPrefix("/static/") || path == "/favicon.ico" || path == "/api/openapi.json" || path == "/api/session"
        if context.session == nil, !open, !(publicRead && request.method == .get) {
            if isAPI { return APIProblem.response(.unauthorized, "log in first: POST /api/session with your name and password, then send 'Authorization: Bearer TOKEN'") }
            let next = request.method == .get ? request.uri.description : "/"
            return redirect("/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_.~"))) ?? "/")")
        }
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
