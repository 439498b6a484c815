import CMalloc
import MotionKit

/// The most frequent, well-formed invocations, read without ArgumentParser.
///
/// ArgumentParser builds its command tree by reflection; in a static binary every first
/// protocol-conformance check scans the whole conformance table, which costs about 9 million
/// instructions (2 to 3 ms) at start-up: more than a whole word diff of a motion. The fast path
/// reads `motion --version`, `motion check` and `motion diff` with the options they document and
/// gives up, handing over to ArgumentParser, on anything else: help, a short option, an unknown
/// or malformed one. So messages and help stay ArgumentParser's, and a test runs every supported
/// form both ways (MOTION_NO_FAST_PATH=1).
enum FastPath {
    enum Request {
        case version
        case check(CheckRequest)
        case diff(DiffRequest)

        func run() throws {
            switch self {
            case .version: Output.write(MotionKitVersion.string + "\n")
            case .check(let request): try request.run()
            case .diff(let request): try request.run()
            }
        }
    }

    /// A fast-path command runs for milliseconds and exits, so memory it frees is best kept for
    /// its next allocation. By default glibc maps blocks of 128 KiB and more on their own and
    /// unmaps them when freed, and gives the heap's top back once 128 KiB of it is free: a diff
    /// that makes and drops its tables then faults the same pages in again, at about 1.5 µs a
    /// page fault here, more than the work done on most pages.
    static func keepFreedMemory() {
        mallopt(M_MMAP_THRESHOLD, 32 << 20)  // glibc's largest; bigger blocks are still mapped
        mallopt(M_TRIM_THRESHOLD, 1 << 30)
    }

    static func request(from arguments: [String]) -> Request? {
        guard arguments.count >= 2 else { return nil }
        switch arguments[1] {
        case "--version" where arguments.count == 2: return .version
        case "check": return check(arguments)
        case "diff": return diff(arguments)
        default: return nil
        }
    }

    /// `check [--json] [--summary] [FILE...]`.
    static func check(_ arguments: [String]) -> Request? {
        var request = CheckRequest()
        for argument in arguments.dropFirst(2) {
            switch argument {
            case "--json": request.json = true
            case "--summary": request.summary = true
            default:
                guard !argument.hasPrefix("-") else { return nil }
                request.files.append(argument)
            }
        }
        return .check(request)
    }

    /// `diff A [B]` with `--format`, `--context`, `--stat`, `--exit-code`, `--ignore-typography`,
    /// `--width` and `--store`.
    static func diff(_ arguments: [String]) -> Request? {
        guard arguments.count >= 3 else { return nil }
        var positional: [String] = []
        var request = DiffRequest(old: "")
        var index = 2
        func value(_ argument: String) -> String? {
            if let equals = argument.utf8.firstIndex(of: UInt8(ascii: "=")) {
                return String(argument[argument.utf8.index(after: equals)...])
            }
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.utf8.firstIndex(of: UInt8(ascii: "=")).map { String(argument[..<$0]) } ?? argument
            let hasValue = name.utf8.count != argument.utf8.count
            switch name {
            case "--format":
                guard let raw = value(argument), let format = DiffCommand.Format(rawValue: raw) else { return nil }
                request.format = format
            case "--context":
                guard let raw = value(argument), raw == "all" || Int(raw).map({ $0 >= 0 }) == true else { return nil }
                request.context = raw
            case "--width":
                // Anything out of range falls back to ArgumentParser, which says what is wrong.
                guard let raw = value(argument), let width = Int(raw), width >= 20 else { return nil }
                request.width = width
            case "--store":
                guard let raw = value(argument) else { return nil }
                request.store = raw
            case "--stat" where !hasValue: request.stat = true
            case "--exit-code" where !hasValue: request.exitCode = true
            case "--ignore-typography" where !hasValue: request.ignoreTypography = true
            default:
                guard !argument.hasPrefix("-") else { return nil }
                positional.append(argument)
            }
            index += 1
        }
        guard (1...2).contains(positional.count) else { return nil }
        request.old = positional[0]
        request.new = positional.count == 2 ? positional[1] : nil
        return .diff(request)
    }
}
