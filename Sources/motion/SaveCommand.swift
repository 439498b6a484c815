import ArgumentParser
import MotionKit

struct SaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Record a revision of each changed working file.",
        discussion: """
            With no FILE, saves every changed file in motions/. An unchanged file makes no
            revision. Prints ID@N for each revision made. The author comes from --author, then
            MOTION_AUTHOR, then 'author:' in .motion/config.yaml, then your login name.

            Examples:
              motion save -m "Agreed at the branch meeting"
              motion save motions/health-2026-lxp-recognition.md --author "Sam Patel"
            """)

    @Argument(help: "Working files in motions/ (default: all of them).")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "What changed and why.")
    var message: String = ""

    @Option(help: "Who made the change.")
    var author: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let history = try storeOptions.history()
        let paths = files.isEmpty ? history.workspace.workingFiles() : files
        guard !paths.isEmpty else {
            throw CLIFailure("no working files in \(history.workspace.motionsFolder); 'motion new' starts one", status: ExitStatus.noInput)
        }
        let author = history.workspace.author(option: author, environment: storeOptions.environment)
        var failures: [CLIFailure] = []
        var saved = 0
        for path in paths {
            do {
                if let revision = try history.save(path, author: author, message: message) {
                    print(revision.reference)
                    saved += 1
                }
            } catch {
                let failure = CLIFailure.from(error)
                Terminal.error(failure.message.contains(path) ? failure.message : "\(path): \(failure.message)")
                failures.append(failure)
            }
        }
        if saved == 0, failures.isEmpty { Terminal.error("nothing to save: every file is unchanged") }
        if let first = failures.first { throw ExitCode(first.status) }
    }
}
