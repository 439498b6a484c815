import Foundation
import Hummingbird
import MotionKit

/// The agenda, a motion (with its amendments, one or all as tracked changes), its history and
/// two revisions compared.
extension WebServer {
    func addReadingRoutes(to router: Router<WebContext>) {
        let pages = self.pages, context = self.context
        router.get("/") { request, web -> Response in
            let status = request.query("status").flatMap { $0.isEmpty ? nil : $0 }
            let search = request.query("q").flatMap { $0.isEmpty ? nil : $0 }
            return await readingPage(web, uri: request.uri.description) {
                let items = try cached("agenda|\(status ?? "")|\(search ?? "")") { try context.agenda(status: status, search: search) }
                return HTMLPage(pages.agenda(items, status: status, search: search, session: web.session))
            }
        }
        router.get("/motions/:id") { request, web -> Response in
            let id = try web.parameters.require("id")
            let rev = request.query("rev").flatMap { Int($0) }
            let show = request.query("show").flatMap { $0.isEmpty ? nil : $0 }
            // Only a logged-in writer has a notice, and their pages are never kept for others.
            let notice = web.session == nil ? nil : Notice.read(request)
            var response = await readingPage(web, uri: request.uri.description) {
                let reference = try Self.reference(id, rev)
                let reading = try cached("reading|\(reference)") { try context.reading(reference) }
                let tracked = try show.map { show in
                    try cached("tracked|\(reference)|\(show)") { try context.trackedAmendments(reference, only: show == "all" ? nil : show) }
                }
                return HTMLPage(pages.motion(reading, rev: rev, tracked: tracked, showing: show, session: web.session, notice: notice))
            }
            if notice != nil { response.setCookie(Notice.cleared) }
            return response
        }
        router.get("/motions/:id/history") { request, web -> Response in
            let id = try web.parameters.require("id")
            return await readingPage(web, uri: request.uri.description) {
                let reference = try Self.reference(id, nil)
                let title = try cached("reading|\(reference)") { try context.reading(reference) }.title
                let revisions = try cached("log|\(id)") { try context.log(id).revisions }
                return HTMLPage(pages.history(id: id, title: title, revisions: revisions, session: web.session))
            }
        }
        router.get("/motions/:id/compare") { request, web -> Response in
            let id = try web.parameters.require("id")
            let query = request.queryFields
            return await readingPage(web, uri: request.uri.description) {
                guard MotionID.isValid(id) else { throw ApplicationError(.usage, "'\(id)' is not a motion id") }
                guard let from = query["from"].flatMap({ Int($0) }), let to = query["to"].flatMap({ Int($0) }) else {
                    throw ApplicationError(.usage, "name the two revisions to compare: ?from=1&to=2")
                }
                let sideBySide = query["view"] == "side"
                let comparison = try cached("compare|\(id)|\(from)|\(to)") { try context.comparison(id, from: from, to: to) }
                return HTMLPage(pages.compare(id: id, from: from, to: to, comparison: comparison, sideBySide: sideBySide, session: web.session))
            }
        }
        // Browsers ask for it unbidden; there is none, and the answer must not be a login page.
        router.get("/favicon.ico") { _, _ -> Response in Response(status: .noContent) }
        router.get("/static/motion.css") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: pages.stylesheet)))
        }
    }

    /// `ID` or `ID@N` from a path and `?rev=`, the id checked.
    static func reference(_ id: String, _ rev: Int?) throws -> String {
        guard MotionID.isValid(id) else { throw ApplicationError(.usage, "'\(id)' is not a motion id") }
        return rev.map { "\(id)@\($0)" } ?? id
    }
}

extension Pages {
    func motion(_ reading: MotionReading, rev: Int?, tracked: TrackedView?, showing: String?, session: Session?, notice: String?) -> String {
        let account = session?.account
        let amendments: [[String: Any]] = reading.amendments.map { amendment in
            let canConfirm = amendment.status == MotionStatus.draft.words && account?.mayConfirm(draftFrom: amendment.submittedBy) == true
            return Self.values(["id": amendment.id, "name": amendment.name, "reference": amendment.reference, "status": amendment.status,
                                "submittedBy": amendment.submittedBy, "wording": amendment.wording, "canConfirm": canConfirm])
        }
        let trackedValues = tracked.map { view -> [String: Any] in
            let heading = showing == "all" ? "All amendments as tracked changes" : "\(view.shown.first ?? "The amendment") as tracked changes"
            return ["heading": heading, "html": view.html, "problems": view.problems.map { ["name": $0.name, "message": $0.message] }]
        }
        let lines = reading.lines.map { line -> [String: Any] in
            ["number": line.number, "isHeading": line.isHeading,
             "runs": line.runs.map { Self.values(["text": $0.text, "finding": $0.finding]) }]
        }
        return render("motion", [
            "pageTitle": reading.title, "title": reading.title, "id": reading.id, "motionID": reading.id, "rev": rev,
            // The latest revision's page keeps itself current (templates/web/live.js).
            "events": rev == nil ? "/motions/\(reading.id)/events" : nil,
            "details": reading.details.map { ["label": $0.label, "value": $0.value] },
            "lines": lines, "hasFindings": reading.lines.contains { $0.runs.contains { $0.finding != nil } },
            "hasAmendments": !amendments.isEmpty, "amendments": amendments, "tracked": trackedValues,
            "canDraft": account != nil && reading.amendedMotion == nil, "isOffice": account?.role == .office,
            "amendedMotion": reading.amendedMotion,
            "statuses": Self.statusOptions(selected: reading.status.rawValue),
            "agreements": reading.agreements.map { standing -> [String: Any] in
                ["sources": standing.sources.map { source -> [String: Any] in
                    let state = switch (source.agreement, source.isCurrent) {
                    case (let agreement?, true): "agreed by \(agreement.by) (\(agreement.on.prefix(10)))"
                    case (let agreement?, false): "agreed by \(agreement.by) to an earlier text: ask again"
                    case (nil, _): "not yet agreed"
                    }
                    return ["id": source.id, "reference": source.reference, "state": state, "mayRecord": account?.role == .office && !source.isCurrent]
                }, "allAgreed": standing.allAgreed]
            },
        ], session: session, notice: notice)
    }

    func history(id: String, title: String, revisions: [Revision], session: Session?) -> String {
        let rows: [[String: Any]] = revisions.map { revision in
            ["number": revision.number, "author": revision.author, "time": revision.time, "message": revision.message,
             "status": revision.status.words, "tags": revision.tags]
        }
        let newest = revisions.first?.number ?? 1
        return render("history", [
            "pageTitle": "History of \(title)", "id": id, "title": title, "revisions": rows,
            "from": revisions.reversed().map { ["number": $0.number, "selected": $0.number == max(1, newest - 1)] as [String: Any] },
            "to": revisions.map { ["number": $0.number, "selected": $0.number == newest] as [String: Any] },
        ], session: session)
    }

    func compare(id: String, from: Int, to: Int, comparison: (inline: String, sideBySide: String, labels: (String, String)),
                 sideBySide: Bool, session: Session?) -> String {
        render("compare", [
            "pageTitle": "Changes from \(comparison.labels.0) to \(comparison.labels.1)", "id": id, "from": from, "to": to,
            "fromLabel": comparison.labels.0, "toLabel": comparison.labels.1,
            "inline": sideBySide ? nil : comparison.inline, "side": sideBySide ? comparison.sideBySide : nil,
            "otherView": sideBySide ? "inline" : "side", "otherViewName": sideBySide ? "Inline" : "Side by side",
        ], session: session)
    }
}
