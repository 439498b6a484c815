import Foundation
import Synchronization

/// Where one command (or one web request) runs, and what it opens at most once: the workspace,
/// the store, the templates and the glossary. Every use case takes one; a front-end makes one
/// per command or request and never reaches the store any other way.
public final class AppContext: Sendable {
    /// `--store` (or, in the server, its configuration); nil to use `MOTION_STORE` or the workspace's.
    public let storeOption: String?
    private let givenEnvironment: [String: String]?
    /// The folder the command runs in (absolute): where the workspace is looked for.
    public let currentDirectory: String
    private let found = Mutex<Found>(Found())
    /// Where warnings go that do not stop the command (unsaved edits left out, say): the CLI
    /// prints them on stderr, a server would show them on the page.
    private let warn: @Sendable (String) -> Void
    private let warned = Mutex<Warned>(Warned())
    /// Stored revisions read as motions, by hash (see ``storedMotion(_:)``).
    let parsedRevisions = Mutex<ParsedRevisions>(ParsedRevisions())

    /// - Parameter environment: nil for the process's own, read only when a command needs it
    ///   (building it costs more than some whole commands).
    public init(storeOption: String? = nil, environment: [String: String]? = nil,
                currentDirectory: String = WorkspaceLocator.currentDirectory(), warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.storeOption = storeOption
        givenEnvironment = environment
        self.currentDirectory = currentDirectory
        self.warn = warn
    }

    // What the context keeps, each in a struct of its own: freeing a Mutex of a tuple, a Set or
    // a Dictionary makes that type's metadata at run time, which in a static binary scans the
    // whole conformance table (about 400,000 instructions, more than some whole commands).

    /// What is looked for once and kept.
    private struct Found {
        /// Whether the root was looked for (an optional of an optional is a type made at run time).
        var rootLookedFor = false
        var root: String?
        var workspace: Workspace?
        var history: History?
    }

    private struct Warned {
        var messages: Set<String> = []
    }

    struct ParsedRevisions {
        var byHash: [String: Motion] = [:]
    }

    /// Says `message` through the front-end's warning sink, once per command.
    func warning(_ message: String) {
        guard warned.withLock({ $0.messages.insert(message).inserted }) else { return }
        warn(message)
    }

    /// `MOTION_STORE`, `MOTION_AUTHOR` and the login name come from here.
    public var environment: [String: String] { givenEnvironment ?? ProcessInfo.processInfo.environment }

    /// The workspace root above the current folder, or nil outside one (looked for once).
    public var workspaceRoot: String? {
        found.withLock { found in
            if found.rootLookedFor { return found.root }
            let root = WorkspaceLocator.findRoot(from: currentDirectory)
            found.root = root
            found.rootLookedFor = true
            return root
        }
    }

    /// Templates and profiles: the workspace's, else ./templates, else the built-in copies.
    public var resources: ResourceLibrary { ResourceLibrary(workspaceRoot: workspaceRoot, currentDirectory: ".") }

    /// The folder where working copies live: the workspace's motions/, else ./motions.
    var motionsFolder: String { Workspace(root: workspaceRoot ?? ".").motionsFolder }

    /// Every `*.md` file in the motions folder, sorted.
    func workingMotionFiles() -> [String] { Workspace(root: workspaceRoot ?? ".").workingFiles() }

    /// The workspace with the store it names: `--store`, then `MOTION_STORE`, then the nearest
    /// `.motion/` above the current folder.
    func workspace() throws(StoreError) -> Workspace {
        try found.withLock { (found) throws(StoreError) -> Workspace in
            if let workspace = found.workspace { return workspace }
            let workspace = try Workspace.locate(storeOption: storeOption, environment: environment, from: currentDirectory)
            found.workspace = workspace
            return workspace
        }
    }

    /// The workspace and its store, opened on first use and kept for the rest of the command.
    /// Front-ends reach the store only through the use cases.
    func history() throws(StoreError) -> History {
        let workspace = try workspace()
        return try found.withLock { (found) throws(StoreError) -> History in
            if let history = found.history { return history }
            let history = History(workspace: workspace, store: try RevisionStores.open(workspace.storePath))
            found.history = history
            return history
        }
    }

    /// The store, opened on first use.
    func store() throws(StoreError) -> any RevisionStore { try history().store }

    /// Who new revisions are by: `option`, then `MOTION_AUTHOR`, then the workspace's
    /// `author:`, then the login name.
    func author(_ option: String?) throws(StoreError) -> String {
        try workspace().author(option: option, environment: environment)
    }

    /// The glossary in force here: the workspace's glossary/, else ./glossary, else the built-in one.
    public func glossary() throws(GlossaryProblem) -> Glossary {
        try GlossarySources(workspaceRoot: workspaceRoot).glossary()
    }

    /// How a motion's profile numbers lines and words amendments (the defaults when it names none).
    func amendmentSettings(for motion: Motion) -> (lines: LineScheme, style: ConferenceProfile.AmendmentStyle) {
        resources.amendmentSettings(for: motion)
    }
}

extension AppContext {
    /// Where the store is: a file path or a PostgreSQL address, as given.
    public func storeLocation() throws -> String { try workspace().storePath }

    /// Tells `handler` of every change to the store, by any process, until stopped.
    public func watchStore(_ handler: @escaping @Sendable (StoreChange) -> Void) throws -> any StoreWatch {
        try store().watch(handler)
    }

    /// Whether this process can open a PostgreSQL store (motion-pg and motion-serve can).
    public static var opensPostgres: Bool { RevisionStores.canOpenPostgres }

    /// A file in the same folder as the store (`.motion/NAME` in a workspace): where a front-end
    /// keeps what belongs beside the motions but not in their history, such as accounts.
    public func fileBesideStore(_ name: String) throws -> String {
        let location = try workspace().storePath
        // A database has no folder: open it, which says plainly what it cannot do yet.
        if PostgresLocation.isAddress(location) { _ = try store() }
        return FileIO.parentDirectory(of: location) + "/" + name
    }
}

extension AppContext {
    /// Changes whenever what the store holds changes (see ``RevisionStore/version()``): a
    /// front-end that keeps results keys them by it.
    public func storeVersion() throws -> String { try store().version() }
}
