import Foundation
import HTTPTypes
import Hummingbird

/// An API error as RFC 9457 problem details, with the command line's message as `detail`.
enum APIProblem {
    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        /// Wording problems, each at its line.
        var errors: [LineError]?
    }

    struct LineError: Encodable {
        var line: Int?
        var message: String
    }

    static func response(_ status: HTTPResponse.Status, _ detail: String, errors: [LineError]? = nil) -> Response {
        let body = Body(title: status.reasonPhrase, status: status.code, detail: detail, errors: errors)
        let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func response(for error: any Error) -> Response {
        let (status, message) = WebFailure.classify(error)
        return response(status, message)
    }
}

/// JSON in and out of the API.
enum APIJSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// The request's JSON body as `T`; a body that is not, is a 400 saying what was expected.
    static func read<T: Decodable>(_ type: T.Type, from request: Request, context: WebContext, expecting: String) async throws -> T {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: body))
        } catch {
            throw WebFailure(.badRequest, "the body must be JSON like \(expecting)")
        }
    }
}
