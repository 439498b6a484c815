/// What kind of failure an error is, so each front-end can answer it in one place: the CLI with
/// a sysexits code, the web server with an HTTP status.
public enum ErrorCategory: String, Sendable, CaseIterable {
    /// The request was wrongly put: an unknown option value, a malformed reference.
    case usage
    /// The input was read but is not valid: a broken motion, wording that cannot be applied.
    case badData
    /// Something named does not exist: a file, a motion, a revision, a tag.
    case missingInput
    /// The request clashes with what is there: amendments that conflict.
    case conflict
    /// The output cannot be made: unsaved work would be lost, a read-only store, a file
    /// that exists.
    case cannotCreate
    /// The system failed: a full disk, a damaged store, a busy store.
    case io
    /// A service the request needs cannot be reached now (the database server is down); asking
    /// again later may work, and nothing was changed.
    case unavailable
}

/// An error a delegate can act on: its message says what to do, its category how to answer it.
/// Every error the library throws conforms.
public protocol MotionKitError: Error, CustomStringConvertible, Sendable {
    var category: ErrorCategory { get }
}

/// A rule of the application layer that a request broke ("the amendment does not say which
/// motion it amends"), with its category.
public struct ApplicationError: MotionKitError, Hashable {
    public var category: ErrorCategory
    public var message: String

    public init(_ category: ErrorCategory, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { message }
}

extension MotionReadError: MotionKitError {
    public var category: ErrorCategory {
        switch reason {
        case .notFound: .missingInput
        case .unreadable: .io
        case .tooLarge, .notUTF8, .nulByte, .frontMatter, .badField, .noTitle, .tooDeep: .badData
        }
    }
}

extension StoreError: MotionKitError {
    public var category: ErrorCategory {
        switch reason {
        case .noWorkspace, .unknownMotion, .unknownRevision, .unknownTag, .notFound: .missingInput
        case .malformedReference, .invalidArgument, .badWorkingFile: .usage
        case .unsavedChanges, .readOnly, .alreadyExists: .cannotCreate
        case .damaged: .badData
        case .diskFull, .io: .io
        case .unavailable: .unavailable
        case .refused: .conflict
        }
    }
}

extension ResourceError: MotionKitError {
    public var category: ErrorCategory { .badData }
}

extension FileError: MotionKitError {
    /// A file that is missing is missing input when read, and output that cannot be made when
    /// written (its folder is missing).
    public var category: ErrorCategory {
        guard isMissing else { return .io }
        return access == .write ? .cannotCreate : .missingInput
    }
}

extension AmendmentError: MotionKitError {
    /// Wording that cannot be read or applied, including two of its own instructions that
    /// clash. (Amendments that clash with each other are a conflict of the merge, not of one
    /// amendment: ``MergeAmendments`` reports those.)
    public var category: ErrorCategory { .badData }
}

extension GlossaryProblem: MotionKitError {
    public var category: ErrorCategory { .badData }
}

extension BranchPaper.TemplateError: MotionKitError {
    public var category: ErrorCategory { .badData }
}
