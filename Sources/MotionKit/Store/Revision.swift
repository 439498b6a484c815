import Foundation

/// One immutable revision of a motion as the store keeps it.
public struct Revision: Hashable, Sendable, Codable {
    public var motionID: String
    /// 1, 2, 3, ... per motion, without gaps.
    public var number: Int
    /// SHA-256 of the canonical Markdown.
    public var hash: String
    public var parent: Int?
    public var author: String
    public var message: String
    /// UTC, ISO 8601 with milliseconds (`2026-11-22T17:56:02.123Z`).
    public var time: String
    public var status: MotionStatus
    public var kind: MotionKind
    public var title: String
    public var words: Int
    /// For an amendment: the motion it amends (`ID` or `ID@REV`).
    public var amends: String?
    public var tags: [String] = []

    public var reference: String { "\(motionID)@\(number)" }
}
