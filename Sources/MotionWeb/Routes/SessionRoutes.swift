import Foundation
import Hummingbird
import MotionKit

/// Logging in and out. The login form is guarded like every other: its token is also in a
/// cookie of its own (HttpOnly, SameSite=Strict), and the two must match.
extension WebServer {
    static let loginCookie = "motion_login"

    func addSessionRoutes(to router: Router<WebContext>) {
        let pages = self.pages
        router.get("/login") { request, _ -> Response in
            // One token for the browser's login pages: a second tab, or a request the page
            // itself makes, must not void the form already on screen.
            let kept = request.cookies[Self.loginCookie]?.value
            let token = kept.flatMap { Tokens.isWellFormed($0) ? $0 : nil } ?? Tokens.random()
            var response = HTMLPage(pages.login(next: Self.safeNext(request.query("next")), name: nil, message: nil, loginToken: token)).response
            response.setCookie(Cookie(name: Self.loginCookie, value: token, path: "/login", httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/login") { request, web -> Response in
            let form = try await Form.read(request, web, checkingTokenOf: nil)
            let next = Self.safeNext(form["next"])
            guard let token = form["csrf"], let cookie = request.cookies[Self.loginCookie]?.value, Tokens.equal(token, cookie) else {
                let fresh = Tokens.random()
                var response = HTMLPage(pages.login(next: next, name: form["name"], message: "The form had expired: log in again.", loginToken: fresh),
                                        status: .forbidden).response
                response.setCookie(Cookie(name: Self.loginCookie, value: fresh, path: "/login", httpOnly: true, sameSite: .strict))
                return response
            }
            let name = form["name"] ?? "", password = form["password"] ?? ""
            switch await logIn(name: name, password: password) {
            case .success(let (sessionToken, _)):
                var response = redirect(next)
                response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: sessionToken, maxAge: Self.sessionSeconds, path: "/",
                                          httpOnly: true, sameSite: .strict))
                return response
            case .failure(let failure):
                return HTMLPage(pages.login(next: next, name: name, message: failure.description, loginToken: cookie), status: failure.status).response
            }
        }
        router.post("/logout") { request, web -> Response in
            _ = try await Form.read(request, web, checkingTokenOf: web.session)
            if let token = web.sessionToken {
                let accounts = self.accounts
                try await Self.offLoop { try accounts.endSession(token: token) }
            }
            var response = redirect("/login")
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// Checks a name and password, slowly (bcrypt) and throttled; starts a session.
    func logIn(name: String, password: String) async -> Result<(String, Session), WebFailure> {
        if let wait = throttle.wait(for: name) {
            return .failure(WebFailure(.tooManyRequests, "Too many attempts for this name: try again in \(wait / 60 + 1) minutes."))
        }
        let accounts = self.accounts, throttle = self.throttle
        do {
            return try await Self.offLoop { () throws -> Result<(String, Session), WebFailure> in
                // A name that is not there costs the same time as a wrong password.
                let stored = try accounts.account(named: name)
                let matches = Passwords.verify(password, hash: stored?.passwordHash ?? Self.decoyHash)
                guard let stored, matches else {
                    throttle.failed(name)
                    return .failure(WebFailure(.unauthorized, "Wrong name or password."))
                }
                throttle.succeeded(name)
                let started = try accounts.startSession(for: stored.account.name, seconds: Self.sessionSeconds)
                return .success((started.token, started.session))
            }
        } catch {
            return .failure(WebFailure(.internalServerError, "\(error)"))
        }
    }

    /// A bcrypt hash of nothing anyone types, to spend a real check's time on unknown names.
    static let decoyHash = Passwords.hash(Tokens.random())

    /// Where to go after logging in: a path on this site only, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
