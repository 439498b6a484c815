/// Where a motion stands, from first draft to the outcome at conference.
public enum MotionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case admitted
    case notAdmitted = "not-admitted"
    case composited
    case carried
    case carriedAsAmended = "carried-as-amended"
    case lost
    case remitted
    case referred
    case withdrawn
    case fell
}

/// What sort of paper a document is.
public enum MotionKind: String, Hashable, Sendable, Codable, CaseIterable {
    case motion
    case emergencyMotion = "emergency-motion"
    case amendment
    case composite
    case ruleChange = "rule-change"
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// "a, b or c": the allowed values, for error messages.
    static var allowedList: String {
        let names = allCases.map(\.rawValue)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}

extension MotionStatus {
    /// The status as people read it on a page or a terminal ("carried as amended"); the
    /// front matter, JSON and commands keep the hyphenated name.
    public var words: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }
}

extension MotionStatus {
    /// Whether the motion has been decided (carried, lost, withdrawn, ...): its text is then the
    /// record of that decision, not a draft to tidy.
    public var isDecided: Bool { ![.draft, .submitted, .admitted].contains(self) }
}
