import Foundation
import HTTPTypes
import Hummingbird
import MotionKit

/// An HTML page as a response.
struct HTMLPage: Sendable {
    var html: String
    var status: HTTPResponse.Status = .ok

    init(_ html: String, status: HTTPResponse.Status = .ok) {
        self.html = html
        self.status = status
    }

    var response: Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A page kept for readers who are not logged in: its bytes, ready to send again.
struct KeptPage: Sendable {
    var status: HTTPResponse.Status
    var body: ByteBuffer

    init(_ page: HTMLPage) {
        status = page.status
        body = ByteBuffer(string: page.html)
    }

    var response: Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: body))
    }
}

/// What the web front-end itself refuses: a missing form token, a role that may not, a form
/// without a field. Thrown before a page is made (a form's token is checked first), it answers
/// as a short page of its own.
struct WebFailure: HTTPResponseError, CustomStringConvertible {
    var status: HTTPResponse.Status
    var description: String

    init(_ status: HTTPResponse.Status, _ description: String) {
        self.status = status
        self.description = description
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let text = description.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(status.code) \(status.reasonPhrase)</title><link rel=\"stylesheet\" href=\"/static/motion.css\"></head><body><main><h1>\(status.reasonPhrase)</h1><p class=\"error\">\(text)</p><p><a href=\"/\">Back to the agenda</a></p></main></body></html>"
        return HTMLPage(html, status: status).response
    }

    static func forbidden(_ message: String) -> WebFailure { WebFailure(.forbidden, message) }

    /// The HTTP status and message for any error: 404 for what is not there, 400 for what
    /// cannot be asked, 422 for input that cannot be used, 409 for a conflict, 500 for damage;
    /// each with the command line's message.
    static func classify(_ error: any Error) -> (HTTPResponse.Status, String) {
        if let failure = error as? WebFailure { return (failure.status, failure.description) }
        if let error = error as? AccountError { return (error.unavailable ? .serviceUnavailable : .badRequest, error.description) }
        if let error = error as? any HTTPResponseError { return (error.status, "\(error.status.code) \(error.status.reasonPhrase)") }
        guard let error = error as? any MotionKitError else { return (.internalServerError, "\(error)") }
        let status: HTTPResponse.Status = switch error.category {
        case .missingInput: .notFound
        case .usage: .badRequest
        case .badData: .unprocessableContent
        case .conflict, .cannotCreate: .conflict
        case .io: .internalServerError
        case .unavailable: .serviceUnavailable
        }
        return (status, error.description)
    }
}

extension Request {
    /// The query as a browser's form sends it: '+' for a space, then %-escapes (Hummingbird's
    /// own query parameters keep the '+').
    var queryFields: Form { Form(uri.query ?? "") }

    func query(_ name: String) -> String? { queryFields[name] }
}

func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}

/// What a write did, said on the page it leads to. It travels in a cookie of its own, read once
/// (never in the address, where a link from anywhere could put words on our page).
enum Notice {
    static let cookieName = "motion_notice"

    static func cookie(_ text: String) -> Cookie {
        let value = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return Cookie(name: cookieName, value: value, maxAge: 60, path: "/", httpOnly: true, sameSite: .strict)
    }

    static let cleared = Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)

    static func read(_ request: Request) -> String? {
        request.cookies[cookieName]?.value.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 }
    }
}

func redirect(_ location: String, notice: String) -> Response {
    var response = redirect(location)
    response.setCookie(Notice.cookie(notice))
    return response
}

/// A form as browsers send it (application/x-www-form-urlencoded): fields in order, a name
/// may repeat (checkboxes).
struct Form: Sendable {
    var fields: [(name: String, value: String)]

    init(_ body: String) {
        fields = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    func require(_ name: String) throws -> String {
        guard let value = self[name], !value.isEmpty else { throw WebFailure(.badRequest, "the form has no '\(name)'") }
        return value
    }

    /// Reads the request's form. A page's form carries its session's token: without it (or
    /// with another), the request did not come from our page, and is refused.
    static func read(_ request: Request, _ context: WebContext, checkingTokenOf session: Session?) async throws -> Form {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let form = Form(String(buffer: body))
        if let session {
            guard let token = form["csrf"], Tokens.equal(token, session.csrfToken) else {
                throw WebFailure.forbidden("this form has expired or did not come from this site: reload the page and try again")
            }
        }
        return form
    }
}
