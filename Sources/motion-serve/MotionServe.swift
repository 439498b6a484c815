import ArgumentParser
import Foundation
import Logging
import MotionKit
import MotionPostgres
import MotionWeb

/// The web server and its accounts, run by `motion serve` and `motion user`: its own
/// executable, so that the command line never links a server and starts as fast as it did.
///
/// The entry point is synchronous: an async one ends in dispatch_main, whose thread exit makes
/// a static binary's unwinder sort every frame record, about 60 ms on each start (measured);
/// `motion user` need not pay that. Only the server goes on to dispatch_main.
@main
enum MotionServeMain {
    static func main() {
        PostgresStore.register()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "user" {
            MotionAccounts.main(arguments)
            exit(0)
        }
        // The server needs the main queue served (its signal handling runs there): hand this
        // thread to Dispatch, as an async entry point would, and end when the server does.
        Task {
            await MotionServe.main(arguments)
            exit(0)
        }
        dispatchMain()
    }
}

struct MotionServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motion",
        abstract: "The web front-end of motion: run as 'motion serve' and 'motion user'.",
        subcommands: [ServeCommand.self, UserCommand.self])
}

/// `motion user`, without the server's asynchronous machinery.
struct MotionAccounts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motion",
        abstract: "The accounts of motion serve: run as 'motion user'.",
        subcommands: [UserCommand.self])
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the agenda, the motions, drafting and the office's work as web pages, and a JSON API.",
        discussion: """
            Run in a workspace: the pages show its store; accounts (motion user add) are in \
            .motion/accounts.sqlite beside it, or in the database of a PostgreSQL store, which \
            several servers may share. It prints its URL, logs one line per request on \
            stderr, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM. It listens on 127.0.0.1 only \
            unless --bind says otherwise: to serve other machines, put it behind a proxy that \
            speaks HTTPS, since passwords cross the network. Page templates come from \
            templates/web/, which a workspace may replace. The JSON API is described at \
            /api/openapi.json.

            Examples:
              motion serve
              motion serve --port 8090 --public-read    # anyone may read; writes need a login
              motion serve --bind 0.0.0.0 --port 80     # reachable from other machines
            """)

    @Option(help: "The address to listen on.")
    var bind = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The store to use instead of the workspace's .motion/store.sqlite: a file or a PostgreSQL address (also MOTION_STORE).", valueName: "store"))
    var store: String?

    @Flag(help: "Let anyone read the agenda and the motions without logging in.")
    var publicRead = false

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
            server = try WebServer(context: context, host: bind, port: port, publicRead: publicRead)
        } catch {
            FileHandle.standardError.write(Data("motion: error: \(error)\n".utf8))
            throw ExitCode(65)
        }
        try await server.run(logger: logger) { url in
            // Written at once, unbuffered: a script waiting for the URL gets it now.
            FileHandle.standardOutput.write(Data("motion serve: \(url) (Ctrl-C stops it)\n".utf8))
        }
    }
}
