import Foundation

/// One instruction of an amendment, as parsed from its wording: where it applies and what it
/// does. Every instruction of an amendment refers to the base text (see docs/amendments.md).
public struct AmendmentInstruction: Hashable, Sendable {
    /// Which part of the motion an instruction names.
    public enum Scope: Hashable, Sendable {
        /// No locator: the quoted words must be unique in the whole motion.
        case anywhere
        case title
        /// A section's heading.
        case heading(section: String)
        /// A whole section (or "the preamble").
        case section(String)
        /// The Nth paragraph, point or bullet, of a named section or, for points, of the one
        /// section that has points. `number` -1 means the last.
        case block(kind: Block.Kind, number: Int, section: String?)
        /// Computed line numbers, inclusive.
        case lines(ClosedRange<Int>)
    }

    /// Where a new block goes.
    public enum Position: Hashable, Sendable {
        /// "Add new point N": before the base's Nth block of that kind (after the last when N is
        /// one more), counting earlier new blocks of the same amendment at the same place.
        case numbered(Int, section: String?)
        case after(Scope)
        case before(Scope)
        case atStart(section: String)
        case atEnd(section: String?)
        case afterLine(Int)
        case beforeLine(Int)
    }

    public enum Action: Hashable, Sendable {
        case insertAfter(anchor: String, text: String)
        case insertBefore(anchor: String, text: String)
        case delete(String)
        case replace(String, with: String)
        /// "Delete from 'A' to 'B' inclusive", "delete all after 'A' and insert 'T'": the words
        /// from `from` (kept when `keepFrom`) through `through` (to the end of the text when
        /// nil) become `replacement` ("" deletes them).
        case replaceSpan(from: String, through: String?, keepFrom: Bool, with: String)
        /// "Delete the second sentence of paragraph 1", "replace the last sentence of point 3
        /// with '...'": sentence `number` (-1 the last) of the place becomes `with` ("" deletes).
        case replaceSentence(number: Int, with: String)
        /// "Add at end of point 2: '...'": words at the end of the scope's text.
        case append(String)
        case prepend(String)
        /// "Delete point 3", "Delete section ...", "Delete lines 4-6".
        case deleteScope
        /// "Delete point 3 and replace with: '...'".
        case replaceScope(String)
        /// New block(s), Markdown; `kind` nil when the wording does not say.
        case addBlock(kind: Block.Kind?, position: Position, text: String)
        /// A new section: Markdown starting with its "## " heading. Positions: after or before
        /// a section, at the start or end of the motion, after a line.
        case addSection(position: Position, text: String)
        /// "Delete all and replace with:": the new body (sections; the title stays).
        case replaceAll(String)
    }

    /// "1.", "(a)": how the delegate numbered it, if at all.
    public var label: String?
    /// Its place in the amendment, from 1.
    public var number: Int
    /// The line of the amendment text it starts on.
    public var line: Int
    /// The wording as written.
    public var text: String
    var scope: Scope
    var action: Action

    /// The amendment it belongs to, when several are merged ("lxp-a1").
    var source: String?

    /// Its lines were named one by one ("lines 2 and 3"), not as a range: a quote that stands
    /// once in each of them is changed in each.
    var eachLine = false

    /// How messages name it: "instruction 2 (line 7)", "lxp-a1 instruction 2 (line 7)".
    public var reference: String {
        let name = label.map { "instruction \($0.trimmingCharacters(in: .init(charactersIn: "().")))" } ?? "instruction \(number)"
        return (source.map { "\($0) " } ?? "") + "\(name) (line \(line))"
    }
}

/// What a word-level action does to the text of its unit, defined once: ``AmendmentPlan``
/// applies it, and ``AmendmentWriter`` checks its candidate wording with the same definition.
enum WordChange {
    /// A change where quoted words stand, made from their place in the unit's text. `isAnchor`:
    /// the quote only places the change, and another amendment may not change those words.
    case atQuote(String, isAnchor: Bool, edit: (_ quoted: Range<Int>, _ text: [Unicode.Scalar], _ instruction: Int) -> TextEdit)
    /// Words added at the unit's start or end.
    case atEdge(edit: (_ text: [Unicode.Scalar], _ instruction: Int) -> TextEdit)
    /// A whole sentence of the unit (-1 the last), made from the sentence's place.
    case atSentence(Int, edit: (_ sentence: Range<Int>, _ text: [Unicode.Scalar], _ instruction: Int) -> TextEdit)
    /// A span from one quote through another (or to the end), made from the span's place.
    case atSpan(from: String, through: String?, keepFrom: Bool, edit: (_ span: Range<Int>, _ text: [Unicode.Scalar], _ instruction: Int) -> TextEdit)
}

extension AmendmentInstruction.Action {
    /// The change to words inside one unit; nil for actions on whole blocks and sections.
    var wordChange: WordChange? {
        switch self {
        case .insertAfter(let anchor, let text):
            .atQuote(anchor, isAnchor: true) { quoted, _, instruction in
                TextEdit.Spacing.insertion(after: quoted.upperBound, text, instruction: instruction)
            }
        case .insertBefore(let anchor, let text):
            .atQuote(anchor, isAnchor: true) { quoted, _, instruction in
                TextEdit.Spacing.insertion(before: quoted.lowerBound, text, instruction: instruction)
            }
        case .delete(let quote):
            .atQuote(quote, isAnchor: false) { quoted, unit, instruction in TextEdit.Spacing.deletion(quoted, in: unit, instruction: instruction) }
        case .replace(let quote, let text):
            .atQuote(quote, isAnchor: false) { quoted, unit, instruction in
                text.isEmpty ? TextEdit.Spacing.deletion(quoted, in: unit, instruction: instruction)
                             : TextEdit(range: quoted, replacement: text, instruction: instruction)
            }
        case .replaceSpan(let from, let through, let keepFrom, let text):
            .atSpan(from: from, through: through, keepFrom: keepFrom) { span, unit, instruction in
                text.isEmpty ? TextEdit.Spacing.deletion(span, in: unit, instruction: instruction)
                             : TextEdit(range: span, replacement: keepFrom ? " " + text : text, instruction: instruction)
            }
        case .replaceSentence(let number, let text):
            .atSentence(number) { sentence, unit, instruction in
                text.isEmpty ? TextEdit.Spacing.deletion(sentence, in: unit, instruction: instruction)
                             : TextEdit(range: sentence, replacement: text, instruction: instruction)
            }
        case .append(let text):
            .atEdge { unit, instruction in TextEdit.Spacing.appending(text, to: unit, instruction: instruction) }
        case .prepend(let text):
            .atEdge { _, instruction in TextEdit.Spacing.insertion(before: 0, text, instruction: instruction) }
        case .deleteScope, .replaceScope, .addBlock, .addSection, .replaceAll:
            nil
        }
    }
}

extension AmendmentInstruction.Action {
    /// The texts the action puts into the motion, which must not read like instructions.
    /// (A whole new text, "Delete all and replace with:", is the motion itself.)
    var payloads: [String] {
        switch self {
        case .insertAfter(_, let text), .insertBefore(_, let text), .replace(_, let text), .append(let text), .prepend(let text),
             .replaceScope(let text), .addBlock(_, _, let text), .addSection(_, let text):
            [text]
        case .replaceSpan(_, _, _, let text), .replaceSentence(_, let text):
            text.isEmpty ? [] : [text]
        case .delete, .deleteScope, .replaceAll:
            []
        }
    }
}
