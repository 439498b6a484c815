import Foundation
import Testing
@testable import MotionKit

@Suite struct LineNumberingTests {
    @Test func wrapsGreedilyAndNumbersContinuously() throws {
        let motion = try MotionReader.read(TestSupport.motionText(body: """
            ## Conference notes

            Peer support workers are employed in every mental health trust in England and Wales today.

            ## Conference resolves

            1. To act.
            2. To report back next year with a full account of progress on pay.
            """ + "\n")).motion
        let lines = LineNumbering.lines(of: motion, width: 40)
        #expect(lines.map(\.text) == [
            "Conference notes",
            "Peer support workers are employed in",
            "every mental health trust in England and",
            "Wales today.",
            "Conference resolves",
            "1. To act.",
            "2. To report back next year with a full",
            "account of progress on pay.",
        ])
        #expect(lines.map(\.number) == Array(1...8))
        #expect(lines.allSatisfy { $0.text.count <= 40 })
        #expect(lines[2].section == 0 && lines[2].block == 0)
        #expect(lines[4].section == 1 && lines[4].block == nil)
    }

    @Test func longWordsAreCutAndTheWrapIsDeterministic() {
        #expect(LineNumbering.wrap(String(repeating: "x", count: 25), width: 10) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
        #expect(LineNumbering.wrap("", width: 10) == [""])
        #expect(LineNumbering.wrap("café naïve 👩‍⚕️ words", width: 10) == ["café naïve", "👩‍⚕️ words"])
    }

    @Test func everyExampleLineFitsItsProfileWidth() throws {
        for path in TestSupport.exampleMotionPaths {
            let motion = try MotionReader.read(contentsOf: path).motion
            let lines = LineNumbering.lines(of: motion, width: 80)
            #expect(lines.allSatisfy { $0.text.count <= 80 })
            // No words are lost or reordered by the wrap.
            let words = lines.flatMap { $0.text.split(separator: " ") }.map(String.init)
            let expected = (motion.sections.flatMap { [$0.headingText] + $0.blocks.map(\.plainText) })
                .flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(String.init)
            #expect(words.filter { !$0.hasSuffix(".") || !$0.dropLast().allSatisfy(\.isNumber) } == expected.filter { !$0.hasSuffix(".") || !$0.dropLast().allSatisfy(\.isNumber) })
        }
    }

    @Test func showPrintsThem() throws {
        let result = try MotionProcess.run(["show", "--line-numbers", TestSupport.exampleMotionPaths.first { $0.contains("lxp") }!])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == " 1  Conference notes")
        #expect(lines.allSatisfy { $0.count <= 80 + 4 })
        let narrow = try MotionProcess.run(["show", "--line-numbers", "--width", "40", TestSupport.exampleMotionPaths[0]])
        #expect(narrow.stdout.split(separator: "\n").count > lines.count / 2)
        let prose = try TestSupport.temporaryDirectory() + "/plain.txt"
        try TestSupport.write("---\nstatus: nope\n---\n# T\n", to: prose)
        let bad = try MotionProcess.run(["show", "--line-numbers", prose])
        #expect(bad.status == 65 && bad.stderr.contains("plain.txt:2"))
    }
}
