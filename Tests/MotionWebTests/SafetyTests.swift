import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// What a hostile delegate could send: markup in wording, branch names and searches is text on
/// every page; a body over the limit is refused before it is read.
@Suite struct SafetyTests {
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>"]

    @Test func markupInEveryFieldIsShownAsText() async throws {
        let fixture = try WebFixture()
        let accounts = try SQLiteAccountStore(path: "\(fixture.root)/.motion/accounts.sqlite")
        try accounts.add(Account(name: "mallory", role: .secretary, branch: Self.payloads[1]), passwordHash: Passwords.hash("mallory-pass"))
        try await fixture.test { client in
            let mallory = try await Browser.logIn(client, "mallory", password: "mallory-pass")
            for (n, payload) in Self.payloads.enumerated() {
                let wording = "In point 3, after 'Band 7' insert '\(payload) \(n)'."
                let submitted = try await mallory.post(client, "/motions/\(WebFixture.lxp)/amend", [("mode", "wording"), ("wording", wording), ("action", "submit")])
                #expect(submitted.0 == .seeOther, "\(submitted.2)")
            }
            let pages = [try await mallory.get(client, "/").1, try await mallory.get(client, "/motions/\(WebFixture.lxp)").1,
                         try await mallory.get(client, "/motions/\(WebFixture.lxp)?show=all").1,
                         try await mallory.get(client, "/motions/\(WebFixture.lxp)-a1").1,
                         try await mallory.get(client, "/?q=\(Browser.escaped(Self.payloads[0]))").1,
                         try await mallory.post(client, "/motions/\(WebFixture.lxp)/amend", [("mode", "wording"), ("wording", Self.payloads[2]), ("action", "preview")]).2,
                         try await mallory.post(client, "/motions/\(WebFixture.lxp)/amend", [("mode", "edit"), ("text", "# \(Self.payloads[0])\n\n\(Self.payloads[1])"), ("action", "preview")]).2]
            for page in pages {
                #expect(!page.contains("<script>") && !page.contains("<img") && !page.contains("<a href=\"javascript"), "\(page)")
            }
            #expect(pages[0].contains("&lt;img src=x onerror=alert(1)&gt;"), "the branch, escaped")
            #expect(pages[1].contains("&lt;script&gt;alert(1)&lt;/script&gt; 0"), "the wording, escaped")
            #expect(pages[2].contains("<ins>"), "the tracked view still marks changes")
        }
    }

    /// What a write did is said on the next page, from a cookie read once; words in the address
    /// (a link from anywhere) are never shown as the site's own.
    @Test func noticesComeFromTheWriteNeverFromTheAddress() async throws {
        try await WebFixture().test { client in
            let office = try await Browser.logIn(client, "office1")
            let (status, cookie) = try await client.execute(uri: "/motions/\(WebFixture.lxp)/status", method: .post,
                                                            headers: [.cookie: office.cookie, .contentType: "application/x-www-form-urlencoded"],
                                                            body: ByteBuffer(string: "csrf=\(office.csrf)&status=admitted")) { response in
                (response.status, response.headers[values: .setCookie].first { $0.hasPrefix("motion_notice=") })
            }
            #expect(status == .seeOther)
            let notice = try #require(cookie).split(separator: ";")[0]
            #expect(cookie?.contains("HttpOnly") == true && cookie?.contains("SameSite=Strict") == true)
            try await client.execute(uri: "/motions/\(WebFixture.lxp)", method: .get, headers: [.cookie: "\(office.cookie); \(notice)"]) { response in
                #expect(String(buffer: response.body).contains("<p class=\"notice\" role=\"status\">Status set to admitted"))
                #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("motion_notice=;") && $0.contains("Max-Age=0") }, "read once")
            }
            let forged = try await office.get(client, "/motions/\(WebFixture.lxp)?notice=Your+session+has+expired%3A+log+in+at+evil.example").1
            #expect(!forged.contains("evil.example") && !forged.contains("class=\"notice\""))
        }
    }

    @Test func aBodyOverTheLimitIsRefused() async throws {
        try await WebFixture().test { client in
            let office = try await Browser.logIn(client, "office1")
            let huge = String(repeating: "a", count: 3_000_000)
            let (status, _, _) = try await office.post(client, "/motions/\(WebFixture.lxp)/amend", [("mode", "wording"), ("wording", huge)])
            #expect(status == .contentTooLarge)
            let token = try await APITests.token(client, "office1")
            try await client.execute(uri: "/api/motions/\(WebFixture.lxp)/amendments", method: .post,
                                     headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"wording": "\#(huge)"}"#)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func aWorkspaceMayReplaceThePageTemplates() async throws {
        let fixture = try WebFixture(publicRead: true)
        try FileManager.default.createDirectory(atPath: "\(fixture.root)/templates/web", withIntermediateDirectories: true)
        let builtin = try #require(try fixture.server.context.resources.text("templates/web/footer.mustache")).text
        try builtin.replacingOccurrences(of: "motion: motions", with: "Camden Branch's own footer; motion: motions")
            .write(toFile: "\(fixture.root)/templates/web/footer.mustache", atomically: true, encoding: .utf8)
        let server = try WebServer(context: AppContext(currentDirectory: fixture.root), publicRead: true, accounts: fixture.server.accounts)
        try await Application(router: server.router()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { #expect(String(buffer: $0.body).contains("Camden Branch's own footer")) }
        }
    }
}
