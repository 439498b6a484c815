import Foundation
import Testing

/// The layers stay as docs/architecture.md draws them: the CLI parses options, calls the
/// application layer once and prints. It holds no store query and reaches no store, engine or
/// document writer directly, so a second front-end (the web server) gets every rule for free.
@Suite struct ArchitectureTests {
    static let cliFolder = TestSupport.packageRoot + "/Sources/MotionCLI"

    static let forbidden: [(pattern: String, why: String)] = [
        (#"import\s+GRDB"#, "the CLI does not use the database library"),
        (#"import\s+(PostgresNIO|MotionPostgres|NIO)"#, "the CLI links no PostgreSQL client (motion-pg adds it)"),
        (#"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b"#, "SQL belongs to a store implementation"),
        (#"\b(SQLiteStore|RevisionStores|History\()"#, "stores are opened by AppContext"),
        (#"\.store\(\)|\.history\(\)"#, "the CLI calls use cases, not the store"),
        (#"\b(AmendmentApplier|AmendmentMerger|AmendmentWriter|AmendmentParser|DocxWriter|DocumentBuilder|BranchPaper|MotionChecker|GlossaryLinter\()"#,
         "engines and writers are reached through the application layer"),
        (#"\bMotionReader\.read"#, "reading motions is the application layer's"),
    ]

    @Test func theCLIHoldsNoStoreQueryEngineOrDocumentAssembly() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.cliFolder).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20, "the CLI's files are where the test looks")
        var found: [String] = []
        for file in files {
            let lines = try String(contentsOfFile: "\(Self.cliFolder)/\(file)", encoding: .utf8).components(separatedBy: "\n")
            var inHelpText = false
            for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                // Help text is prose ("Check the store: SQLite's integrity ..." is not SQL):
                // multi-line strings and one-line abstracts and option help.
                if line.components(separatedBy: "\"\"\"").count == 2 { inHelpText.toggle(); continue }
                if inHelpText || line.contains("abstract:") || line.contains("help:") { continue }
                for (pattern, why) in Self.forbidden where line.range(of: pattern, options: .regularExpression) != nil {
                    found.append("Sources/MotionCLI/\(file):\(index + 1): \(why): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The check itself finds what it looks for (a test that cannot fail is no test).
    @Test func theCheckFindsAStoreQuery() {
        let line = #"        let rows = try store.read { try Row.fetchAll($0, sql: "SELECT id FROM motion") }"#
        #expect(Self.forbidden.contains { line.range(of: $0.pattern, options: .regularExpression) != nil })
        #expect(Self.forbidden.contains { "import GRDB".range(of: $0.pattern, options: .regularExpression) != nil })
    }
}
