import ArgumentParser
import Foundation
import MotionKit

/// `motion serve`: runs the web server, `motion-serve`, installed beside this program. The
/// server is its own executable so that no other command pays for linking it.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the agenda and each motion as web pages (motion-serve).",
        discussion: """
            Runs motion-serve from the folder this program is in. In a workspace, the pages show \
            its store. It prints its URL, logs one line per request on stderr and stops cleanly on \
            Ctrl-C or SIGTERM. Options: --bind ADDRESS (default 127.0.0.1: this machine only), \
            --port N (default 8080; 0 for any free port), --store PATH.

            Examples:
              motion serve
              motion serve --port 8090
            """)

    @Argument(parsing: .allUnrecognized, help: "Options for the server: --bind ADDRESS, --port N, --store PATH.")
    var arguments: [String] = []

    func run() throws {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let server = (own as NSString).deletingLastPathComponent + "/motion-serve"
        guard FileManager.default.isExecutableFile(atPath: server) else {
            Terminal.error("motion: error: the web server \(server) is not there; build it with 'make build' (it is installed beside motion)")
            throw ExitCode(69)
        }
        let argv = [server] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        execv(server, &cArgs)
        Terminal.error("motion: error: cannot run \(server): \(String(cString: strerror(errno)))")
        throw ExitCode(71)
    }
}
