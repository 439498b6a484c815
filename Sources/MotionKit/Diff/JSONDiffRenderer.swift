import Foundation
import MotionDiff

/// The diff as data: labels, whether anything changed, words added and removed per section,
/// and every change with the base places it touches.
public enum JSONDiffRenderer {
    struct Output: Encodable {
        var base: String
        var target: String
        var identical: Bool
        var stats: [Stat]
        var changes: [Change]
    }

    struct Stat: Encodable {
        var section: String
        var added: Int
        var removed: Int
    }

    public static func render(_ diff: DocumentDiff, baseLabel: String, targetLabel: String) throws -> String {
        let output = Output(base: baseLabel, target: targetLabel, identical: !diff.hasChanges,
                            stats: diff.wordStats.map { Stat(section: $0.section, added: $0.added, removed: $0.removed) },
                            changes: diff.changes)
        return String(decoding: try MotionJSON.encoder().encode(output), as: UTF8.self) + "\n"
    }
}
