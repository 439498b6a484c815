import MotionDiff

/// Who made the changes, and when, as Word's revision marks record them.
public struct ChangeAuthor: Sendable {
    public var name: String
    /// ISO 8601 (`2026-11-22T10:00:00Z`); from the target revision or file, never the clock, so
    /// exports are reproducible.
    public var date: String

    public init(name: String, date: String) {
        self.name = name
        self.date = date
    }
}

/// A comparison as Word tracked changes: the target's text with `w:ins` for what it added and
/// `w:del` (`w:delText`) for what it removed, paragraph marks included for new and deleted
/// points and paragraphs, so Accept All gives the target and Reject All the base.
///
/// The words come from the diff engine, run on the motions' visible text (Markdown markup is not
/// a word a reader of the document sees). Unchanged paragraphs keep their emphasis and links;
/// changed ones are written as plain runs.
///
/// Point numbers are written as text, not as Word numbering: a word processor numbers a list
/// with tracked deletions and insertions in its own way (LibreOffice shows "[4.]" and "2.[6.]",
/// pandoc keeps a deleted point as an empty one), while text numbers are tracked like words. A
/// point keeps its number, or shows the old one deleted and the new one inserted, so Accept
/// All numbers the list as amended and Reject All as it was.
extension DocumentBuilder {
    mutating func addComparison(base: Motion, target: Motion, author: ChangeAuthor, amendment: AmendmentHeading? = nil) {
        let diff = DocumentDiff.compare(Self.visibleText(base), Self.visibleText(target))
        let numbers = (base: ListMarkers(diff.base), target: ListMarkers(diff.target))
        revisionAuthor = author
        if let amendment {
            paragraph(style: "Title") { builder in builder.run(amendment.title) }
            details(amendment.details.map { ($0.label, $0.value) })
        }
        let sectionStyle = amendment == nil ? "Heading1" : subheadingStyle
        for section in diff.sections {
            if let heading = section.heading {
                paragraph(style: sectionStyle, mark: mark(for: heading.kind)) { builder in builder.changedRuns(heading, diff: diff) }
            }
            for change in section.blocks {
                let place = change.target ?? change.base!
                let block = diff.block(place, inBase: change.target == nil)
                let kind = change.kind == .movedAway ? BlockChange.Kind.deleted : change.kind == .movedHere ? .inserted : change.kind
                if block.kind == .title {
                    paragraph(style: amendment == nil ? "Title" : "Heading1", mark: mark(for: kind)) { builder in builder.changedRuns(change, diff: diff) }
                    if amendment == nil { details(target.metadata) }
                    continue
                }
                // Each side's marker: none where the block is not on that side.
                let old = kind == .inserted ? nil : change.base.flatMap { numbers.base[$0] }
                let new = kind == .deleted ? nil : change.target.flatMap { numbers.target[$0] }
                paragraph(style: old == nil && new == nil ? nil : "ListParagraph", hangingMarker: old != nil || new != nil, mark: mark(for: kind)) { builder in
                    builder.listMarker(old: old, new: new)
                    var effective = change
                    effective.kind = kind
                    builder.changedRuns(effective, diff: diff)
                }
            }
        }
    }

    /// A point's number or a bullet, then a tab to the text: kept, or the old one deleted and
    /// the new one inserted.
    private mutating func listMarker(old: String?, new: String?) {
        if let old, old == new {
            run(old, tab: true)
            return
        }
        // A renumbered point keeps its tab; a deleted or new one has its own.
        if let old { trackedRun(.deleted, old, tab: new == nil) }
        if let new { trackedRun(.inserted, new, tab: old == nil) }
        if old != nil, new != nil { run("", tab: true) }
    }

    /// A motion as the diff sees it for tracked changes: title, preamble and sections of
    /// visible text.
    static func visibleText(_ motion: Motion) -> DiffDocument {
        func blocks(_ blocks: [Block]) -> [DiffDocument.Block] {
            blocks.map { DiffDocument.Block(kind: $0.kind.diffKind, lead: "\n\n", text: $0.plainText) }
        }
        var sections = [DiffDocument.Section(blocks: [DiffDocument.Block(kind: .title, text: motion.titleText)] + blocks(motion.preamble))]
        for section in motion.sections {
            sections.append(DiffDocument.Section(heading: DiffDocument.Block(kind: .heading, lead: "\n\n", text: section.headingText),
                                                 kind: section.kind == .other ? nil : section.kind.rawValue, blocks: blocks(section.blocks)))
        }
        return DiffDocument(sections: sections)
    }

    private func mark(for kind: BlockChange.Kind) -> ParagraphMark {
        switch kind {
        case .inserted, .movedHere: return .inserted
        case .deleted, .movedAway: return .deleted
        case .equal, .modified, .replaced: return .unchanged
        }
    }

    /// The runs of one block: unchanged words plain, deletions in `w:del`, insertions in `w:ins`.
    mutating func changedRuns(_ change: BlockChange, diff: DocumentDiff) {
        let old = change.base.map { diff.blockText($0, inBase: true) } ?? ""
        let new = change.target.map { diff.blockText($0, inBase: false) } ?? ""
        switch change.kind {
        case .equal:
            run(new)
        case .inserted, .movedHere:
            tracked(.inserted, new)
        case .deleted, .movedAway:
            tracked(.deleted, old)
        case .replaced:
            tracked(.deleted, old)
            tracked(.inserted, new)
        case .modified:
            guard let a = change.baseTokens, let b = change.targetTokens else {
                run(new)
                return
            }
            for segment in change.segments {
                switch segment.operation {
                case .equal: run(String(b.text(of: segment.b)))
                case .delete: tracked(.deleted, String(a.text(of: segment.a)))
                case .insert: tracked(.inserted, String(b.text(of: segment.b)))
                }
            }
        }
    }
}

/// The marker each point and bullet of one side of a comparison shows: "1." to "N." along each
/// list (a run of points in a section, as the Word export numbers them), "•" for a bullet.
struct ListMarkers {
    private var markers: [[String?]]

    init(_ document: DiffDocument) {
        markers = document.sections.map { section in
            var number = 0
            var previous: DiffDocument.BlockKind?
            return section.blocks.map { block in
                defer { previous = block.kind }
                switch block.kind {
                case .point:
                    number = previous == .point ? number + 1 : 1
                    return "\(number)."
                case .bullet: return "\u{2022}"
                default: return nil
                }
            }
        }
    }

    subscript(place: BlockPlace) -> String? {
        place.block >= 0 ? markers[place.section][place.block] : nil
    }
}
