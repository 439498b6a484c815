import ArgumentParser
import MotionDiff
import MotionKit

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check, list, lint, fix and export the LXP role glossary.",
        discussion: """
            Glossaries are read from the workspace's glossary/ folder, else ./glossary, else the \
            shared glossary built into the tool. Every *.yaml file there is a layer, in name \
            order: a later file's entry for the same preferred term replaces an earlier one.

            Examples:
              motion glossary lint motions/health-2026-lxp-recognition.md
              motion glossary fix health-2026-lxp-recognition --dry-run
              motion glossary export --to tbx -o lxp-roles.tbx
            """,
        subcommands: [GlossaryCheckCommand.self, GlossaryListCommand.self, GlossaryLintCommand.self,
                      GlossaryFixCommand.self, GlossaryExportCommand.self])
}

struct GlossaryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the glossary files: errors with file and line.",
        discussion: "Finds a variant claimed by two entries, a preferred term listed as another's variant, an empty definition and an entry given twice. Exits 1 when it finds any.")

    func run() throws {
        let glossary = try AppContext().glossary()
        let problems = glossary.problems()
        for problem in problems { Output.report(problem.description) }
        Terminal.error("\(glossary.files.count) glossary file\(glossary.files.count == 1 ? "" : "s") checked, \(glossary.entries.count) entries: \(problems.isEmpty ? "no problems" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")")")
        if !problems.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}

struct GlossaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the entries in force, and the file and line each comes from.")

    func run() throws {
        let glossary = try AppContext().glossary()
        var rows = [["TERM", "VARIANTS", "FROM"]]
        for entry in glossary.entries {
            rows.append([entry.term, entry.variants.joined(separator: ", "), "\(entry.origin):\(entry.line)"])
        }
        Output.report(TextTable.render(rows), terminator: "")
    }
}

struct GlossaryLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Find non-standard role names and terms to avoid in motions.",
        discussion: """
            Case-insensitive, whole words, phrases broken across lines, singular and plural, \
            possessives and hyphenated forms; the longest match wins where variants overlap. \
            Prints path:line:col: warning: 'peer workers' -> 'peer support workers' (lxp-roles). \
            Exits 1 when it finds any. `motion check` runs the same lint.
            """)

    @Argument(help: "Motion files or stored revisions (ID, ID@N).")
    var references: [String]

    @Flag(help: "Print the findings as JSON.")
    var json = false

    @Flag(help: "Leave quoted passages alone (a person's own words).")
    var skipQuotes = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let all = try storeOptions.context.lint(references, skipQuotes: skipQuotes)
        if json {
            struct Row: Encodable { var path: String; var finding: GlossaryLinter.Finding }
            print(try JSONOutput.string(all.map { Row(path: $0.label, finding: $0.finding) }))
        } else {
            for (path, finding) in all { Output.report("\(path):\(finding.line):\(finding.column): warning: \(finding.message)") }
        }
        if !all.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}

struct GlossaryFixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Rewrite non-standard role names to the preferred terms.",
        discussion: """
            Keeps plural, possessive and capitals ("Peer Workers'" -> "Peer Support Workers'"). \
            A file is rewritten in place; a stored motion (ID) gets a new revision, and its \
            working file is updated when it held that revision. Terms to avoid are reported, not \
            replaced: they need a person's rewording. --dry-run prints the change as a diff. A motion \
            already decided (carried, lost, ...) is a record: changing it takes --force.
            """)

    @Argument(help: "A motion file, or a stored motion's ID.")
    var reference: String

    @Flag(help: "Print the change without making it.")
    var dryRun = false

    @Flag(help: "Leave quoted passages alone.")
    var skipQuotes = false

    @Flag(help: "Add the revision even when the motion has been decided (carried, lost, ...).")
    var force = false

    @Option(help: "Author of the new revision (default: as for motion save).")
    var author: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let fix = try storeOptions.context.fixTerms(reference, dryRun: dryRun, skipQuotes: skipQuotes, force: force, author: author)
        let terms = "\(fix.changes) term\(fix.changes == 1 ? "" : "s")"
        if fix.changes == 0 {
            Terminal.error("motion: \(fix.label): no role names to change")
        } else if let preview = fix.preview {
            Output.document(preview)
            Terminal.error("motion: \(terms) would change (dry run: nothing written)")
        } else if let saved = fix.saved {
            if let warning = saved.warning { Terminal.warning(warning) }
            Output.report(saved.revision.reference)
        } else {
            Terminal.error("motion: \(fix.label): \(terms) changed")
        }
    }
}

struct GlossaryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the glossary as a Markdown table, CSV or TBX-Basic.",
        discussion: "TBX-Basic (ISO 30042:2019, DCA style) imports into terminology tools; see docs/glossary.md for its structure.")

    @Option(help: "md, csv or tbx.")
    var to: GlossaryExport.Format

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        try DocumentOutput.write(GlossaryExport.render(try AppContext().glossary(), as: to), to: output, defaultName: "glossary.\(to.rawValue)")
    }
}

extension GlossaryExport.Format: ExpressibleByArgument {}
