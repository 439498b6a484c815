import Testing

/// A mistyped command gets the one it most likely meant (issue 14).
@Suite struct CommandSuggestionTests {
    @Test(arguments: [("stauts", "status"), ("sav", "save"), ("exprot", "export"), ("lgo", "log"), ("chek", "check"), ("Status", "status")])
    func aMistypedCommandGetsASuggestion(typed: String, meant: String) throws {
        let result = try MotionProcess.run([typed])
        #expect(result.status == 64)
        #expect(result.stderr == "motion: error: '\(typed)' is not a motion command; did you mean '\(meant)'? ('motion --help' lists them)\n", "\(result.stderr)")
    }

    @Test func aWordFarFromAnyCommandIsToldWhereTheListIs() throws {
        let result = try MotionProcess.run(["frobnicate"])
        #expect(result.status == 64 && result.stderr == "motion: error: 'frobnicate' is not a motion command; 'motion --help' lists them\n")
    }

    @Test func realCommandsAndOptionsAreUntouched() throws {
        #expect(try MotionProcess.run(["--version"]).status == 0)
        #expect(try MotionProcess.run(["help"]).status == 0)
        #expect(try MotionProcess.run(["status", "--help"]).status == 0)
    }
}
