import ArgumentParser
import MotionKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check motions against the format and their conference profile.",
        discussion: """
            Prints findings as PATH:LINE:COL: error|warning: MESSAGE. Exits 0 when there are no \
            errors, 1 when there are, 65 when a file cannot be read as a motion at all, and 66 \
            when a named file does not exist. \
            With no FILE, checks every motion in the workspace's motions/ folder.

            Examples:
              motion check motions/health-2026-lxp-recognition.md
              motion check --summary motions/*.md
              motion check --json motions/*.md
            """)

    @Argument(help: "Motion files (Markdown with front matter).")
    var files: [String] = []

    @Flag(help: "Print the findings as JSON.")
    var json = false

    @Flag(help: "After the findings, print one line per motion: id, kind, status, words, sections, findings.")
    var summary = false

    func run() throws {
        try CheckRequest(files: files, json: json, summary: summary).run()
    }
}

/// A check to make, however it was asked for: through ArgumentParser, or through the fast path
/// that spares `motion check` ArgumentParser's start-up (see FastPath).
struct CheckRequest {
    var files: [String] = []
    var json = false
    var summary = false

    func run() throws {
        let appContext = AppContext()
        let outcome = try appContext.check(files)
        defer { UntilExit.keep(appContext, outcome) }
        if let problem = outcome.glossaryProblem {
            Terminal.warning("the glossary cannot be read, so role names are not checked: \(problem)")
        }
        let reports = outcome.reports
        if json {
            Output.write(try JSONOutput.string(reports.map(\.json)) + "\n")
        } else {
            printText(reports)
        }
        if let unreadable = outcome.unreadable { throw ExitCode(ExitStatus.code(for: unreadable)) }
        if outcome.hasErrors { throw ExitCode(ExitStatus.findings) }
    }

    private func printText(_ reports: [CheckReport]) {
        var output = ""
        for report in reports {
            if let failure = report.failure { Terminal.error(failure.description) }
            for finding in report.findings { output += finding.formatted(path: report.path) + "\n" }
        }
        if summary {
            if !output.isEmpty { output += "\n" }
            output += CheckReport.summaryTable(reports)
        }
        Output.report(output, terminator: "")
        let errors = reports.reduce(0) { $0 + $1.errorCount }
        let warnings = reports.reduce(0) { $0 + $1.findings.count } - errors
        let unreadable = reports.count { $0.failure != nil }
        var line = "\(reports.count) \(reports.count == 1 ? "file" : "files") checked: \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
        if unreadable > 0 { line += ", \(unreadable) unreadable" }
        Terminal.error(line)
    }
}

extension CheckReport {
    static func summaryTable(_ reports: [CheckReport]) -> String {
        var rows = [["ID", "KIND", "STATUS", "WORDS", "SECTIONS", "ERRORS", "WARNINGS", "TITLE"]]
        for report in reports {
            guard let motion = report.document?.motion else {
                rows.append([report.path, "-", "unreadable", "-", "-", "1", "0", ""])
                continue
            }
            rows.append([motion.id, motion.metadata.kind.rawValue, motion.metadata.status.rawValue,
                         String(motion.wordCounts.body), String(motion.sections.count), String(report.errorCount),
                         String(report.findings.count - report.errorCount), motion.titleText])
        }
        return TextTable.render(rows)
    }
}
