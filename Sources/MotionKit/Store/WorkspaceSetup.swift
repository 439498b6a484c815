/// Makes a workspace: `.motion/store.sqlite`, `motions/`, and the default `templates/` and
/// `glossary/` where absent, so a branch can edit its own copies.
public enum WorkspaceSetup {
    public struct Result: Sendable {
        public var workspace: Workspace
        public var created: [String]
        public var alreadyExisted: Bool
    }

    /// With `store`, the store is made there (a file, or a PostgreSQL database that exists and
    /// is empty) instead of in `.motion/store.sqlite`; commands name it with --store or MOTION_STORE.
    public static func initialize(at root: String, store: String? = nil) throws -> Result {
        let workspace = Workspace(root: root, storePath: store)
        try FileIO.createDirectory("\(root)/.motion")
        var created: [String] = []
        let alreadyExisted: Bool
        if PostgresLocation.isAddress(workspace.storePath) {
            // No store there yet is the only failure that making one can mend.
            let existing: (any RevisionStore)?
            switch Swift.Result(catching: { () throws(StoreError) in try RevisionStores.open(workspace.storePath) }) {
            case .success(let store): existing = store
            case .failure(let error) where error.reason == .noWorkspace: existing = nil
            case .failure(let error): throw error
            }
            let opened = try existing ?? RevisionStores.open(workspace.storePath, create: true)
            alreadyExisted = existing != nil
            if !alreadyExisted { created.append("the store in \(opened.location)") }
        } else {
            alreadyExisted = FileIO.fileExists(workspace.storePath)
            _ = try RevisionStores.open(workspace.storePath, create: true)
            if !alreadyExisted { created.append(store ?? Workspace.storeRelativePath) }
        }
        if !FileIO.isDirectory(workspace.motionsFolder) {
            try FileIO.createDirectory(workspace.motionsFolder)
            created.append("motions/")
        }
        if !FileIO.fileExists(workspace.configPath) {
            try FileIO.writeAtomically("""
                # Settings for this workspace.
                # author: the name recorded on revisions (MOTION_AUTHOR and --author override it).
                # author: Jo Bloggs, Northern Region

                """, to: workspace.configPath, overwrite: false)
            created.append(Workspace.configRelativePath)
        }
        // The built-in templates and glossary, file by file: a branch's own edits are never replaced.
        // The web pages are the server's own and change with it: a copy here would keep a
        // workspace on this version's pages for good, so a branch copies in only those it changes.
        for (relativePath, text) in BuiltinFiles.files.sorted(by: { $0.key < $1.key }) where !relativePath.hasPrefix("templates/web/") {
            let path = "\(root)/\(relativePath)"
            guard !FileIO.fileExists(path) else { continue }
            try FileIO.createDirectory(FileIO.parentDirectory(of: path))
            try FileIO.writeAtomically(text, to: path, overwrite: false)
            created.append(relativePath)
        }
        return Result(workspace: workspace, created: created, alreadyExisted: alreadyExisted)
    }
}
