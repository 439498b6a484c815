import Mustache

/// A branch-meeting paper: an agenda rendered from a Mustache template in templates/paper/
/// (branch, meeting date, numbered motions with status and word count, amendments under their
/// motion), then each motion in full with its amendments' wording.
public struct BranchPaper: Sendable {
    public struct Item: Sendable {
        public var motion: Motion
        public var amendments: [Motion]

        public init(motion: Motion, amendments: [Motion]) {
            self.motion = motion
            self.amendments = amendments
        }
    }

    public var title: String
    public var branch: String?
    public var date: String?
    var items: [Item]
    /// The agenda as the template renders it (Markdown: the template is the agenda's source,
    /// which a branch may edit), and the same read once into the model the Word writer writes;
    /// nil when it has no "# " title line, which only a Word document needs.
    public private(set) var agenda: String = ""
    private(set) var agendaMotion: Motion?

    /// Assembles a paper: the agenda rendered from `template` and read once.
    public init(title: String, branch: String?, date: String?, items: [Item], template: String) throws(TemplateError) {
        self.title = title
        self.branch = branch
        self.date = date
        self.items = items
        agenda = try renderAgenda(template: template)
        agendaMotion = try? MotionReader.read(agenda).motion
    }

    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// "1 amendment", "3 amendments".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// How a paper names an amendment: its title, or, when it has none of its own, after the
    /// motion it amends; never by its internal id alone.
    static func name(of amendment: Motion, to motion: Motion) -> String {
        ownTitle(of: amendment, to: motion) ?? "Amendment to \(motion.titleText)"
    }

    /// "Amendment 2: Title (Branch)", numbered under its motion; "Amendment 2 to Motion title
    /// (Branch)" for one without a title of its own.
    static func heading(of amendment: Motion, number: Int, to motion: Motion) -> String {
        (ownTitle(of: amendment, to: motion).map { "Amendment \(number): \($0)" } ?? "Amendment \(number) to \(motion.titleText)")
            + (amendment.metadata.submittedBy.map { " (\($0))" } ?? "")
    }

    /// The amendment's title, unless it is a placeholder or the name the reader gives an
    /// untitled amendment ("Amendment to ID@3").
    private static func ownTitle(of amendment: Motion, to motion: Motion) -> String? {
        let title = amendment.titleText.trimmingCharacters(in: .whitespaces)
        let generic = ["", "amendment", "title of the amendment", "title of the motion"]
            + [amendment.metadata.amends, motion.id].compactMap { $0 }.map { "amendment to \($0)".lowercased() }
        return generic.contains(title.lowercased()) ? nil : title
    }

    /// What the template sees. Text is already escaped for Markdown, so the template writes it
    /// as it is (`{{% CONTENT_TYPE: TEXT}}`).
    func context() -> [String: Any] {
        func text(_ value: String) -> String { InlineEscaper.escape(value, atLineStart: false) }
        // A value the paper lacks is left out, so that {{#branch}} is false: an Optional in an
        // Any would be rendered as "nil".
        func values(_ pairs: [String: Any?]) -> [String: Any] { pairs.compactMapValues { $0 } }
        let motions: [[String: Any]] = items.enumerated().map { index, item in
            let m = item.motion.metadata
            return values([
                "number": index + 1, "id": item.motion.id, "title": text(item.motion.titleText), "status": m.status.words,
                "words": item.motion.wordCounts.body, "submittedBy": m.submittedBy.map(text),
                "conference": m.conference.map(text),
                "compositeOf": m.kind == .composite && !m.composites.isEmpty ? text("composite of " + m.composites.joined(separator: ", ")) : nil,
                "amendmentCount": item.amendments.isEmpty ? false : item.amendments.count,
                "amendmentsLabel": item.amendments.isEmpty ? false : Self.count(item.amendments.count, "amendment"),
                "amendments": item.amendments.map { amendment -> [String: Any] in
                    values(["id": amendment.id, "title": text(Self.name(of: amendment, to: item.motion)), "status": amendment.metadata.status.words,
                            "words": amendment.wordCounts.body, "submittedBy": amendment.metadata.submittedBy.map(text)])
                },
            ])
        }
        return values(["title": text(title), "branch": branch.map(text), "date": date.map(text), "motions": motions])
    }

    /// The agenda, as the template renders it (Markdown).
    private func renderAgenda(template: String) throws(TemplateError) -> String {
        let parsed: MustacheTemplate
        do {
            parsed = try MustacheTemplate(string: template)
        } catch {
            throw TemplateError(description: "the paper template cannot be read: \(error)")
        }
        return parsed.render(context())
    }

    /// The paper as Markdown: the agenda, then each motion (its headings one level down) and
    /// its amendments' wording.
    func markdown() -> String {
        var out = agenda.trimmingWhitespace + "\n"
        for (index, item) in items.enumerated() {
            out += "\n" + MarkdownLayout.headingMarker + "\(index + 1). \(MarkdownWriter.heading(item.motion.title))\n"
            for section in MarkdownLayout.sections(of: item.motion).dropFirst() {
                // The first piece's lead separates it from the heading.
                if let heading = section.heading {
                    out += "\n" + MarkdownLayout.headingMarker(level: 3) + heading.text + (section.pieces.first?.lead.hasPrefix("\n") == true ? "" : "\n")
                }
                for piece in section.pieces { out += piece.lead + piece.marker + piece.text }
                out += "\n"
            }
            out += MarkdownDocumentWriter.sourcesTable(item.motion)
            for (number, amendment) in item.amendments.enumerated() {
                out += "\n" + MarkdownLayout.headingMarker(level: 3)
                    + InlineEscaper.escape(Self.heading(of: amendment, number: number + 1, to: item.motion), atLineStart: false) + "\n\n"
                out += (amendment.wording ?? "") + "\n"
            }
        }
        return out
    }

    /// The paper in a Word document: the agenda, then each motion from a new page, then its
    /// amendments.
    func add(to document: inout DocumentBuilder) throws(TemplateError) {
        guard let agendaMotion else { throw TemplateError(description: "the paper template must start with a '# ' title line") }
        document.add(agendaMotion, pageBreakBefore: false, details: false, nestingBullets: true)
        for item in items {
            document.add(item.motion, pageBreakBefore: true)
            document.compositeSources(item.motion)
            for (number, amendment) in item.amendments.enumerated() {
                // Heading1 keeps with the next paragraph: no amendment heading alone at a page's foot.
                document.paragraph(style: "Heading1") { builder in
                    builder.run(Self.heading(of: amendment, number: number + 1, to: item.motion))
                }
                // Each line of the wording (each numbered instruction) a paragraph of its own.
                for line in (amendment.wording ?? "").split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    document.paragraph(style: nil) { builder in builder.run(String(line)) }
                }
            }
        }
    }
}

import Foundation
