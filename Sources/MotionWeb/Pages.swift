import MotionKit
import Mustache

/// The pages, rendered from the Mustache templates in templates/web/ (a workspace's own copies
/// first, as for papers), read once when the server starts. `{{value}}` escapes HTML, so motion
/// text is never markup on a page.
struct Pages: Sendable {
    private let library: MustacheLibrary
    /// templates/web/motion.css.
    let stylesheet: String

    static let templateNames = ["header", "footer", "agenda", "motion", "error"]

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
    }

    func render(_ template: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: template) ?? ""
    }

    func agenda(_ items: [AgendaItem], status: String?, search: String? = nil) -> String {
        let motions: [[String: Any]] = items.map { item in
            values(["id": item.id, "title": item.title, "status": item.status, "words": item.words, "submittedBy": item.submittedBy,
                    "hasAmendments": !item.amendments.isEmpty, "amendments": item.amendments.map { amendment -> [String: Any] in
                        values(["name": amendment.name, "status": amendment.status, "words": amendment.words,
                                "submittedBy": amendment.submittedBy])
                    }])
        }
        let statuses: [[String: Any]] = MotionStatus.allCases.map { value in
            ["value": value.rawValue, "words": value.words, "selected": value.rawValue == status]
        }
        return render("agenda", values(["pageTitle": "Agenda", "motions": motions, "hasMotions": !motions.isEmpty, "statuses": statuses,
                                        "status": status.flatMap { MotionStatus(rawValue: $0)?.words }, "search": search]))
    }

    func motion(_ reading: MotionReading) -> String {
        render("motion", [
            "pageTitle": reading.title, "title": reading.title,
            "details": reading.details.map { ["label": $0.label, "value": $0.value] },
            "lines": reading.lines.map { ["number": $0.number, "text": $0.text, "isHeading": $0.isHeading] as [String: Any] },
            "hasAmendments": !reading.amendments.isEmpty,
            "amendments": reading.amendments.map { amendment -> [String: Any] in
                values(["name": amendment.name, "reference": amendment.reference, "status": amendment.status,
                        "submittedBy": amendment.submittedBy, "wording": amendment.wording])
            },
        ])
    }

    func error(heading: String, message: String) -> String {
        render("error", ["pageTitle": heading, "heading": heading, "message": message])
    }

    /// A value a page lacks is left out, so that `{{#submittedBy}}` is false (an Optional in
    /// an Any would be rendered as "nil").
    private func values(_ pairs: [String: Any?]) -> [String: Any] { pairs.compactMapValues { $0 } }
}
