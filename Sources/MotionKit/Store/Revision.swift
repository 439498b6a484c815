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

enum Timestamp {
    /// A time in seconds since 1970 as ISO 8601 in UTC, to the second.
    static func iso8601(seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Now, in UTC, as ISO 8601 with milliseconds: sortable as text and exact in JSON.
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
