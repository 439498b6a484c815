import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// The JSON API: bearer tokens from POST /api/session, the same use cases as the pages, and
/// every error an RFC 9457 problem with the command line's message (4xx for bad input).
@Suite struct APITests {
    static func token(_ client: some TestClientProtocol, _ name: String) async throws -> String {
        let body = #"{"name": "\#(name)", "password": "\#(WebFixture.passwords[name]!)"}"#
        return try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) { response in
            #expect(response.status == .created)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
            #expect(json["name"] as? String == name)
            return try #require(json["token"] as? String)
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any], "\(String(buffer: response.body))")
    }

    @Test func readsMotionsRevisionsAndDiffs() async throws {
        try await WebFixture().test { client in
            let token = try await Self.token(client, "del1")
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            try await client.execute(uri: "/api/motions", method: .get, headers: auth) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/json")
                let motions = try Self.json(response)["motions"] as! [[String: Any]]
                #expect(motions.map { $0["id"] as? String } == [WebFixture.lxp])
            }
            let expected = try AppContext(currentDirectory: WebFixture.packageRoot).numberedLines("\(WebFixture.packageRoot)/motions/\(WebFixture.lxp).md", width: nil)
            try await client.execute(uri: "/api/motions/\(WebFixture.lxp)?rev=1", method: .get, headers: auth) { response in
                let motion = try Self.json(response)
                #expect(motion["reference"] as? String == "\(WebFixture.lxp)@1")
                let lines = motion["lines"] as! [[String: Any]]
                let first = expected.split(separator: "\n")[0].split(separator: " ", maxSplits: 1)
                #expect(lines[0]["number"] as? Int == Int(first[0]) && lines[0]["text"] as? String == first[1].trimmingCharacters(in: .whitespaces))
                #expect(lines.count == expected.split(separator: "\n").count, "the same numbers as motion show --lines")
                #expect(lines.contains { ($0["findings"] as? [String])?.isEmpty == false }, "glossary findings")
            }
            try await client.execute(uri: "/api/motions/\(WebFixture.lxp)/revisions", method: .get, headers: auth) { response in
                let revisions = try Self.json(response)["revisions"] as! [[String: Any]]
                #expect(revisions.first?["author"] as? String == "Sam" && revisions.first?["message"] as? String == "First draft")
            }
            try await client.execute(uri: "/api/motions/\(WebFixture.lxp)/diff?from=1&to=1", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                _ = try Self.json(response)
            }
            for (uri, status, words) in [("/api/motions/nothing-here", HTTPResponse.Status.notFound, "no motion 'nothing-here'"),
                                         ("/api/motions/Bad_ID", .badRequest, "not a motion id"),
                                         ("/api/motions/\(WebFixture.lxp)?rev=0", .badRequest, "rev must be"),
                                         ("/api/motions/\(WebFixture.lxp)/diff?from=1", .badRequest, "?from=1&to=2"),
                                         ("/api/motions/\(WebFixture.lxp)/export?format=pdf", .badRequest, "unknown format")] {
                try await client.execute(uri: uri, method: .get, headers: auth) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try Self.json(response)
                    #expect(problem["status"] as? Int == Int(status.code) && (problem["detail"] as? String)?.contains(words) == true, "\(uri): \(problem)")
                }
            }
        }
    }

    @Test func submitsAmendmentsByWordingOrTextAndOnlyTheOfficeSetsStatuses() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let secretary: HTTPFields = [.authorization: "Bearer \(try await Self.token(client, "sec1"))", .contentType: "application/json"]
            let uri = "/api/motions/\(WebFixture.lxp)/amendments"
            try await client.execute(uri: uri, method: .post, headers: secretary, body: ByteBuffer(string: #"{"wording": "In point 3, after 'Band 7' insert 'or above'."}"#)) { response in
                #expect(response.status == .created)
                let created = try Self.json(response)
                #expect(created["id"] as? String == "\(WebFixture.lxp)-a1" && created["status"] as? String == "submitted")
            }
            let body = try AppContext(currentDirectory: fixture.root).editableBody(WebFixture.lxp).body.replacingOccurrences(of: "peer workers", with: "peer support workers")
            let text = String(data: try JSONSerialization.data(withJSONObject: ["text": body]), encoding: .utf8)!
            try await client.execute(uri: uri, method: .post, headers: secretary, body: ByteBuffer(string: text)) { response in
                #expect(response.status == .created)
                let created = try Self.json(response)
                #expect((created["wording"] as? String)?.contains("insert 'support'") == true)
            }
            try await client.execute(uri: uri, method: .post, headers: secretary, body: ByteBuffer(string: #"{"wording": "In point 42, delete 'x'."}"#)) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try Self.json(response)
                #expect((problem["errors"] as? [[String: Any]])?.first?["line"] as? Int == 1, "\(problem)")
            }
            for bad in ["not json", #"{"wording": "a", "text": "b"}"#, "{}"] {
                try await client.execute(uri: uri, method: .post, headers: secretary, body: ByteBuffer(string: bad)) { #expect($0.status == .badRequest, "\(bad)") }
            }
            let status = "/api/motions/\(WebFixture.lxp)-a1/status"
            try await client.execute(uri: status, method: .post, headers: secretary, body: ByteBuffer(string: #"{"status": "carried"}"#)) { #expect($0.status == .forbidden) }
            let office: HTTPFields = [.authorization: "Bearer \(try await Self.token(client, "office1"))", .contentType: "application/json"]
            try await client.execute(uri: status, method: .post, headers: office, body: ByteBuffer(string: #"{"status": "carried"}"#)) { response in
                #expect(response.status == .ok)
                let set = try Self.json(response)
                #expect(set["status"] as? String == "carried")
            }
            try await client.execute(uri: "/api/motions/\(WebFixture.lxp)-a1/export?format=docx", method: .get, headers: office) { response in
                #expect(response.status == .ok && Array(response.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "a ZIP package")
            }
            // A cookie is not a credential for the API, and a token ends with its session.
            try await client.execute(uri: "/api/session", method: .delete, headers: office) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/motions", method: .get, headers: office) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        try await WebFixture().test { client in
            try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try Self.json(response)
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: [String: Any]])
                for (path, methods) in ["/api/session": ["post", "delete"], "/api/motions": ["get"], "/api/motions/{id}": ["get"],
                                        "/api/motions/{id}/revisions": ["get"], "/api/motions/{id}/diff": ["get"],
                                        "/api/motions/{id}/amendments": ["post"], "/api/motions/{id}/status": ["post"],
                                        "/api/motions/{id}/export": ["get"]] {
                    #expect(Set(paths[path]?.keys.map { $0 } ?? []) == Set(methods), "\(path)")
                }
            }
            try await client.execute(uri: "/api/session", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: #"{"name": "del1", "password": "wrong-one"}"#)) { response in
                #expect(response.status == .unauthorized && response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}
