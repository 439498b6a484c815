import Foundation
import Hummingbird
import MotionKit

/// The conference office's work: statuses, and carried amendments merged into the motion as
/// amended. Conflicts are shown with both wordings; the office chooses which amendment falls.
extension WebServer {
    func addOfficeRoutes(to router: Router<WebContext>) {
        let pages = self.pages, context = self.context
        router.post("/motions/:id/status") { request, web -> Response in
            let id = try web.parameters.require("id")
            let form = try await Form.read(request, web, checkingTokenOf: web.session)
            return await page(web.session) {
                let account = try Self.office(web.session)
                let change = try context.setStatus(id, to: try form.require("status"), author: account.name, message: "")
                let words = change.revision.map { "Status set to \($0.status.words) (\($0.reference))." } ?? "The status was already that."
                return redirect("/motions/\(id)", notice: words)
            }
        }
        router.post("/motions/:id/agree") { request, web -> Response in
            let id = try web.parameters.require("id")
            let form = try await Form.read(request, web, checkingTokenOf: web.session)
            return await page(web.session) {
                let account = try Self.office(web.session)
                let source = try form.require("for")
                let by = form["by"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                let change = try context.agreeToComposite(id, for: source, by: by, author: account.name)
                let words = change.revision.map { "The agreement for \(source) is recorded (\($0.reference))." } ?? "That agreement was recorded already."
                return redirect("/motions/\(id)", notice: words)
            }
        }
        // A composite drafted from the motions ticked on the agenda, shown to edit, then stored.
        router.post("/composites/draft") { request, web -> Response in
            let form = try await Form.read(request, web, checkingTokenOf: web.session)
            return await page(web.session) {
                let session = try Self.require(web.session, "log in as the conference office")
                _ = try Self.office(session)
                let motions = form.all("motion")
                guard motions.count >= 2 else { throw WebFailure(.badRequest, "tick at least two motions on the agenda to composite") }
                let title = form["title"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                let (motion, report) = try context.composeComposite(of: motions, id: try form.require("id"), title: title)
                return HTMLPage(pages.composite(text: MarkdownWriter.write(motion), report: report.text, session: session)).response
            }
        }
        router.post("/composites") { request, web -> Response in
            let form = try await Form.read(request, web, checkingTokenOf: web.session)
            return await page(web.session) {
                let account = try Self.office(web.session)
                let (revision, notes) = try context.saveComposite(text: try form.require("text"), author: account.name)
                return redirect("/motions/\(revision.motionID)", notice: (["Saved \(revision.reference)."] + notes).joined(separator: " "))
            }
        }
        router.get("/motions/:id/merge") { _, web -> Response in
            let id = try web.parameters.require("id")
            return await page(web.session) {
                let session = try Self.require(web.session, "log in as the conference office")
                _ = try Self.office(session)
                return HTMLPage(try pages.merge(id: id, chosen: nil, outcome: nil, in: context, session: session)).response
            }
        }
        router.post("/motions/:id/merge") { request, web -> Response in
            let id = try web.parameters.require("id")
            let form = try await Form.read(request, web, checkingTokenOf: web.session)
            return await page(web.session) {
                let account = try Self.office(web.session)
                let chosen = form.all("amendment")
                guard !chosen.isEmpty else { throw WebFailure(.badRequest, "tick at least one amendment to merge") }
                let save = form["action"] == "save"
                let outcome = Result { try MergeAmendments(base: try Self.reference(id, nil), amendments: chosen, save: save, author: account.name).run(in: context) }
                if save, case .success(let merged) = outcome, let saved = merged.saved {
                    return redirect("/motions/\(id)", notice: "Saved as amended: \(saved.revision.reference).")
                }
                let conflicted: Bool = if case .failure(let error) = outcome, error is MergeAmendments.Conflict { true } else { false }
                if case .failure(let error) = outcome, !conflicted { throw error }
                return HTMLPage(try pages.merge(id: id, chosen: chosen, outcome: outcome, in: context, session: web.session!),
                                status: conflicted ? .conflict : .ok).response
            }
        }
    }

    /// The account, when it is the conference office's.
    static func office(_ session: Session?) throws -> Account {
        let session = try require(session, "log in as the conference office")
        guard session.account.role.runsTheConference else {
            throw WebFailure.forbidden("only the conference office sets statuses, merges amendments and records movers' agreements; you are logged in as a \(session.account.role.rawValue)")
        }
        return session.account
    }
}

extension Pages {
    /// A drafted composite to edit before it is stored, with the drafting report.
    func composite(text: String, report: String, session: Session) -> String {
        render("composite", ["pageTitle": "Draft a composite", "text": text, "report": report], session: session)
    }

    func merge(id: String, chosen: [String]?, outcome: Result<MergeAmendments.Result, any Error>?, in context: AppContext,
               session: Session) throws -> String {
        let reading = try context.reading(try WebServer.reference(id, nil))
        let carried = reading.amendments.filter { $0.status == MotionStatus.carried.words }
        var conflicts: [[String: Any]] = []
        var tracked: String?
        switch outcome {
        case .failure(let conflict as MergeAmendments.Conflict):
            conflicts = conflict.fallen.map { ["name": $0.label, "message": $0.message] }
        case .success(let merged):
            tracked = try context.trackedChanges(of: reading.reference, to: merged.motion)
        default: break
        }
        return render("merge", [
            "pageTitle": "Merge amendments into \(reading.title)", "id": id, "title": reading.title, "reference": reading.reference,
            "hasConflicts": !conflicts.isEmpty, "conflicts": conflicts, "hasCarried": !carried.isEmpty,
            "carried": carried.map { amendment in
                Self.values(["id": amendment.id, "name": amendment.name, "submittedBy": amendment.submittedBy, "wording": amendment.wording,
                             "checked": chosen.map { $0.contains(amendment.id) } ?? true])
            },
            "tracked": tracked,
        ], session: session)
    }
}
