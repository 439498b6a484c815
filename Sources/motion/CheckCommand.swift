import ArgumentParser
import Foundation
import MotionKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check motions against the format and their conference profile.",
        discussion: """
            Prints findings as PATH:LINE:COL: error|warning: MESSAGE. Exits 0 when there are no
            errors, 1 when there are, 65 when a file cannot be read as a motion at all, and 66
            when a named file does not exist.
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
        let context = CommandContext()
        let paths = files.isEmpty ? context.workingMotionFiles() : files
        guard !paths.isEmpty else {
            throw CLIFailure("no motion files to check; name them, as in 'motion check motions/*.md'", status: ExitStatus.usage)
        }
        var checker = MotionChecker(resources: context.resources)
        do {
            checker.glossaryLinter = GlossaryLinter(glossary: try GlossarySources(workspaceRoot: context.workspaceRoot).glossary())
        } catch {
            Terminal.error("motion: warning: the glossary cannot be read, so role names are not checked: \(error)")
        }
        var reports: [CheckReport] = []
        for path in paths {
            do {
                let document = try MotionReader.read(contentsOf: path)
                reports.append(CheckReport(path: path, document: document, findings: checker.check(document)))
            } catch {
                reports.append(CheckReport(path: path, failure: error))
            }
        }
        if json {
            print(try JSONOutput.string(reports.map(\.json)))
        } else {
            printText(reports)
        }
        let failures = reports.compactMap(\.failure)
        if !failures.isEmpty {
            // Only missing files: EX_NOINPUT; anything unreadable as a motion: EX_DATAERR.
            throw ExitCode(failures.allSatisfy { $0.reason == .notFound } ? ExitStatus.noInput : ExitStatus.dataError)
        }
        if reports.contains(where: { $0.errorCount > 0 }) { throw ExitCode(ExitStatus.findings) }
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
        print(output, terminator: "")
        let errors = reports.reduce(0) { $0 + $1.errorCount }
        let warnings = reports.reduce(0) { $0 + $1.findings.count } - errors
        let unreadable = reports.count { $0.failure != nil }
        var line = "\(reports.count) \(reports.count == 1 ? "file" : "files") checked: \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
        if unreadable > 0 { line += ", \(unreadable) unreadable" }
        Terminal.error(line)
    }
}

/// The outcome of checking one file.
struct CheckReport {
    var path: String
    var document: MotionDocument?
    var findings: [Diagnostic] = []
    var failure: MotionReadError?

    init(path: String, document: MotionDocument, findings: [Diagnostic]) {
        self.path = path
        self.document = document
        self.findings = findings
    }

    init(path: String, failure: MotionReadError) {
        self.path = path
        self.failure = failure
    }

    var errorCount: Int { findings.count { $0.severity == .error } }

    struct JSON: Encodable {
        var path: String
        var id: String?
        var title: String?
        var kind: String?
        var status: String?
        var words: Int?
        var titleWords: Int?
        var readable: Bool
        var findings: [Finding]
    }

    struct Finding: Encodable {
        var severity: String
        var line: Int
        var column: Int
        var rule: String
        var message: String
    }

    var json: JSON {
        var findings = findings.map {
            Finding(severity: $0.severity.rawValue, line: $0.line, column: $0.column, rule: $0.rule, message: $0.message)
        }
        if let failure {
            findings.append(Finding(severity: "error", line: failure.line, column: failure.column, rule: "unreadable", message: failure.message))
        }
        let motion = document?.motion
        let counts = motion?.wordCounts
        return JSON(path: path, id: motion?.id, title: motion?.titleText, kind: motion?.metadata.kind.rawValue,
                    status: motion?.metadata.status.rawValue, words: counts?.body, titleWords: counts?.title,
                    readable: failure == nil, findings: findings)
    }

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
