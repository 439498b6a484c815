import Foundation
import Hummingbird
import MotionKit

/// Drafting an amendment in the browser: edit the text or write the wording, preview the
/// wording and the tracked changes, submit. A delegate's amendment waits as a draft for a
/// secretary of their branch to confirm it.
extension WebServer {
    func addDraftingRoutes(to router: Router<WebContext>) {
        let pages = self.pages, context = self.context
        router.get("/motions/:id/amend") { _, web -> Response in
            let id = try web.parameters.require("id")
            return await page(web.session) {
                let session = try Self.require(web.session, "log in to draft an amendment")
                let (revision, body) = try context.editableBody(try Self.reference(id, nil))
                return HTMLPage(pages.amend(revision: revision, text: body, pasted: nil, draft: nil, session: session)).response
            }
        }
        router.post("/motions/:id/amend") { request, web -> Response in
            let id = try web.parameters.require("id")
            let form = try await Form.read(request, web, checkingTokenOf: web.session)
            return await page(web.session) {
                let session = try Self.require(web.session, "log in to draft an amendment")
                let reference = try Self.reference(id, form["rev"].flatMap { Int($0) })
                let editing = form["mode"] != "wording"
                let draft = editing ? try context.draftAmendment(to: reference, editedBody: form["text"] ?? "")
                                    : try context.draftAmendment(to: reference, wording: form["wording"] ?? "")
                if form["action"] == "submit", draft.isReady {
                    let revision = try Self.submit(draft, by: session.account, in: context)
                    let waiting = session.account.role.submits ? "submitted" : "saved as a draft: a secretary of \(session.account.submitsAs) confirms it"
                    return redirect("/motions/\(revision.motionID)", notice: "Amendment \(revision.motionID) \(waiting).")
                }
                let text = editing ? form["text"] ?? "" : try context.editableBody(reference).body
                let status: HTTPResponse.Status = form["action"] == "submit" ? .unprocessableContent : .ok
                return HTMLPage(pages.amend(revision: draft.base, text: text, pasted: editing ? nil : form["wording"], draft: draft, session: session),
                                status: status).response
            }
        }
        router.post("/motions/:id/confirm") { request, web -> Response in
            let id = try web.parameters.require("id")
            _ = try await Form.read(request, web, checkingTokenOf: web.session)
            return await page(web.session) {
                let session = try Self.require(web.session, "log in to confirm an amendment")
                let reading = try context.reading(try Self.reference(id, nil))
                let submittedBy = reading.submittedBy
                let account = session.account
                guard reading.status == .draft else { throw ApplicationError(.conflict, "\(id) is \(reading.status.words), not a draft awaiting confirmation") }
                guard account.mayConfirm(draftFrom: submittedBy) else {
                    throw WebFailure.forbidden("only a secretary of \(submittedBy ?? "the amendment's branch") or the conference office confirms this amendment")
                }
                _ = try context.setStatus(id, to: MotionStatus.submitted.rawValue, author: account.name, message: "Confirmed by \(account.name)")
                return redirect("/motions/\(id)", notice: "Amendment \(id) confirmed and submitted.")
            }
        }
    }

    /// Stores a ready draft for `account`: submitted for a secretary or the office, a draft
    /// awaiting confirmation for a delegate.
    static func submit(_ draft: AmendmentDraft, by account: Account, in context: AppContext) throws -> Revision {
        try context.submitAmendment(to: draft.base.reference, wording: draft.wording, submittedBy: account.submitsAs,
                                    status: account.role.submits ? .submitted : .draft, author: account.name)
    }

    static func require(_ session: Session?, _ why: String) throws -> Session {
        guard let session else { throw WebFailure(.unauthorized, why) }
        return session
    }
}

extension Pages {
    func amend(revision: Revision, text: String, pasted: String?, draft: AmendmentDraft?, session: Session) -> String {
        return render("amend", [
            "pageTitle": "Draft an amendment to \(revision.title)", "id": revision.motionID, "title": revision.title,
            "reference": revision.reference, "number": revision.number, "text": text, "pasted": pasted,
            "hasPreview": draft != nil, "hasProblems": !(draft?.problems.isEmpty ?? true),
            "problems": draft?.problems.map { Self.values(["line": $0.line, "message": $0.message]) },
            "hasWording": !(draft?.wording.isEmpty ?? true),
            "wording": draft?.wording.components(separatedBy: "\n\n").filter { !$0.isEmpty },
            "words": draft?.words, "wordLimit": draft?.wordLimit, "overLimit": draft?.isOverLimit ?? false, "tracked": draft?.trackedHTML,
            "submitNote": session.account.role.submits ? nil : "As a delegate, your amendment is saved as a draft until a secretary of \(session.account.submitsAs) confirms it.",
        ], session: session)
    }
}
