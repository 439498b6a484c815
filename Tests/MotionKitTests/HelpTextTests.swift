import Testing

/// Help reads cleanly at 80 columns: prose wraps as paragraphs, examples are whole lines
/// (issue 14, item 8).
@Suite struct HelpTextTests {
    static let commands = ["check", "new", "diff", "init", "save", "status", "log", "show", "list", "tag", "set-status", "restore",
                           "fsck", "export-history", "import-history", "amend", "apply", "merge", "glossary", "export", "paper", "store copy",
                           "composite", "composite draft", "composite agree", "composite status"]

    @Test(arguments: commands)
    func helpFitsEightyColumns(command: String) throws {
        let help = try MotionProcess.run(command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        var inExamples = false
        for line in help.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            // The usage line is ArgumentParser's own, one line by design.
            if line.hasPrefix("USAGE:") { inExamples = false; continue }
            #expect(line.count <= 80, "\(command): \(line)")
            if line == "Examples:" { inExamples = true; continue }
            if inExamples, !line.isEmpty {
                // An example is a command line, or the indented rest of one after a '\'.
                #expect(line.hasPrefix("  motion ") || line.hasPrefix("    ") || line.hasPrefix("  cd "), "\(command): a wrapped example: \(line)")
            }
        }
    }

    @Test func theAmendExampleWritesWhereSaveTakesIt() throws {
        let help = try MotionProcess.run(["amend", "--help"])
        #expect(help.stdout.contains("-o motions/lxp-a1.md"))
    }
}
