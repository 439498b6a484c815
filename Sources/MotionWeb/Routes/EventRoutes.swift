import Foundation
import HTTPTypes
import Hummingbird
import MotionKit
import NIOCore

/// `GET /motions/ID/events`: server-sent events that tell a motion's open page when the motion
/// or one of its amendments changes (a new amendment, a status), so the page fetches itself
/// again (templates/web/live.js) instead of being reloaded.
///
/// Each event's id is the store's version. A stream ends after ``streamSeconds`` (so a server
/// asked to stop is never held open by a page), and the browser reconnects with the last id it
/// saw: if the store moved on meanwhile, the page is told at once, so nothing is missed between
/// streams, nor when PostgreSQL's notifications were cut off and came back.
extension WebServer {
    static let streamSeconds = 10
    static let lastEventID = HTTPField.Name("Last-Event-ID")!

    func addEventRoutes(to router: Router<WebContext>) {
        let context = self.context, feed = self.feed, pages = self.pages
        router.get("/motions/:id/events") { request, web -> Response in
            let id = try web.parameters.require("id")
            guard MotionID.isValid(id) else { throw ApplicationError(.usage, "'\(id)' is not a motion id") }
            let start = try await Self.offLoop { try context.storeVersion() }
            let changes = try feed.subscribe(lasting: Self.streamSeconds)
            let missed = request.headers[Self.lastEventID].map { $0 != start } ?? false
            let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\nid: \(start)\n" + (missed ? "event: changed\ndata: \(id)\n" : "") + "\n"))
                for await change in changes {
                    let version = (try? await Self.offLoop { try context.storeVersion() }) ?? start
                    let event = change.concerns(id) ? "event: changed\ndata: \(id)\n" : ""
                    try await writer.write(ByteBuffer(string: "id: \(version)\n" + event + "\n"))
                }
                try await writer.finish(nil)
            })
        }
        router.get("/static/live.js") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: pages.liveScript)))
        }
    }
}
