import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MotionKit

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
