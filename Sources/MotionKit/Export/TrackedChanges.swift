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
extension DocumentBuilder {
    mutating func addComparison(base: Motion, target: Motion, author: ChangeAuthor) {
        let diff = DocumentDiff.compare(Self.visibleText(base), Self.visibleText(target))
        revisionAuthor = author
        for section in diff.sections {
            if let heading = section.heading {
                paragraph(style: "Heading1", mark: mark(for: heading.kind)) { builder in builder.changedRuns(heading, diff: diff) }
            }
            var list: Int?
            var previousKind: DiffDocument.BlockKind?
            for change in section.blocks {
                let place = change.target ?? change.base!
                let block = diff.block(place, inBase: change.target == nil)
                if block.kind == .title {
                    paragraph(style: "Title", mark: mark(for: change.kind)) { builder in builder.changedRuns(change, diff: diff) }
                    details(target.metadata)
                    continue
                }
                var numbering: Int?
                if block.kind == .point || block.kind == .bullet {
                    if list == nil || previousKind != block.kind { list = newList(block.kind == .point ? .point : .bullet) }
                    numbering = list
                } else {
                    list = nil
                }
                previousKind = block.kind
                let kind = change.kind == .movedAway ? BlockChange.Kind.deleted : change.kind == .movedHere ? .inserted : change.kind
                paragraph(style: numbering == nil ? nil : "ListParagraph", numbering: numbering, mark: mark(for: kind)) { builder in
                    var effective = change
                    effective.kind = kind
                    builder.changedRuns(effective, diff: diff)
                }
            }
        }
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
