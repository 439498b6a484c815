/// The outcome of checking one file (`motion check`).
public struct CheckReport: Sendable {
    public var path: String
    public var document: MotionDocument?
    public var findings: [Diagnostic] = []
    public var failure: MotionReadError?

    public var errorCount: Int { findings.count { $0.severity == .error } }

    /// The report as `--json` and the web API give it.
    public struct JSON: Encodable, Sendable {
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

    struct Finding: Encodable, Sendable {
        var severity: String
        var line: Int
        var column: Int
        var rule: String
        var message: String
    }

    public var json: JSON {
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
}

extension AppContext {
    /// What checking files found; `glossaryProblem` is set when the glossary could not be read,
    /// so role names were not checked.
    public struct CheckOutcome: Sendable {
        public var reports: [CheckReport]
        public var glossaryProblem: GlossaryProblem?

        /// Files that could not be read as motions at all: missing input when every one of them
        /// is missing, else bad data; nil when every file was read.
        public var unreadable: ErrorCategory? {
            let failures = reports.compactMap(\.failure)
            if failures.isEmpty { return nil }
            return failures.allSatisfy { $0.reason == .notFound } ? .missingInput : .badData
        }

        /// Whether any file has an error (not only warnings).
        public var hasErrors: Bool { reports.contains { $0.errorCount > 0 } }
    }

    /// Checks motion files (every working file when `paths` is empty) against the format, their
    /// conference profile and the glossary.
    public func check(_ paths: [String]) throws -> CheckOutcome {
        let paths = paths.isEmpty ? workingMotionFiles() : paths
        guard !paths.isEmpty else {
            throw ApplicationError(.usage, "no motion files to check; name them, as in 'motion check motions/*.md'")
        }
        var checker = MotionChecker(resources: resources)
        var problem: GlossaryProblem?
        do {
            checker.glossaryLinter = GlossaryLinter(glossary: try glossary())
        } catch {
            problem = error
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
        return CheckOutcome(reports: reports, glossaryProblem: problem)
    }
}
