import Foundation
import Hummingbird
import MotionKit

/// The JSON API under /api, for scripts and other tools: the same use cases as the pages and
/// the command line, the same messages in RFC 9457 problems. Described at /api/openapi.json.
extension WebServer {
    struct Credentials: Decodable { var name: String; var password: String }
    struct SessionStarted: Encodable { var token: String; var name: String; var role: String; var branch: String? }
    struct NewAmendment: Decodable { var wording: String?; var text: String? }
    struct AmendmentCreated: Encodable { var id: String; var reference: String; var wording: String; var status: String }
    struct NewStatus: Decodable { var status: String }
    struct StatusSet: Encodable { var reference: String; var status: String; var changed: Bool }

    struct MotionSummary: Encodable {
        struct Amendment: Encodable { var id: String; var name: String; var status: String; var submittedBy: String?; var words: Int }
        var id: String; var title: String; var status: String; var words: Int; var submittedBy: String?; var amendments: [Amendment]
    }

    struct MotionText: Encodable {
        struct Line: Encodable { var number: Int; var text: String; var heading: Bool; var findings: [String] }
        struct Detail: Encodable { var label: String; var value: String }
        struct Amendment: Encodable { var id: String; var reference: String; var name: String; var status: String; var submittedBy: String?; var wording: [String] }
        var id: String; var reference: String; var title: String; var details: [Detail]; var lines: [Line]; var amendments: [Amendment]
    }

    struct RevisionSummary: Encodable {
        var number: Int; var reference: String; var author: String; var time: String; var message: String; var status: String; var tags: [String]
    }

    func addAPIRoutes(to router: Router<WebContext>) {
        let context = self.context, pages = self.pages
        let api = router.group("api")
        api.get("openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: pages.openAPI)))
        }
        api.post("session") { request, web -> Response in
            await Self.answer {
                let credentials = try await APIJSON.read(Credentials.self, from: request, context: web, expecting: #"{"name": "...", "password": "..."}"#)
                switch await logIn(name: credentials.name, password: credentials.password) {
                case .success(let (token, session)):
                    let account = session.account
                    return try APIJSON.response(SessionStarted(token: token, name: account.name, role: account.role.rawValue, branch: account.branch), status: .created)
                case .failure(let failure):
                    throw failure
                }
            }
        }
        api.delete("session") { _, web -> Response in
            await Self.answer {
                guard let token = web.sessionToken else { throw WebFailure(.unauthorized, "no session: send 'Authorization: Bearer TOKEN'") }
                let accounts = self.accounts
                try await Self.offLoop { try accounts.endSession(token: token) }
                return Response(status: .noContent)
            }
        }
        api.get("motions") { request, _ -> Response in
            await Self.answer {
                let status = request.query("status").flatMap { $0.isEmpty ? nil : $0 }
                let items = try await Self.offLoop { try context.agenda(status: status) }
                return try APIJSON.response(["motions": items.map { item in
                    MotionSummary(id: item.id, title: item.title, status: item.status, words: item.words, submittedBy: item.submittedBy,
                                  amendments: item.amendments.map { .init(id: $0.id, name: $0.name, status: $0.status, submittedBy: $0.submittedBy, words: $0.words) })
                }])
            }
        }
        api.get("motions/:id") { request, web -> Response in
            await Self.answer {
                let reference = try Self.reference(try web.parameters.require("id"), try Self.revision(request))
                let reading = try await Self.offLoop { try context.reading(reference) }
                return try APIJSON.response(MotionText(
                    id: reading.id, reference: reading.reference, title: reading.title,
                    details: reading.details.map { .init(label: $0.label, value: $0.value) },
                    lines: reading.lines.map { .init(number: $0.number, text: $0.text, heading: $0.isHeading, findings: $0.runs.compactMap(\.finding)) },
                    amendments: reading.amendments.map { .init(id: $0.id, reference: $0.reference, name: $0.name, status: $0.status, submittedBy: $0.submittedBy, wording: $0.wording) }))
            }
        }
        api.get("motions/:id/revisions") { _, web -> Response in
            await Self.answer {
                let id = try web.parameters.require("id")
                _ = try Self.reference(id, nil)
                let log = try await Self.offLoop { try context.log(id) }
                return try APIJSON.response(["revisions": log.revisions.map {
                    RevisionSummary(number: $0.number, reference: $0.reference, author: $0.author, time: $0.time, message: $0.message,
                                    status: $0.status.rawValue, tags: $0.tags)
                }])
            }
        }
        api.get("motions/:id/diff") { request, web -> Response in
            await Self.answer {
                let id = try web.parameters.require("id")
                let query = request.queryFields
                guard let from = query["from"].flatMap({ Int($0) }), let to = query["to"].flatMap({ Int($0) }) else {
                    throw ApplicationError(.usage, "name the two revisions to compare: ?from=1&to=2")
                }
                let old = try Self.reference(id, from), new = try Self.reference(id, to)
                let json = try await Self.offLoop { () throws -> String in
                    let result = try CompareVersions(old: old, new: new).run(in: context)
                    return try JSONDiffRenderer.render(result.diff, baseLabel: result.baseLabel, targetLabel: result.targetLabel)
                }
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
            }
        }
        api.post("motions/:id/amendments") { request, web -> Response in
            await Self.answer {
                let session = try Self.require(web.session, "log in first: POST /api/session")
                let reference = try Self.reference(try web.parameters.require("id"), nil)
                let body = try await APIJSON.read(NewAmendment.self, from: request, context: web, expecting: #"{"wording": "In point 3, ..."} or {"text": "the edited motion"}"#)
                guard (body.wording == nil) != (body.text == nil) else { throw WebFailure(.badRequest, "send either 'wording' or 'text' (the edited motion's body), not both or neither") }
                return try await Self.offLoop { () throws -> Response in
                    let draft = try body.text.map { try context.draftAmendment(to: reference, editedBody: $0) }
                        ?? context.draftAmendment(to: reference, wording: body.wording ?? "")
                    guard draft.isReady else {
                        return APIProblem.response(.unprocessableContent, "the amendment cannot be submitted: " + draft.problems.map(\.message).joined(separator: "; "),
                                                   errors: draft.problems.map { .init(line: $0.line, message: $0.message) })
                    }
                    let revision = try Self.submit(draft, by: session.account, in: context)
                    return try APIJSON.response(AmendmentCreated(id: revision.motionID, reference: revision.reference, wording: draft.wording,
                                                                 status: revision.status.rawValue), status: .created)
                }
            }
        }
        api.post("motions/:id/status") { request, web -> Response in
            await Self.answer {
                let account = try Self.office(web.session)
                let id = try web.parameters.require("id")
                _ = try Self.reference(id, nil)
                let body = try await APIJSON.read(NewStatus.self, from: request, context: web, expecting: #"{"status": "carried"}"#)
                let change = try await Self.offLoop { try context.setStatus(id, to: body.status, author: account.name, message: "") }
                let latest = try await Self.offLoop { try context.log(id).revisions.first! }
                return try APIJSON.response(StatusSet(reference: latest.reference, status: latest.status.rawValue, changed: change.revision != nil))
            }
        }
        api.get("motions/:id/export") { request, web -> Response in
            await Self.answer {
                let reference = try Self.reference(try web.parameters.require("id"), try Self.revision(request))
                let format = try Self.format(request.query("format"))
                let result = try await Self.offLoop { try ExportMotions(references: [reference], format: format).run(in: context) }
                return Self.download(result.bytes, name: result.defaultFileName, format: format)
            }
        }
    }

    /// `?rev=N`: a whole number from 1, or nil when absent.
    static func revision(_ request: Request) throws -> Int? {
        guard let text = request.query("rev"), !text.isEmpty else { return nil }
        guard let number = Int(text), number >= 1 else { throw ApplicationError(.usage, "rev must be a revision number (1, 2, ...), not '\(text)'") }
        return number
    }

    /// Runs an API handler; any error becomes a problem response, never a 500 for bad input.
    static func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return APIProblem.response(for: error)
        }
    }
}
