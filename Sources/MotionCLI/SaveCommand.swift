import ArgumentParser
import MotionKit

struct SaveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Record a revision of each changed working file.",
        discussion: """
            With no FILE, saves every changed file in motions/. An unchanged file makes no \
            revision. Prints ID@N for each revision made. The author comes from --author, then \
            MOTION_AUTHOR, then 'author:' in .motion/config.yaml, then your login name.

            Examples:
              motion save -m "Agreed at the branch meeting"
              motion save motions/health-2026-lxp-recognition.md --author "Sam Patel"
            """)

    @Argument(help: "Working files in motions/, or their ids (default: all of them).")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "What changed and why.")
    var message: String = ""

    @Option(help: "Who made the change.")
    var author: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let outcome = try storeOptions.context.save(files, author: author, message: message)
        for note in outcome.notes { Terminal.note(note) }
        for (path, result) in outcome.files {
            switch result {
            case .success(let revision?): print(revision.reference)
            case .success(nil): break
            case .failure(let error):
                let message = ErrorReport.text(error)
                Terminal.error(message.contains(path) ? message : "\(path): \(message)")
            }
        }
        if outcome.saved.isEmpty, outcome.failures.isEmpty { Terminal.error("nothing to save: every file is unchanged") }
        if let first = outcome.failures.first { throw ExitCode(ErrorReport.status(first.error)) }
    }
}
