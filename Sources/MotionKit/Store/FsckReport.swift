/// What `motion fsck` found: the same report from every store implementation.
public struct FsckReport: Sendable, Codable {
    public struct Damage: Sendable, Codable, Hashable {
        /// `ID@N`, or the blob's hash when no revision uses it.
        public var reference: String
        public var problem: String
    }

    public var revisionsChecked = 0
    /// Stored texts checked (a store that keeps equal texts once checks each once).
    public var blobsChecked = 0
    /// The database's own integrity check, when it found anything.
    public var integrity: [String] = []
    public var damage: [Damage] = []

    package init() {}

    public var isClean: Bool { integrity.isEmpty && damage.isEmpty }
}
