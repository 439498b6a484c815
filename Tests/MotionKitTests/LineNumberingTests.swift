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

/// The Word export's numbered lines: sized so that the widest computed line fits the page.
@Suite struct NumberedLineLayoutTests {
    @Test func widthsAreArialsAndAnythingElseIsAFullEm() {
        #expect(FontMetrics.width(of: "il", bold: false) == 0.444)
        #expect(FontMetrics.width(of: "WM", bold: false) == 1.777)
        #expect(FontMetrics.width(of: "a", bold: true) > FontMetrics.width(of: "i", bold: true))
        #expect(FontMetrics.width(of: "é—", bold: false) == 2)
    }

    static func motion(points: [String]) throws -> Motion {
        try MotionReader.read("---\nid: m\ntitle: T\n---\n\n# T\n\n## Conference resolves\n\n"
                              + points.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "\n") + "\n").motion
    }

    @Test func aProfileOfLongLinesGetsASmallerSizeNeverAWrap() throws {
        let prose = try Self.motion(points: [String(repeating: "a growing number of workers ", count: 12)])
        let at80 = NumberedLine.fontSize(for: NumberedLine.lines(of: prose, scheme: LineScheme(width: 80)))
        let at120 = NumberedLine.fontSize(for: NumberedLine.lines(of: prose, scheme: LineScheme(width: 120)))
        #expect(at80 == 22 && at120 < at80)
        // At the size chosen every line fits its room.
        for width in [80, 120] {
            let lines = NumberedLine.lines(of: prose, scheme: LineScheme(width: width))
            let size = Double(NumberedLine.fontSize(for: lines)) / 2
            for line in lines {
                let room = NumberedLine.pageTextWidth - Double(line.hangs ? NumberedLine.pointTextAt : NumberedLine.textAt) / 20
                #expect(FontMetrics.width(of: line.words, bold: line.bold) * size <= room)
            }
        }
        // Capitals are wider than lower case: the same count of characters gets a smaller size.
        let shouting = try Self.motion(points: [String(repeating: "WORKERS MUST ", count: 12)])
        #expect(NumberedLine.fontSize(for: NumberedLine.lines(of: shouting, scheme: LineScheme(width: 80))) < at80)
    }

    @Test func aPointsFirstLineCarriesItsNumberAndTheRestHang() throws {
        let lines = NumberedLine.lines(of: try Self.motion(points: ["Act now.", String(repeating: "word ", count: 30)]), scheme: LineScheme(width: 40))
        #expect(lines[0].bold && lines[0].marker == nil)
        #expect(lines[1].marker == "1." && lines[1].words == "Act now." && lines[1].hangs)
        #expect(lines[2].marker == "2." && lines[3].marker == nil && lines[3].hangs && lines[3].words.hasPrefix("word"))
    }
}
