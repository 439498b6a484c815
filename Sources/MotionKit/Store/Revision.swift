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

    package init(motionID: String, number: Int, hash: String, parent: Int?, author: String, message: String, time: String,
                 status: MotionStatus, kind: MotionKind, title: String, words: Int, amends: String?, tags: [String] = []) {
        self.motionID = motionID
        self.number = number
        self.hash = hash
        self.parent = parent
        self.author = author
        self.message = message
        self.time = time
        self.status = status
        self.kind = kind
        self.title = title
        self.words = words
        self.amends = amends
        self.tags = tags
    }

    /// The record of `motion` saved after revision `latest` (nil for a new motion): what the
    /// store writes, the same in every implementation.
    package init(saving motion: Motion, hash: String, after latest: Int?, author: String, message: String, time: String) {
        self.init(motionID: motion.id, number: (latest ?? 0) + 1, hash: hash, parent: latest, author: author, message: message,
                  time: time, status: motion.metadata.status, kind: motion.metadata.kind, title: motion.titleText,
                  words: motion.wordCounts.body, amends: motion.metadata.amends)
    }
}
