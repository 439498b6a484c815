import ArgumentParser
import MotionKit
#if canImport(Glibc)
import Glibc
#endif

/// sysexits codes, as DESIGN.md's conventions ask.
enum ExitStatus {
    static let findings: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
}

/// An error for the delegate: printed on stderr as `motion: error: ...`, then the process exits.
struct CLIFailure: Error {
    var message: String
    var status: Int32

    init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    init(_ error: MotionReadError) {
        let status: Int32 = switch error.reason {
        case .notFound: ExitStatus.noInput
        case .unreadable: ExitStatus.ioError
        default: ExitStatus.dataError
        }
        self.init(error.description, status: status)
    }

    init(_ error: ResourceError) {
        self.init(error.description, status: ExitStatus.dataError)
    }

    init(writing error: FileError) {
        self.init(error.description, status: error.isMissing ? ExitStatus.cannotCreate : ExitStatus.ioError)
    }

    func report() -> Never {
        Terminal.error(message.contains(": error: ") ? message : "motion: error: \(message)")
        Glibc.exit(status)
    }
}

enum Terminal {
    static func error(_ line: String) {
        // Data printed before the message reaches stdout first, even when both go to one pipe.
        fflush(nil)
        var text = line
        if !text.hasSuffix("\n") { text += "\n" }
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
