/// A conference motion (or amendment, composite, rule change): its metadata, title and text.
///
/// Source positions (`line`) are carried for messages but are not part of a motion's identity,
/// so reading a motion, writing it and reading it again gives an equal value.
public struct Motion: Hashable, Sendable {
    public var metadata: Metadata
    /// The title, from the level-1 heading (or the front matter's `title` when there is none).
    public var title: [Inline]
    /// Blocks between the title and the first section. An amendment's wording lives here.
    public var preamble: [Block]
    public var sections: [Section]
    /// For an amendment: its wording as written (line ends, trailing spaces and blank lines
    /// normalised), which the canonical form keeps verbatim. Wording quotes the motion's
    /// Markdown, so re-escaping it as this document's own Markdown would change what it quotes.
    public var wording: String?

    public init(metadata: Metadata, title: [Inline], preamble: [Block] = [], sections: [Section] = []) {
        self.metadata = metadata
        self.title = title
        self.preamble = preamble
        self.sections = sections
    }

    public var id: String { metadata.id }
    /// The title on one line, as its heading reads back: line ends are spaces, and spaces at
    /// either end are no part of it.
    public var titleText: String {
        let text = title.plainText
        guard let first = text.utf8.first, let last = text.utf8.last,
              first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else {
            return text
        }
        let oneLine = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return String(oneLine.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

}

extension Motion {
    /// The front matter fields. Unknown keys are kept verbatim so that nothing a user wrote is lost.
    public struct Metadata: Hashable, Sendable {
        public var id: String
        public var conference: String?
        public var submittedBy: String?
        public var kind: MotionKind
        public var status: MotionStatus
        public var profile: String?
        /// For an amendment: the motion it amends, `ID` or `ID@REV`.
        public var amends: String?
        /// For a composite: the motions it was drafted from, `ID@REV` (or `ID`), in order.
        public var composites: [String]
        /// For a composite: the movers' agreements recorded, in order, and the office's
        /// override when it was admitted without them all.
        public var agreements: [CompositeAgreement] = []
        public var agreementOverride: AgreementOverride?
        /// Fields this version does not know, each as its own YAML text (`key: value`), in order.
        var extraFields: [ExtraField]

        public init(id: String, conference: String? = nil, submittedBy: String? = nil,
                    kind: MotionKind = .motion, status: MotionStatus = .draft, profile: String? = nil,
                    amends: String? = nil, composites: [String] = [], extraFields: [ExtraField] = []) {
            self.id = id
            self.conference = conference
            self.submittedBy = submittedBy
            self.kind = kind
            self.status = status
            self.profile = profile
            self.amends = amends
            self.composites = composites
            self.extraFields = extraFields
        }
    }

    /// A front matter field this version does not interpret, kept as written (re-serialised YAML).
    public struct ExtraField: Hashable, Sendable {
        var key: String
        /// The field as YAML, `key: value` (possibly several lines), ending in a newline.
        public var yaml: String
    }
}

/// Motion ids are short, stable and safe in file names and URLs.
public enum MotionID {
    /// `[a-z0-9][a-z0-9-]*`
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, isLowerAlnum(first), id.utf8.count <= 120 else { return false }
        return id.utf8.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// A valid id made from free text such as a file name: "My Motion (v2)" -> "my-motion-v2".
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, isLowerAlnum(UInt8(scalar.value)) {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "motion" : String(out.prefix(120))
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
