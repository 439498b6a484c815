import ArgumentParser
import Foundation
import MotionKit

/// `--store PATH`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store file to use instead of the workspace's .motion/store.sqlite (also MOTION_STORE).", valueName: "path"))
    var store: String?

    var location: StoreLocation { StoreLocation(store: store) }
    var environment: [String: String] { location.environment }
    func history() throws -> History { try location.history() }
}

/// Where the store is, as the command line and environment say: found lazily, so commands that
/// never touch the store (a diff of two files) never look for it.
struct StoreLocation {
    var store: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func workspace() throws -> Workspace {
        do {
            return try Workspace.locate(storeOption: store, environment: environment, from: WorkspaceLocator.currentDirectory())
        } catch {
            throw CLIFailure(error)
        }
    }

    /// The workspace and its open store.
    func history() throws -> History {
        let workspace = try workspace()
        do {
            return History(workspace: workspace, store: try Store.open(at: workspace.storePath))
        } catch {
            throw CLIFailure(error)
        }
    }
}

extension CLIFailure {
    init(_ error: StoreError) {
        let status: Int32 = switch error.reason {
        case .noWorkspace, .unknownMotion, .unknownRevision, .unknownTag, .notFound: ExitStatus.noInput
        case .malformedReference, .invalidArgument, .badWorkingFile: ExitStatus.usage
        case .unsavedChanges: ExitStatus.cannotCreate
        case .readOnly: ExitStatus.cannotCreate
        case .damaged: ExitStatus.dataError
        case .diskFull, .io: ExitStatus.ioError
        }
        self.init(error.message, status: status)
    }

    /// Any error from the library, mapped to its message and exit status.
    static func from(_ error: any Error) -> CLIFailure {
        switch error {
        case let failure as CLIFailure: return failure
        case let error as StoreError: return CLIFailure(error)
        case let error as MotionReadError: return CLIFailure(error)
        case let error as ResourceError: return CLIFailure(error)
        case let error as FileError: return CLIFailure(writing: error)
        default: return CLIFailure("\(error)", status: ExitStatus.ioError)
        }
    }
}

/// Resolves a command-line reference to text: a stored revision, or a file.
struct ResolvedReference {
    var revision: Revision?
    var text: String
    var label: String

    init(_ reference: String, history: @autoclosure () throws -> History) throws {
        let parsed: RevisionReference
        do { parsed = try RevisionReference(parsing: reference) } catch { throw CLIFailure(error) }
        switch parsed {
        case .file(let path):
            do { text = try FileIO.readText(path) } catch { throw CLIFailure(error.isMissing ? "\(path): no such file" : error.description,
                                                                              status: error.isMissing ? ExitStatus.noInput : ExitStatus.ioError) }
            label = path
        case .stored(let id, let selector):
            let history = try history()
            do {
                let revision = try history.store.revision(id, selector)
                self.revision = revision
                text = try history.store.text(of: revision)
                label = revision.reference
            } catch {
                throw CLIFailure(error)
            }
        }
    }
}

extension History {
    /// A stored revision named on the command line, without reading its text; a file name is
    /// refused with `refusal`.
    func storedRevision(_ reference: String, refusal: String) throws -> Revision {
        do {
            guard case .stored(let id, let selector) = try RevisionReference(parsing: reference) else {
                throw CLIFailure(refusal, status: ExitStatus.usage)
            }
            return try store.revision(id, selector)
        } catch let error as StoreError {
            throw CLIFailure(error)
        }
    }
}
