import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionWeb

/// Logging in and out: HttpOnly SameSite=Strict cookies, tokens on forms, throttling, and
/// every page closed to strangers unless the server reads in public.
@Suite struct SessionTests {
    @Test func pagesNeedALoginAndTheLoginSetsAStrictHttpOnlyCookie() async throws {
        try await WebFixture().test { client in
            try await client.execute(uri: "/motions/\(WebFixture.lxp)?rev=1", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=/motions/\(WebFixture.lxp)%3Frev%3D1")
            }
            try await client.execute(uri: "/api/motions", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let (loginCookie, token) = try await client.execute(uri: "/login", method: .get) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                return (String(cookie.split(separator: ";")[0]), try #require(Browser.formToken(String(buffer: response.body))))
            }
            // The browser's own requests (a second tab, the icon it asks for) leave the form's token standing.
            try await client.execute(uri: "/favicon.ico", method: .get) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/login", method: .get, headers: [.cookie: loginCookie]) { response in
                #expect(Browser.formToken(String(buffer: response.body)) == token)
            }
            let form: HTTPFields = [.cookie: loginCookie, .contentType: "application/x-www-form-urlencoded"]
            // A wrong password, and a name that is not there, answer alike.
            for name in ["del1", "nobody"] {
                try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(token)&name=\(name)&password=wrong-password")) { response in
                    #expect(response.status == .unauthorized)
                    #expect(String(buffer: response.body).contains("Wrong name or password"))
                }
            }
            // The login form's token must match its cookie.
            try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(token)&name=del1&password=pw-secret-3")) { response in
                #expect(response.status == .forbidden)
            }
            // After logging in, `next` takes the delegate back, but never to another site.
            try await client.execute(uri: "/login", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(token)&next=%2F%2Fevil.example%2F&name=del1&password=pw-secret-3")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("motion_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            }
        }
    }

    @Test func loggingOutEndsTheSessionAndNeedsTheFormToken() async throws {
        try await WebFixture().test { client in
            let browser = try await Browser.logIn(client, "del1")
            let page = try await browser.get(client, "/").1
            #expect(page.contains("<form id=\"logout\"") && page.contains("del1 (delegate, Camden Branch)"))
            #expect(try await browser.post(client, "/logout", [], token: "0000").0 == .forbidden)
            let (status, location, _) = try await browser.post(client, "/logout", [])
            #expect(status == .seeOther && location == "/login")
            #expect(try await browser.get(client, "/").0 == .seeOther, "the old cookie opens nothing")
        }
    }

    @Test func fiveWrongPasswordsForOneNameAreThrottled() async throws {
        try await WebFixture().test { client in
            let (cookie, token) = try await client.execute(uri: "/login", method: .get) { response in
                (String(response.headers[.setCookie]!.split(separator: ";")[0]), Browser.formToken(String(buffer: response.body))!)
            }
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            for _ in 0..<5 {
                try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(token)&name=sec1&password=guess-guess")) {
                    #expect($0.status == .unauthorized)
                }
            }
            // Even the right password now waits.
            try await client.execute(uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(token)&name=sec1&password=pw-secret-2")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(String(buffer: response.body).contains("Too many attempts"))
            }
            // Other names are not held up.
            _ = try await Browser.logIn(client, "del1")
        }
    }

    @Test func publicReadOpensReadingButNotWriting() async throws {
        try await WebFixture(publicRead: true).test { client in
            try await client.execute(uri: "/motions/\(WebFixture.lxp)", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Log in") && !page.contains("Draft an amendment"))
            }
            try await client.execute(uri: "/motions/\(WebFixture.lxp)/status", method: .post, body: ByteBuffer(string: "status=carried")) { response in
                #expect(response.status == .seeOther && response.headers[.location]?.hasPrefix("/login") == true)
            }
        }
    }

    @Test func throttleForgetsFailuresOutsideItsWindow() {
        let throttle = LoginThrottle(limit: 2, window: 60)
        throttle.failed("a", now: 0)
        throttle.failed("a", now: 10)
        #expect(throttle.wait(for: "a", now: 20) == 40)
        #expect(throttle.wait(for: "a", now: 61) == nil)
        #expect(throttle.wait(for: "b", now: 20) == nil)
    }
}
