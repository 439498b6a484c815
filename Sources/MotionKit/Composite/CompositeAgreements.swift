/// The movers' agreement to a composite: each source motion's mover agrees to its words before
/// it may be admitted, unless the conference office overrides, with a reason, which is kept.
///
/// Agreements live in the composite's front matter, so every one is a revision (who recorded
/// it, when) and goes wherever the composite goes (exports, history archives, store copies).
/// Each names the text agreed to (a digest of its words): when the words change afterwards, the
/// agreement stands for an earlier text and no longer counts.
public struct CompositeAgreement: Hashable, Sendable, Codable {
    /// The source motion's id.
    public var source: String
    /// Who agreed: the mover, or the branch.
    public var by: String
    /// When it was recorded (UTC, ISO 8601).
    public var on: String
    /// ``CompositeAgreements/textDigest(of:)`` of the composite agreed to.
    public var text: String

    public init(source: String, by: String, on: String, text: String) {
        self.source = source
        self.by = by
        self.on = on
        self.text = text
    }
}

/// The office's decision to admit a composite without every mover's agreement.
public struct AgreementOverride: Hashable, Sendable, Codable {
    public var by: String
    public var on: String
    public var reason: String

    public init(by: String, on: String, reason: String) {
        self.by = by
        self.on = on
        self.reason = reason
    }
}

public enum CompositeAgreements {
    /// The words of a composite, as agreement is to them: title, headings and blocks, without
    /// front matter or provenance (a status change or a moved comment is not a new text).
    public static func textDigest(of motion: Motion) -> String {
        let words = [motion.titleText] + motion.preamble.map(\.plainText)
            + motion.sections.flatMap { [$0.headingText] + $0.blocks.map { "\($0.kind.rawValue) \($0.plainText)" } }
        return String(SHA256.hex(words.joined(separator: "\n")).prefix(12))
    }

    /// Source ids without a standing agreement (none, or one to an earlier text), in order.
    public static func missing(in composite: Motion) -> [String] {
        let digest = textDigest(of: composite)
        return composite.metadata.composites.map(AmendmentIndex.motionID).filter { source in
            !composite.metadata.agreements.contains { $0.source == source && $0.text == digest }
        }
    }
}
