/// The formats a document can be written in.
public enum DocumentFormat: String, CaseIterable, Sendable {
    /// A Word document: WordprocessingML parts in a ZIP package.
    case docx
    /// The same parts as one Flat OPC XML file (Word's "Word XML Document").
    case xml
    /// Canonical Markdown; changes as CriticMarkup.
    case md

    public var fileExtension: String { rawValue }
}

/// What is exported: one model that every writer takes, so a new format is one new writer.
public enum ExportDocument: Sendable {
    /// Motions, one after another, amendments under their motion; with `lines` (one scheme per
    /// motion), each body numbered line by line as amendments count its lines.
    case motions([Motion], lines: [LineScheme]?)
    /// `target` shown against `base` as tracked changes by `author`; for one amendment, headed
    /// by that amendment rather than by the motion it amends.
    case comparison(base: Motion, target: Motion, author: ChangeAuthor, amendment: AmendmentHeading? = nil)
    /// A branch-meeting paper: the agenda, then each motion with its amendments.
    case paper(BranchPaper)
    /// An amendment to an amendment on the motion: `first` the motion as the amendment amends
    /// it (by `authors[0]`), `second` as the amendment amended by the amendment to it amends it
    /// (the rest by `authors[1]`), headed by the amendment to the amendment.
    case layered(base: Motion, first: Motion, second: Motion, authors: [ChangeAuthor], amendment: AmendmentHeading)
}

/// What heads one amendment shown as tracked changes on its motion: the amendment's name, and
/// its details (the motion it amends, conference, branch, status) in the order shown.
public struct AmendmentHeading: Sendable {
    public struct Detail: Sendable {
        public var label: String
        public var value: String
    }

    public var title: String
    public var details: [Detail]

    /// For `amendment` of `motion`, as revision `reference` (`ID@N`) of it.
    init(amendment: Motion, motion: Motion, reference: String?) {
        title = BranchPaper.name(of: amendment, to: motion)
        let m = amendment.metadata
        let amends = motion.titleText + (reference.map { " (\($0))" } ?? "")
        details = [("Amends", amends), ("Conference", m.conference ?? motion.metadata.conference), ("Submitted by", m.submittedBy),
                   ("Status", m.status.words)].compactMap { label, value in value.map { Detail(label: label, value: $0) } }
    }
}

/// Writes an ``ExportDocument`` in one format.
public protocol DocumentWriter: Sendable {
    var format: DocumentFormat { get }
    func write(_ document: ExportDocument) throws -> [UInt8]
}

/// The writer of each format. An exhaustive switch, not a table: a new ``DocumentFormat`` does
/// not compile until it has a writer.
public enum DocumentWriters {
    /// The writer for `format`; Word styles come from `resources` (templates/docx/, which a
    /// workspace may replace), each part checked to be well-formed XML first.
    /// `provenanceComments`: Word's margin comments with a composite's provenance (Markdown
    /// keeps provenance as it is, in the comments that end each block's line).
    static func writer(for format: DocumentFormat, resources: ResourceLibrary, provenanceComments: Bool = false) throws(ResourceError) -> any DocumentWriter {
        switch format {
        case .md: return MarkdownDocumentWriter()
        case .docx, .xml:
            var writer = try DocxWriter(template: resources, packaging: format == .docx ? .zip : .flatOPC)
            writer.provenanceComments = provenanceComments
            return writer
        }
    }

    /// The same motions, each amendment moved to just after the motion it amends (when that
    /// motion is among them), several amendments in the order given.
    static func amendmentsUnderTheirMotion(_ motions: [Motion]) -> [Motion] {
        let ids = Set(motions.filter { $0.metadata.kind != .amendment }.map(\.id))
        func amended(_ motion: Motion) -> String? {
            guard motion.metadata.kind == .amendment, let amends = motion.metadata.amends else { return nil }
            let id = AmendmentIndex.motionID(amends)
            return ids.contains(id) ? id : nil
        }
        var out: [Motion] = []
        for motion in motions where amended(motion) == nil {
            out.append(motion)
            out += motions.filter { amended($0) == motion.id }
        }
        return out
    }
}
