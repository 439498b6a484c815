import Foundation

/// Amendments beside the motions they amend, as `motion list` and `motion log` show them.
struct AmendmentIndex: Sendable {
    /// Latest revisions of amendments, by the id of the motion they amend, in id order.
    let byMotion: [String: [Revision]]

    public init(latest revisions: [Revision]) {
        var byMotion: [String: [Revision]] = [:]
        for revision in revisions where revision.kind == .amendment {
            guard let amends = revision.amends else { continue }
            byMotion[Self.motionID(amends), default: []].append(revision)
        }
        self.byMotion = byMotion.mapValues(Self.ordered)
    }

    /// Amendments in id order, numbers compared as numbers ("a2" before "a10").
    static func ordered(_ revisions: [Revision]) -> [Revision] {
        revisions.sorted { $0.motionID.compare($1.motionID, options: .numeric) == .orderedAscending }
    }

    /// `ID` of `ID@REV`.
    public static func motionID(_ amends: String) -> String {
        String(amends.split(separator: "@", maxSplits: 1).first ?? Substring(amends))
    }

    public func amendments(of id: String) -> [Revision] { byMotion[id] ?? [] }

    /// Revisions in listing order: each motion followed by its amendments; amendments whose
    /// motion is not among `revisions` keep their own place.
    public static func grouped(_ revisions: [Revision]) -> [(revision: Revision, isUnderMotion: Bool)] {
        let index = AmendmentIndex(latest: revisions)
        let listed = Set(revisions.filter { $0.kind != .amendment }.map(\.motionID))
        var out: [(Revision, Bool)] = []
        for revision in revisions {
            if revision.kind == .amendment, let amends = revision.amends, listed.contains(motionID(amends)) { continue }
            out.append((revision, false))
            if revision.kind != .amendment {
                out += index.amendments(of: revision.motionID).map { ($0, true) }
            }
        }
        return out
    }
}

