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
            any free port), --store FILE-OR-ADDRESS, --public-read (anyone may read without logging in). \
            'motion serve --help-server' shows the server's own help.

            Examples:
              motion serve
              motion serve --port 8090 --public-read
            """)

    @Argument(parsing: .allUnrecognized, help: "Options for the server: --bind ADDRESS, --port N, --store FILE-OR-ADDRESS, --public-read.")
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
