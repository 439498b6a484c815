/// `motion diff` without ArgumentParser, for the common, well-formed invocations.
///
/// ArgumentParser builds its command tree by reflection; in a static binary every first
/// protocol-conformance check scans the whole conformance table, which costs about 3 ms at
/// start-up: more than a whole word diff of a motion. The fast path reads the same options
/// (`--format`, `--context`, `--stat`, `--exit-code`, `--ignore-typography`, `--width`,
/// `--store`, one or two versions) and gives up, handing over to ArgumentParser, on anything
/// else: help, a short option, an unknown or malformed one. So messages and help stay
/// ArgumentParser's, and a test runs every supported form both ways (MOTION_NO_FAST_PATH=1).
enum DiffFastPath {
    static func request(from arguments: [String]) -> DiffRequest? {
        guard arguments.count >= 3, arguments[1] == "diff" else { return nil }
        var positional: [String] = []
        var request = DiffRequest(old: "")
        var index = 2
        func value(_ argument: String) -> String? {
            if let equals = argument.firstIndex(of: "=") { return String(argument[argument.index(after: equals)...]) }
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
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
            case "--stat" where !argument.contains("="): request.stat = true
            case "--exit-code" where !argument.contains("="): request.exitCode = true
            case "--ignore-typography" where !argument.contains("="): request.ignoreTypography = true
            default:
                guard !argument.hasPrefix("-") else { return nil }
                positional.append(argument)
            }
            index += 1
        }
        guard (1...2).contains(positional.count) else { return nil }
        request.old = positional[0]
        request.new = positional.count == 2 ? positional[1] : nil
        return request
    }
}
