import Foundation

/// What a store checks a revision's record against, the same in every implementation: the
/// fields its text decides, a checksum over the fields it does not, and sane values.
extension Revision {
    /// SHA-256 over every field of the record (not its tags, which move). Kept beside the
    /// record, so an author, message, time or parent changed after the save is found by fsck
    /// instead of trusted. It guards against damage and careless edits, not against someone
    /// who recomputes it: that is what the store's own permissions are for.
    package var recordChecksum: String {
        var record = ""
        func add(_ field: String?) {
            guard let field else { record += "-\n"; return }
            record += "\(field.utf8.count):\(field)\n"
        }
        let fields: [String?] = [motionID, String(number), hash, parent.map(String.init), author, message, time, status.rawValue,
                                 kind.rawValue, title, String(words), amends]
        for field in fields {
            add(field)
        }
        return SHA256.hex(Array(record.utf8))
    }

    /// The fields its text decides (status, kind, title, words, amends), each that differs
    /// from what `motion` says, in words.
    package func mismatches(with motion: Motion) -> [String] {
        var problems: [String] = []
        if status != motion.metadata.status { problems.append("its status is recorded as \(status.rawValue) but its text says \(motion.metadata.status.rawValue)") }
        if kind != motion.metadata.kind { problems.append("its kind is recorded as \(kind.rawValue) but its text says \(motion.metadata.kind.rawValue)") }
        if title != motion.titleText { problems.append("its title is recorded as '\(title)' but its text has '\(motion.titleText)'") }
        if words != motion.wordCounts.body { problems.append("it is recorded as \(words) words but its text has \(motion.wordCounts.body)") }
        if amends != motion.metadata.amends {
            problems.append("it is recorded as amending \(amends ?? "nothing") but its text amends \(motion.metadata.amends ?? "nothing")")
        }
        return problems
    }

    /// Values no save writes: a time that is not a time, control characters in the author or
    /// message (which a terminal would obey), a parent that is not the revision before.
    package var fieldProblems: [String] {
        var problems: [String] = []
        if !Timestamp.isValid(time) { problems.append("its time '\(time)' is not a time") }
        if author.isEmpty || author.unicodeScalars.contains(where: TerminalText.isControl) {
            problems.append("its author is empty or holds control characters")
        }
        if message.unicodeScalars.contains(where: { $0 != "\n" && TerminalText.isControl($0) }) {
            problems.append("its message holds control characters")
        }
        if number < 1 { problems.append("its number \(number) is not 1 or more") }
        if parent != (number == 1 ? nil : number - 1) {
            problems.append("its parent is \(parent.map(String.init) ?? "none"), not \(number == 1 ? "none" : String(number - 1))")
        }
        return problems
    }
}
