/// Makes a new motion from a skeleton: the skeleton's sections and guidance with the delegate's
/// id, title and details filled in. Values go through the model, so the writer quotes them.
enum MotionDrafter {
    public static func draft(fromSkeleton skeleton: Motion, id: String, title: String, conference: String? = nil,
                             submittedBy: String? = nil) -> Motion {
        var motion = skeleton
        motion.metadata.id = id
        // A title is one line: line breaks and runs of spaces become single spaces.
        motion.title = [.text(title.split(whereSeparator: \.isWhitespace).joined(separator: " "))]
        motion.metadata.status = .draft
        if let conference { motion.metadata.conference = conference }
        if let submittedBy { motion.metadata.submittedBy = submittedBy }
        return motion
    }
}

import Foundation
