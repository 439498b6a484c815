import ArgumentParser
import Foundation
import MotionKit

/// `motion serve`: runs the web server, `motion-serve`, installed beside this program. The
/// server is its own executable so that no other command pays for linking it.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the agenda, the motions, drafting and the office's work as web pages (motion-serve).",
        discussion: """
            Runs motion-serve from the folder this program is in. In a workspace, the pages show \
            its store; people log in with the accounts 'motion user add' makes. It prints its URL, \
            logs one line per request on stderr and stops cleanly on Ctrl-C or SIGTERM. Options: \
            --bind ADDRESS (default 127.0.0.1: this machine only), --port N (default 8080; 0 for \
            any free port), --store PATH, --public-read (anyone may read without logging in). \
            'motion serve --help-server' shows the server's own help.

            Examples:
              motion serve
              motion serve --port 8090 --public-read
            """)

    @Argument(parsing: .allUnrecognized, help: "Options for the server: --bind ADDRESS, --port N, --store PATH, --public-read.")
    var arguments: [String] = []

    func run() throws {
        try Sibling.exec("motion-serve", ["serve"] + arguments.map { $0 == "--help-server" ? "--help" : $0 }, purpose: "the web front-end")
    }
}

/// `motion user`: the accounts of `motion serve`, kept by motion-serve.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and remove the accounts that log in to motion serve.",
        discussion: """
            motion user add NAME --role delegate|secretary|office [--branch B]   (password from stdin)
            motion user list
            motion user passwd NAME                                              (password from stdin)
            motion user remove NAME

            A delegate reads and drafts; a secretary submits amendments for their branch and \
            confirms their delegates' drafts; the office sets statuses and merges.

            Examples:
              printf '%s\\n' "$PASSWORD" | motion user add sam --role secretary --branch "Camden Branch"
              motion user list
            """)

    @Argument(parsing: .allUnrecognized, help: "add, list, passwd or remove, and their arguments.")
    var arguments: [String] = []

    func run() throws {
        try Sibling.exec("motion-serve", ["user"] + arguments, purpose: "the web front-end")
    }
}

/// Runs a program installed beside this one (motion-serve, motion-pg) in place of this process.
enum Sibling {
    static func exec(_ name: String, _ arguments: some Sequence<String>, purpose: String) throws -> Never {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let program = (own as NSString).deletingLastPathComponent + "/" + name
        guard FileManager.default.isExecutableFile(atPath: program) else {
            Terminal.error("motion: error: \(purpose) needs \(program), which is not there; build it with 'make build' (it is installed beside motion)")
            throw ExitCode(69)
        }
        var cArgs = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, &cArgs)
        Terminal.error("motion: error: cannot run \(program): \(String(cString: strerror(errno)))")
        throw ExitCode(71)
    }
}

/// Whether a command line names a PostgreSQL store (any argument, `--store=URL`, or
/// MOTION_STORE): read before parsing, so a plain command pays nothing. A false positive (a
/// message that reads `postgres://...`) only runs the same command in motion-pg.
enum PostgresHandOff {
    static func isNeeded(_ arguments: [String]) -> Bool {
        // getenv, not ProcessInfo: building Foundation's environment dictionary would cost
        // every command about two million instructions.
        arguments.dropFirst().contains { PostgresLocation.isAddress($0.hasPrefix("--store=") ? String($0.dropFirst("--store=".count)) : $0) }
            || getenv("MOTION_STORE").map { PostgresLocation.isAddress(String(cString: $0)) } ?? false
    }
}
