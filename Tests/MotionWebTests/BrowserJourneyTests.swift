import Foundation
import Testing

/// The built `motion serve` end to end, from outside: Tests/web/journey.py walks a delegate's
/// amendment to a merged, downloaded motion in headless chromium (Playwright), and
/// Tests/web/api_schema.py runs schemathesis against the API's OpenAPI document. Both need what
/// scripts/test-readers.sh installs (chromium, and playwright, schemathesis and python-docx in
/// .build/test-venv); without it they fail, never skip, so CI cannot pass them unseen.
@Suite(.serialized) struct BrowserJourneyTests {
    static let packageRoot = WebPageTests.packageRoot
    static let python = "\(packageRoot)/.build/test-venv/bin/python"
    static let chromium = ProcessInfo.processInfo.environment["CHROMIUM"] ?? "/usr/bin/chromium"

    @Test(.timeLimit(.minutes(10))) func aDelegatesAmendmentIsConfirmedCarriedMergedAndDownloaded() async throws {
        try await Self.runScript("journey.py")
    }

    @Test(.timeLimit(.minutes(10))) func theAPIAnswersAsItsOpenAPIDocumentSays() async throws {
        try await Self.runScript("api_schema.py")
    }

    /// Two servers on one PostgreSQL store (the cluster `make test` starts): each sees the
    /// other's writes at once, ids stay gapless under both, and SIGKILL loses nothing acknowledged.
    @Test(.timeLimit(.minutes(10))) func twoServersShareOnePostgreSQLStore() async throws {
        try await Self.runScript("shared_store.py")
    }

    /// `motion serve` while its PostgreSQL server (a cluster of the script's own) is stopped and
    /// started: 503 saying why and that nothing was saved, then answers again by itself.
    @Test(.timeLimit(.minutes(10))) func aServerRidesOutARestartOfItsDatabase() async throws {
        try await Self.runScript("database_restart.py")
    }

    /// Runs `.build/test-venv/bin/python Tests/web/SCRIPT` with MOTION_BIN and REPO set, its
    /// output (stdout and stderr, in order) to a file; records an issue with that output unless
    /// it exits 0.
    static func runScript(_ script: String) async throws {
        try #require(readersInstalled(), """
            \(script) needs chromium at \(chromium) and playwright, schemathesis and python-docx in \
            .build/test-venv: run scripts/test-readers.sh\
            \(ProcessInfo.processInfo.environment["CI"] == "true" ? " (in CI, before the tests)" : "")
            """)
        let binary = ProcessInfo.processInfo.environment["MOTION_BIN"] ?? "\(packageRoot)/.build/debug/motion"
        let log = NSTemporaryDirectory() + "motion-\(script)-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["\(packageRoot)/Tests/web/\(script)"]
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        var environment = ProcessInfo.processInfo.environment
        environment["MOTION_BIN"] = binary
        environment["REPO"] = packageRoot
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        // Waits without holding one of the few threads the tests run on; a test past its time
        // limit is cancelled, and then the script gets SIGTERM (it stops its server and exits).
        let running = Running(process)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (finished: CheckedContinuation<Void, any Error>) in
                process.terminationHandler = { _ in finished.resume() }
                do { try process.run() } catch {
                    process.terminationHandler = nil
                    finished.resume(throwing: error)
                }
            }
        } onCancel: {
            running.terminate()
        }
        try output.close()
        let text = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: log))) ?? Data(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0,
                "\(script) exited \(process.terminationStatus)\(process.terminationReason == .uncaughtSignal ? " (signal)" : ""):\n\(text.suffix(30_000))")
    }

    /// A process that a cancellation handler, on another thread, may end.
    final class Running: @unchecked Sendable {
        private let process: Process
        init(_ process: Process) { self.process = process }
        func terminate() { if process.isRunning { process.terminate() } }
    }

    /// Chromium and the venv's packages are there (what scripts/test-readers.sh installs).
    static func readersInstalled() -> Bool {
        guard FileManager.default.isExecutableFile(atPath: chromium),
              FileManager.default.isExecutableFile(atPath: python) else { return false }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import docx, playwright.sync_api, schemathesis"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard (try? check.run()) != nil else { return false }
        check.waitUntilExit()
        return check.terminationStatus == 0
    }
}
