import ArgumentParser
import MotionKit
#if canImport(Glibc)
import Glibc
#endif

/// sysexits codes, as DESIGN.md's conventions ask, and the one place an error's category
/// becomes one.
enum ExitStatus {
    static let findings: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74

    static func code(for category: ErrorCategory) -> Int32 {
        switch category {
        case .usage: usage
        case .badData: dataError
        case .missingInput: noInput
        // As git merge does: the merge stopped on what it found, like findings.
        case .conflict: findings
        case .cannotCreate: cannotCreate
        case .io: ioError
        case .unavailable: unavailable
        }
    }
}

/// How the CLI reports an error of the library: its message on stderr as
/// `motion: error: ...` (or as the error places itself, `file:line: error: ...`), its exit code.
enum ErrorReport {
    /// The error's own words.
    static func text(_ error: any Error) -> String {
        (error as? any MotionKitError)?.description ?? "\(error)"
    }

    static func message(_ error: any Error) -> String {
        let text = text(error)
        return text.contains(": error: ") ? text : "motion: error: \(text)"
    }

    static func status(_ error: any Error) -> Int32 {
        (error as? any MotionKitError).map { ExitStatus.code(for: $0.category) } ?? ExitStatus.ioError
    }

    static func exit(_ error: any Error) -> Never {
        Terminal.error(message(error))
        Glibc.exit(status(error))
    }
}

enum Terminal {
    static func error(_ line: String) {
        // Data printed before the message reaches stdout first, even when both go to one pipe.
        fflush(nil)
        // Messages quote files and stores: their control characters are shown, never obeyed.
        var text = TerminalText.escaped(line)
        if !text.hasSuffix("\n") { text += "\n" }
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    static func note(_ text: String) { error("motion: note: \(text)") }
    static func warning(_ text: String) { error("motion: warning: \(text)") }
}

/// What commands print on stdout.
enum Output {
    /// A report (log, list, status, fsck, check's findings): what it quotes from motions and the
    /// store has its control characters shown as escapes, wherever it goes.
    static func report(_ text: String, terminator: String = "\n") {
        write(TerminalText.escaped(text) + terminator)
    }

    /// A document's own text (show, export to stdout): exact when piped or redirected, so it can
    /// be saved as it is; with control characters shown as escapes on a terminal.
    static func document(_ text: String) {
        write(isatty(STDOUT_FILENO) != 0 ? TerminalText.escaped(text) : text)
    }

    /// Text to stdout as it is, straight to the file descriptor after anything `print` left
    /// buffered. (`print` asks at run time whether its argument is TextOutputStreamable: on
    /// first use, a scan of the whole conformance table.) A failed write is an I/O error, said
    /// once, so a full disk never leaves a silently short file.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(utf8: $0) }
    }

    static func write(utf8: [UInt8]) {
        utf8.withUnsafeBufferPointer { write(utf8: $0) }
    }

    private static func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        fflush(nil)
        let failure: Int32? = {
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }()
        if let failure {
            Terminal.error("motion: error: cannot write the output: \(String(cString: strerror(failure)))")
            Glibc.exit(ExitStatus.ioError)
        }
    }
}

/// What a command made that can live until the process ends. Freeing a diff's thousands of
/// strings and arrays one by one costs about a tenth of a small diff, and the process ends
/// right after; so, as git does with UNLEAK, the fast path's results are kept, not freed.
enum UntilExit {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: Any...) {
        kept.append(contentsOf: values)
    }
}
