import MotionDiff

/// Turns motions (and other files) into the documents the diff engine compares.
public enum DiffInput {
    /// A motion as its canonical Markdown, block by block (``MarkdownLayout``): rendering the
    /// document gives exactly `MarkdownWriter.write(motion)`, so a diff with all context
    /// reconstructs both sides.
    public static func document(for motion: Motion) -> DiffDocument {
        func block(_ piece: MarkdownLayout.Piece) -> DiffDocument.Block {
            DiffDocument.Block(kind: piece.kind, lead: piece.lead, marker: piece.marker, text: piece.text, trailer: piece.trailer)
        }
        let sections = MarkdownLayout.sections(of: motion).map { section in
            DiffDocument.Section(heading: section.heading.map(block),
                                 kind: section.kind.flatMap { $0 == .other ? nil : $0.rawValue },
                                 blocks: section.pieces.map(block))
        }
        return DiffDocument(sections: sections, trailing: "\n")
    }

    /// One side of a comparison: a motion when the text has front matter (whose errors are
    /// thrown, never compared as prose), else plain prose.
    public static func document(text: String, fileName: String? = nil) throws(MotionReadError) -> (document: DiffDocument, isMotion: Bool) {
        if text.hasPrefix("---") { return (document(for: try MotionReader.read(text, fileName: fileName).motion), true) }
        return (DiffDocument.prose(text), false)
    }

    /// Compares two texts: as motions when both are, otherwise as prose.
    public static func compare(_ old: String, _ new: String, options: DiffOptions = DiffOptions(),
                               labels: (old: String, new: String)? = nil) throws(MotionReadError) -> DocumentDiff {
        let (a, b) = try documents(old, new, labels: labels)
        return DocumentDiff.compare(a, b, options: options)
    }

    /// The two documents ``compare(_:_:options:labels:)`` compares: motions when both texts
    /// are, otherwise prose. Apart, so that a caller can let go of the texts before the diff
    /// (their memory then serves the diff's own, instead of fresh pages).
    public static func documents(_ old: String, _ new: String,
                                 labels: (old: String, new: String)? = nil) throws(MotionReadError) -> (DiffDocument, DiffDocument) {
        let a: (document: DiffDocument, isMotion: Bool), b: (document: DiffDocument, isMotion: Bool)
        do { a = try document(text: old) } catch { throw labels.map { error.located(at: $0.old) } ?? error }
        do { b = try document(text: new) } catch { throw labels.map { error.located(at: $0.new) } ?? error }
        if a.isMotion, b.isMotion { return (a.document, b.document) }
        // A side that is prose already is read as prose once.
        return (a.isMotion ? .prose(old) : a.document, b.isMotion ? .prose(new) : b.document)
    }
}
