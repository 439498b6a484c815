import Foundation
import Hummingbird
import MotionKit

/// Downloads: a motion or revision as .docx or .md (an amendment as its motion with the
/// changes tracked), two revisions as tracked changes, and the branch paper of the agenda.
extension WebServer {
    func addDownloadRoutes(to router: Router<WebContext>) {
        let context = self.context
        router.get("/motions/:id/download") { request, web -> Response in
            let id = try web.parameters.require("id")
            let query = request.queryFields
            return await page(web.session) {
                let format = try Self.format(query["format"])
                let from = query["changes-from"].flatMap { $0.isEmpty ? nil : $0 }.map { "\(id)@\($0)" }
                let result = try ExportMotions(references: [try Self.reference(id, query["rev"].flatMap { Int($0) })], format: format,
                                               changesFrom: from).run(in: context)
                return Self.download(result.bytes, name: result.defaultFileName, format: format)
            }
        }
        router.get("/paper") { request, web -> Response in
            let query = request.queryFields
            return await page(web.session) {
                let format = try Self.format(query["format"])
                let ids = try context.agenda(status: query["status"].flatMap { $0.isEmpty ? nil : $0 }).map(\.id)
                guard !ids.isEmpty else { throw ApplicationError(.missingInput, "the agenda has no motions to put in a paper") }
                let bytes = try AssemblePaper(references: ids, title: query["title"] ?? "Branch meeting paper", format: format).run(in: context)
                return Self.download(bytes, name: "paper.\(format.fileExtension)", format: format)
            }
        }
    }

    static func format(_ name: String?) throws -> DocumentFormat {
        guard let format = DocumentFormat(rawValue: name ?? "docx") else {
            throw ApplicationError(.usage, "unknown format '\(name ?? "")'; use docx, md or xml")
        }
        return format
    }

    static func download(_ bytes: [UInt8], name: String, format: DocumentFormat) -> Response {
        let type = switch format {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xml: "application/xml"
        case .md: "text/markdown; charset=utf-8"
        }
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
