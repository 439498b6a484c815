import Foundation
import Testing

/// `make demo`, the README's first command, run as it is: every step of the tour must work with
/// the binary under test (it once stopped at `glossary fix` on a decided motion).
@Suite struct DemoTests {
    @Test func theDemoRunsToTheEnd() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["\(TestSupport.packageRoot)/scripts/demo.sh", MotionProcess.binary]
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        let log = try TestSupport.temporaryDirectory() + "/demo.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let output = try String(contentsOfFile: log, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(output.suffix(1500))")
        #expect(output.contains("its Word documents are in"), "\(output.suffix(500))")
    }
}
