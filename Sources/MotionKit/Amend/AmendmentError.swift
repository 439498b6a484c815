/// Why wording could not be read or applied. The message names the instruction, its line and
/// the quoted words, and says what to do; nothing is written when one is thrown.
public struct AmendmentError: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable {
        /// The wording is not an instruction the grammar knows.
        case unreadable
        /// A locator names something the motion does not have (point 9 of 5).
        case noSuchPlace
        /// Quoted words that are not in the text, or are there more than once.
        case anchorMissing, anchorAmbiguous
        /// Two instructions change the same words.
        case overlap
        /// The amended text is not a valid motion.
        case invalidResult
    }

    public var reason: Reason
    /// The line of the amendment text, when one instruction is at fault.
    public var line: Int?
    public var message: String
    /// The wording's other problems, reported with this one: a delegate fixes them all at once.
    public var more: [AmendmentError] = []

    public init(_ reason: Reason, line: Int? = nil, _ message: String) {
        self.reason = reason
        self.line = line
        self.message = message
    }

    public var description: String { ([self] + more).map(\.message).joined(separator: "\n") }

    /// This error with `others` reported beside it.
    func with(more others: [AmendmentError]) -> AmendmentError {
        var copy = self
        copy.more += others
        return copy
    }
}
