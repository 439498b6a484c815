import ArgumentParser
import Foundation
import Logging
import MotionKit
import MotionWeb

/// The web server `motion serve` runs: its own executable, so that the command line never links
/// a server and starts as fast as it did.
@main
struct MotionServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motion serve",
        abstract: "Serve the agenda and each motion as web pages.",
        discussion: """
            Run in a workspace: the pages show its store. It prints its URL, logs one line per \
            request on stderr, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM. It listens on \
            127.0.0.1 only unless --bind says otherwise. Page templates come from \
            templates/web/, which a workspace may replace.

            Examples:
              motion serve
              motion serve --port 8090
              motion serve --bind 0.0.0.0 --port 80    # reachable from other machines
            """)

    @Option(help: "The address to listen on.")
    var bind = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The store file to use instead of the workspace's .motion/store.sqlite (also MOTION_STORE).", valueName: "path"))
    var store: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let logger: Logger = {
            var logger = Logger(label: "motion-serve")
            logger.logLevel = .info
            return logger
        }()
        let context = AppContext(storeOption: store, warn: { logger.warning("\($0)") })
        let server: WebServer
        do {
            server = try WebServer(context: context, host: bind, port: port)
        } catch {
            FileHandle.standardError.write(Data("motion: error: \((error as? any MotionKitError)?.description ?? "\(error)")\n".utf8))
            throw ExitCode(65)
        }
        try await server.run(logger: logger) { url in
            // Written at once, unbuffered: a script waiting for the URL gets it now.
            FileHandle.standardOutput.write(Data("motion serve: \(url) (Ctrl-C stops it)\n".utf8))
        }
    }
}
