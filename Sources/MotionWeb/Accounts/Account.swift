/// Who may do what on the web. A delegate reads and drafts; a branch secretary submits
/// amendments for their branch, their own and their delegates' (two-officer submission); the
/// conference office sets statuses and merges.
public enum Role: String, Sendable, CaseIterable, Codable {
    case delegate, secretary, office

    /// A delegate's amendment waits, as a draft, for a secretary of the branch to confirm it.
    var submits: Bool { self != .delegate }
    var runsTheConference: Bool { self == .office }
}

/// A person who logs in to `motion serve`.
public struct Account: Sendable, Hashable, Codable {
    public var name: String
    public var role: Role
    /// The branch they act for: an amendment's submitted-by.
    public var branch: String?

    public init(name: String, role: Role, branch: String?) {
        self.name = name
        self.role = role
        self.branch = branch
    }

    /// Whether they may confirm a delegate's draft amendment from `branch`: the office, or a
    /// secretary of that branch.
    func mayConfirm(draftFrom branch: String?) -> Bool {
        role == .office || (role == .secretary && self.branch != nil && self.branch == branch)
    }

    /// What their amendments say in submitted-by.
    var submitsAs: String { branch ?? name }

    /// Names people log in with: letters, digits, dot, dash and underscore, up to 64.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}

/// A logged-in session: who, and the token every form of theirs carries against cross-site
/// requests.
public struct Session: Sendable, Hashable {
    public var account: Account
    public var csrfToken: String
}
