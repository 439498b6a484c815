import MotionKit
import Mustache

/// The pages, rendered from the Mustache templates in templates/web/ (a workspace's own copies
/// first, as for papers), read once when the server starts. `{{value}}` escapes HTML, so motion
/// text is never markup on a page; the one raw value, `{{{html}}}`, is a tracked-changes view
/// whose every word MotionKit escaped.
struct Pages: Sendable {
    private let library: MustacheLibrary
    /// templates/web/motion.css.
    let stylesheet: String
    /// templates/web/live.js: keeps an open motion page current.
    let liveScript: String
    /// The JSON API, described (the tool's own templates/web/openapi.json).
    let openAPI: String

    static let templateNames = ["header", "footer", "agenda", "motion", "error", "login", "history", "compare", "amend", "merge", "composite"]

    init(resources: ResourceLibrary) throws {
        var library = MustacheLibrary()
        for name in Self.templateNames {
            guard let (text, origin) = try resources.text("templates/web/\(name).mustache") else {
                throw ResourceError(path: "templates/web/\(name).mustache", message: "missing; restore it from the tool's own copy (motion init does)")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw ResourceError(path: origin.description, message: "is not a valid Mustache template: \(error)")
            }
        }
        self.library = library
        stylesheet = try resources.text("templates/web/motion.css")?.text ?? ""
        liveScript = try resources.text("templates/web/live.js")?.text ?? ""
        // The API is this version's, whatever the workspace's pages look like.
        openAPI = ResourceLibrary.builtinText("templates/web/openapi.json") ?? "{}"
    }

    /// Renders `template` with `values` and what every page shows: who is logged in (with the
    /// form token of the logout form) and a notice.
    func render(_ template: String, _ values: [String: Any?], session: Session?, notice: String? = nil) -> String {
        var all = values
        if let session {
            all["user"] = Self.values(["name": session.account.name, "role": session.account.role.rawValue,
                                       "branch": session.account.branch, "csrf": session.csrfToken])
            all["csrf"] = session.csrfToken
        }
        all["notice"] = notice
        return library.render(Self.values(all), withTemplate: template) ?? ""
    }

    /// A value a page lacks is left out, so that `{{#submittedBy}}` is false (an Optional in
    /// an Any would be rendered as "nil").
    static func values(_ pairs: [String: Any?]) -> [String: Any] { pairs.compactMapValues { $0 } }

    static func statusOptions(selected: String?) -> [[String: Any]] {
        MotionStatus.allCases.map { ["value": $0.rawValue, "words": $0.words, "selected": $0.rawValue == selected] }
    }

    func agenda(_ items: [AgendaItem], status: String?, search: String?, session: Session?) -> String {
        let motions: [[String: Any]] = items.map { item in
            Self.values(["id": item.id, "title": item.title, "status": item.status, "words": item.words, "submittedBy": item.submittedBy,
                         "hasAmendments": !item.amendments.isEmpty, "amendments": item.amendments.map { amendment -> [String: Any] in
                             Self.values(["id": amendment.id, "name": amendment.name, "status": amendment.status, "words": amendment.words,
                                          "submittedBy": amendment.submittedBy])
                         }])
        }
        return render("agenda", ["pageTitle": "Agenda", "motions": motions, "hasMotions": !motions.isEmpty,
                                 "isOffice": session?.account.role.runsTheConference == true && motions.count >= 2,
                                 "statuses": Self.statusOptions(selected: status),
                                 "status": status.flatMap { MotionStatus(rawValue: $0)?.words }, "search": search], session: session)
    }

    func error(heading: String, message: String, session: Session?) -> String {
        render("error", ["pageTitle": heading, "heading": heading, "message": message], session: session)
    }

    func login(next: String, name: String?, message: String?, loginToken: String) -> String {
        render("login", ["pageTitle": "Log in", "next": next, "name": name, "message": message, "loginToken": loginToken], session: nil)
    }
}
