/// What every store's fsck checks of a revision once it has read the record and the text, and
/// the messages for references that resolve to nothing: one wording, whichever store is asked.
package struct RevisionAudit {
    private var expectedNumber: [String: Int] = [:]
    private var motions: [String: Motion?] = [:]
    private(set) var usedTexts = Set<String>()

    package init() {}

    /// Checks one revision, given in (motion, number) order: numbering, sane values, the text
    /// (`.failure` says why it could not be had), the fields the text decides, and the checksum
    /// over the rest (`checksum` nil: the record has none; pass `checksumKnown: false` for a
    /// store from before checksums).
    package mutating func check(_ revision: Revision, text: Result<[UInt8], StoreError>?, checksum: String?,
                                checksumKnown: Bool = true, into report: inout FsckReport) {
        report.revisionsChecked += 1
        usedTexts.insert(revision.hash)
        var problems: [String] = []
        let expected = (expectedNumber[revision.motionID] ?? 0) + 1
        if revision.number != expected { problems.append("numbering jumps from \(expected - 1) to \(revision.number)") }
        expectedNumber[revision.motionID] = revision.number
        problems += revision.fieldProblems
        switch text {
        case .failure(let error): problems.append("its text is damaged: \(error.message)")
        case .success(let content):
            if motions[revision.hash] == nil {
                motions[revision.hash] = .some(try? MotionReader.read(String(decoding: content, as: UTF8.self)).motion)
            }
            if let motion = motions[revision.hash] ?? nil {
                problems += revision.mismatches(with: motion)
            } else {
                problems.append("its text cannot be read as a motion")
            }
        case nil: problems.append("its text \(revision.hash.prefix(12)) is missing")
        }
        if checksumKnown, problems.isEmpty, checksum != revision.recordChecksum {
            problems.append(checksum == nil ? "its record has no checksum"
                            : "its record was changed after it was saved (its author, message, time or parent no longer match its checksum)")
        }
        for problem in problems { report.damage.append(.init(reference: revision.reference, problem: problem)) }
    }

    /// A record that could not be read at all.
    package mutating func unreadable(id: String?, number: Int?, _ error: StoreError, into report: inout FsckReport) {
        report.revisionsChecked += 1
        let reference = (id.map(TerminalText.escaped) ?? "a revision") + (number.map { "@\($0)" } ?? "")
        report.damage.append(.init(reference: reference, problem: "its record cannot be read: \(error.message)"))
    }

    /// After every revision: damaged texts no revision uses, and motions without revisions.
    package func finish(badTexts: [String: String], motionsWithoutRevisions: [String], into report: inout FsckReport) {
        for (hash, problem) in badTexts.sorted(by: { $0.key < $1.key }) where !usedTexts.contains(hash) {
            report.damage.append(.init(reference: String(hash.prefix(12)), problem: "an unused text is damaged: \(problem)"))
        }
        for id in motionsWithoutRevisions {
            report.damage.append(.init(reference: TerminalText.escaped(id), problem: "the motion has no revisions"))
        }
    }

    /// A tag whose revision does not exist.
    package static func danglingTag(id: String?, name: String?, number: Int?, into report: inout FsckReport) {
        let id = id.map(TerminalText.escaped) ?? "a motion"
        let name = name.map(TerminalText.escaped) ?? "a tag"
        let number = number.map(String.init) ?? "that is not a number"
        report.damage.append(.init(reference: "\(id)@\(name)", problem: "the tag names revision \(number), which does not exist"))
    }
}

extension StoreError {
    /// The error for a reference to `id` that resolves to nothing, saying what does exist:
    /// `revisions` is how many the motion has (nil: no such motion), `known` some stored ids,
    /// `tags` the motion's tags.
    package static func missing(_ id: String, _ selector: RevisionReference.Selector, revisions: Int?,
                                known: [String], tags: [String]) -> StoreError {
        guard let count = revisions else {
            let hint = known.isEmpty ? "the store has no motions yet; 'motion save' records them" : "known: \(known.joined(separator: ", "))"
            return StoreError(.unknownMotion, "no motion '\(id)' in the store; \(hint)")
        }
        switch selector {
        case .latest: return StoreError(.unknownMotion, "no motion '\(id)' in the store")
        case .number(let number):
            return StoreError(.unknownRevision, "\(id) has no revision \(number); its revisions are 1 to \(count)")
        case .tag(let name):
            return StoreError(.unknownTag, "\(id) has no tag '\(name)'; " + (tags.isEmpty ? "it has no tags" : "its tags: \(tags.joined(separator: ", "))"))
        }
    }

    /// Refusing a tag name.
    package static func badTagName(_ name: String) -> StoreError {
        StoreError(.invalidArgument, "'\(name)' is not a tag name: use letters, digits, '-', '_' or '.', starting with a letter (not 'latest' or a number)")
    }

    /// Refusing to move a tag without `force`.
    package static func tagTaken(_ revision: Revision, _ name: String, by existing: Int) -> StoreError {
        StoreError(.invalidArgument, "\(revision.motionID)@\(name) already names revision \(existing); use --force to move it to \(revision.number)")
    }

    /// Refusing to restore over a motion that is there.
    package static func restoreClash(_ id: String) -> StoreError {
        StoreError(.invalidArgument, "the store already has a motion '\(id)'; import into a new workspace: run 'motion init NEW-FOLDER', then 'motion import-history' inside it")
    }

    package static func alreadyStored(_ id: String) -> StoreError {
        StoreError(.alreadyExists, "a motion '\(id)' is stored already")
    }
}

extension RevisionStores {
    /// Amendments in the order ``RevisionStore/latestAmendments(to:)`` promises.
    package static func inAmendmentOrder(_ revisions: [Revision]) -> [Revision] { AmendmentIndex.ordered(revisions) }

    /// The number ``RevisionStore/createNext(after:author:message:make:)`` gives next: one more
    /// than the highest `prefix` + digits among `ids` (stored ids that start with `prefix`).
    package static func nextNumber(after prefix: String, among ids: [String]) -> Int {
        let numbers = ids.compactMap { id -> Int? in
            guard id.hasPrefix(prefix) else { return nil }
            let digits = id.dropFirst(prefix.count)
            return !digits.isEmpty && digits.allSatisfy({ ("0"..."9").contains($0) }) ? Int(digits) : nil
        }
        return (numbers.max() ?? 0) + 1
    }
}
