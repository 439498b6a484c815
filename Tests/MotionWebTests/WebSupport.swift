import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// A workspace with the LXP example saved, accounts of each role, and the server's routes over
/// them, for in-process tests (HummingbirdTesting): real files, a real SQLite store, real bcrypt.
struct WebFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let lxp = "health-2026-lxp-recognition"
    static let passwords = ["office1": "pw-office-1", "sec1": "pw-secret-2", "del1": "pw-secret-3", "sec2": "pw-secret-4"]

    let root: String
    let server: WebServer

    /// - Parameter amendment: also store an amendment to the motion whose fields try to be markup.
    init(publicRead: Bool = false, markupAmendment: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("motion-web-\(UUID().uuidString)").path
        let result = try WorkspaceSetup.initialize(at: root)
        let history = History(workspace: result.workspace, store: try SQLiteStore.open(at: result.workspace.storePath))
        let text = try String(contentsOfFile: "\(Self.packageRoot)/motions/\(Self.lxp).md", encoding: .utf8)
        try text.write(toFile: "\(root)/motions/\(Self.lxp).md", atomically: true, encoding: .utf8)
        _ = try history.save("\(root)/motions/\(Self.lxp).md", author: "Sam", message: "First draft")
        if markupAmendment {
            let amendment = "---\nid: a1\ntitle: \"<script>alert(1)</script> & more\"\nsubmitted-by: Camden <b>Branch</b>\nkind: amendment\namends: \(Self.lxp)@1\nstatus: submitted\n---\n\n# <script>alert(1)</script> & more\n\nIn point 3, after 'Band 7' insert 'and <i>8</i>'.\n"
            try amendment.write(toFile: "\(root)/motions/a1.md", atomically: true, encoding: .utf8)
            _ = try history.save("\(root)/motions/a1.md", author: "Sam", message: "Submitted")
        }
        let context = AppContext(currentDirectory: root)
        let accounts = try SQLiteAccountStore(path: try context.fileBesideStore("accounts.sqlite"))
        for (name, role, branch) in [("office1", Role.office, nil), ("sec1", .secretary, "Camden Branch"),
                                     ("del1", .delegate, "Camden Branch"), ("sec2", .secretary, "Leeds Branch")] {
            try accounts.add(Account(name: name, role: role, branch: branch), passwordHash: Passwords.hash(Self.passwords[name]!))
        }
        server = try WebServer(context: context, publicRead: publicRead, accounts: accounts)
    }

    var application: some ApplicationProtocol { Application(router: server.router()) }

    /// Runs `test` with an in-process client.
    func test(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await application.test(.router, test)
    }
}

/// A browser's side of a session: its cookie and the token its pages' forms carry.
struct Browser: Sendable {
    var cookie: String
    var csrf: String

    /// Logs in through the login form, as a browser does.
    static func logIn(_ client: some TestClientProtocol, _ name: String, password: String? = nil) async throws -> Browser {
        let (loginCookie, token) = try await client.execute(uri: "/login", method: .get) { response in
            (String(response.headers[.setCookie]!.split(separator: ";")[0]), try #require(Self.formToken(String(buffer: response.body))))
        }
        let body = "csrf=\(token)&next=%2F&name=\(name)&password=\(password ?? WebFixture.passwords[name]!)"
        let cookie = try await client.execute(uri: "/login", method: .post, headers: [.cookie: loginCookie, .contentType: "application/x-www-form-urlencoded"],
                                              body: ByteBuffer(string: body)) { response in
            #expect(response.status == .seeOther, "logging in as \(name)")
            return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
        }
        let csrf = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
            try #require(Self.formToken(String(buffer: response.body)))
        }
        return Browser(cookie: cookie, csrf: csrf)
    }

    static func formToken(_ page: String) -> String? {
        page.firstMatch(of: #/name="csrf" value="([0-9a-f]+)"/#).map { String($0.output.1) }
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, String(buffer: $0.body)) }
    }

    /// POSTs a form with this session's token (unless `token` says otherwise); returns the status,
    /// the Location header and the page.
    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], token: String? = nil) async throws -> (HTTPResponse.Status, String?, String) {
        let body = ([("csrf", token ?? csrf)] + fields).map { "\($0.0)=\(Self.escaped($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                                        body: ByteBuffer(string: body)) { ($0.status, $0.headers[.location], String(buffer: $0.body)) }
    }

    static func escaped(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_.~"))) ?? ""
    }
}

/// The unescaped text of the first `<textarea name="NAME">` of a page.
func textarea(_ name: String, in page: String) -> String? {
    guard let match = page.firstMatch(of: try! Regex("<textarea[^>]*name=\"\(name)\"[^>]*>([\\s\\S]*?)</textarea>")) else { return nil }
    let text = String(match.output[1].substring ?? "")
    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
}
