import MotionDiff

/// Amendments shown in their motion as tracked changes, and two revisions compared: what a
/// reader sees on the web, as HTML fragments whose every word is escaped.
public struct TrackedView: Sendable {
    /// The motion with the changes inline (`<ins>`, `<del>`, moves marked).
    public var html: String
    /// The amendments shown, by name.
    public var shown: [String]
    /// Amendments that could not be shown, each with why: it does not apply to this revision,
    /// or it conflicts with one shown before it (both wordings named).
    public var problems: [(name: String, message: String)]
}

extension AppContext {
    /// The stored amendments to the motion at `reference` applied to it as tracked changes:
    /// the one with id `only`, or (nil) every amendment still standing, merged in id order,
    /// with those that clash with an earlier one set aside and named.
    public func trackedAmendments(_ reference: String, only: String?) throws -> TrackedView {
        let resolved = try resolve(reference, warningOfUnsavedEdits: false)
        guard let revision = resolved.revision else { throw ApplicationError(.usage, "tracked amendments are shown for stored motions") }
        let store = try store()
        let base = try resolved.motion()
        if let only, let layered = try subAmendmentView(only, on: revision.motionID) { return layered }
        var amendments: [(name: String, merge: AmendmentMerger.Amendment)] = []
        var problems: [(name: String, message: String)] = []
        for stored in try store.latestAmendments(to: revision.motionID) {
            guard only.map({ $0 == stored.motionID }) ?? !stored.status.hasFallenAway else { continue }
            let amendment = try store.motion(of: stored)
            let name = BranchPaper.name(of: amendment, to: base)
            do {
                let document = try resolve(stored.reference).amendment()
                amendments.append((name, AmendmentMerger.Amendment(label: name, instructions: document.instructions)))
            } catch {
                problems.append((name, (error as? any MotionKitError)?.description ?? "\(error)"))
            }
        }
        if let only, amendments.isEmpty, problems.isEmpty {
            throw ApplicationError(.missingInput, "no amendment '\(only)' to \(revision.motionID)")
        }
        let lines = amendmentSettings(for: base).lines
        var outcome = AmendmentMerger.Outcome(motion: base, applied: [], fallen: [])
        // One at a time, so one amendment that does not apply here cannot hide the others.
        var standing: [AmendmentMerger.Amendment] = []
        for amendment in amendments {
            do {
                outcome = try AmendmentMerger.merge(standing + [amendment.merge], into: base, lines: lines)
                if outcome.fallen.contains(where: { $0.label == amendment.name }) {
                    let conflict = outcome.fallen.first { $0.label == amendment.name }!.conflict
                    problems.append((amendment.name, conflict.message))
                } else {
                    standing.append(amendment.merge)
                }
            } catch {
                problems.append((amendment.name, "does not apply to \(revision.reference): \(error.message)"))
            }
        }
        outcome = try AmendmentMerger.merge(standing, into: base, lines: lines)
        let baseText = MarkdownWriter.write(base)
        let diff = try DiffInput.compare(baseText, MarkdownWriter.write(outcome.motion))
        // Where an amendment set aside would change the text, say so there: the conflict is
        // marked where the two meet, not only listed above.
        var flags: [BlockPlace: String] = [:]
        for (name, merge) in amendments where !standing.contains(where: { $0.label == merge.label }) {
            guard let alone = try? AmendmentApplier.apply(merge.instructions, to: base, lines: lines),
                  let own = try? DiffInput.compare(baseText, MarkdownWriter.write(alone)) else { continue }
            for change in own.sections.flatMap(\.blocks) where change.kind != .equal {
                guard let place = change.base else { continue }
                flags[place] = (flags[place].map { $0 + "; " } ?? "") + "\(name) would also change this: see the conflicts above"
            }
        }
        return TrackedView(html: HTMLDiffRenderer.fragment(diff, flags: flags), shown: outcome.applied, problems: problems)
    }

    /// The motion at `reference` with `changed` as tracked changes.
    public func trackedChanges(of reference: String, to changed: Motion) throws -> String {
        let base = try resolve(reference, warningOfUnsavedEdits: false).motion()
        return HTMLDiffRenderer.fragment(try DiffInput.compare(MarkdownWriter.write(base), MarkdownWriter.write(changed)))
    }

    /// Two revisions of one motion compared: inline, and side by side as table rows.
    public func comparison(_ id: String, from old: Int, to new: Int) throws -> (inline: String, sideBySide: String, labels: (String, String)) {
        let result = try CompareVersions(old: "\(id)@\(old)", new: "\(id)@\(new)").run(in: self)
        return (HTMLDiffRenderer.fragment(result.diff), HTMLDiffRenderer.tableRows(result.diff), (result.baseLabel, result.targetLabel))
    }
}

extension MotionStatus {
    /// An amendment that no longer stands to be debated: it will not change the motion.
    var hasFallenAway: Bool { [.withdrawn, .fell, .lost, .notAdmitted, .remitted, .referred].contains(self) }
}
