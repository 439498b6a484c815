/// Why a store operation could not be done, in words that say what to do next.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: String, Hashable, Sendable {
        /// No workspace here or above, and no --store / MOTION_STORE.
        case noWorkspace
        case unknownMotion, unknownRevision, unknownTag
        /// A file or folder named on the command line does not exist.
        case notFound
        case malformedReference
        /// A working file whose id does not match its name, or that lies outside motions/.
        case badWorkingFile
        case unsavedChanges
        /// A new motion whose id is taken already.
        case alreadyExists
        case invalidArgument
        case readOnly
        case diskFull
        case damaged
        case io
        /// The database server cannot be reached, or went away before the change was made.
        case unavailable
        /// A rule of the content refused the change (a composite admitted before its movers agreed).
        case refused
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var description: String { message }
}
