import Foundation
import MotionDiff
import Testing
@testable import MotionKit

@Suite struct DiffCommandTests {
    static let lxp = TestSupport.exampleMotionPaths.first { $0.contains("lxp") }!

    /// The example LXP motion and an edited copy: words changed, a point moved, one added.
    static func pair() throws -> (dir: String, a: String, b: String) {
        let dir = try TestSupport.temporaryDirectory()
        let text = try TestSupport.read(lxp)
        var lines = text.components(separatedBy: "\n")
        let two = lines.firstIndex { $0.hasPrefix("2. ") }!
        let moved = lines.remove(at: two)
        let last = lines.lastIndex { $0.range(of: #"^\d+\. "#, options: .regularExpression) != nil }!
        lines.insert(moved, at: last + 1)
        lines.insert("7. Publish an annual report on lived experience posts.", at: last + 2)
        var edited = lines.joined(separator: "\n")
        edited = edited.replacingOccurrences(of: "peer workers,", with: "peer support workers,")
        edited = edited.replacingOccurrences(of: "Titles vary from one employer to the next", with: "Titles differ between employers")
        try TestSupport.write(text, to: "\(dir)/a.md")
        try TestSupport.write(edited, to: "\(dir)/b.md")
        return (dir, "\(dir)/a.md", "\(dir)/b.md")
    }

    /// Undoes the plain notation: dropping insertions gives A, dropping deletions gives B.
    static func unplain(_ text: String, keepInsertions: Bool) -> String {
        var out = text
        out = out.replacingOccurrences(of: #"(?s)\{\+(.*?)\+\}"#, with: keepInsertions ? "$1" : "", options: .regularExpression)
        out = out.replacingOccurrences(of: #"(?s)\[-(.*?)-\]"#, with: keepInsertions ? "" : "$1", options: .regularExpression)
        return out
    }

    @Test func motionDocumentRendersAsTheCanonicalMarkdown() throws {
        for path in TestSupport.exampleMotionPaths {
            let motion = try MotionReader.read(contentsOf: path).motion
            #expect(DiffInput.document(for: motion).render() == MarkdownWriter.write(motion))
        }
        var generator = MotionGenerator(seed: 77)
        for _ in 0..<300 {
            let motion = generator.motion()
            #expect(DiffInput.document(for: motion).render() == MarkdownWriter.write(motion))
        }
    }

    @Test func plainWithAllContextReconstructsBothSides() throws {
        let (dir, a, b) = try Self.pair()
        let result = try MotionProcess.run(["diff", "--format", "plain", "--context", "all", a, b], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let canonicalA = MarkdownWriter.write(try MotionReader.read(contentsOf: a).motion)
        let canonicalB = MarkdownWriter.write(try MotionReader.read(contentsOf: b).motion)
        // Dropping the insertions gives A, and the deletions B, up to the points' numbers and the
        // breaks between them, which follow from the list (the output shows the new ones):
        // read back, each side is the same motion.
        func reread(_ text: String) throws -> String { MarkdownWriter.write(try MotionReader.read(text).motion) }
        #expect(try reread(Self.unplain(result.stdout, keepInsertions: false)) == canonicalA)
        #expect(Self.unplain(result.stdout, keepInsertions: true) == canonicalB)
        #expect(!result.stdout.contains(#/\[-\d+\. -\]|\{\+\d+\. \+\}/#), "a point's number alone is not a change")
        #expect(result.stdout.contains("peer {+support +}workers"))
        #expect(result.stdout.contains("Titles [-vary from one employer to the next-]{+differ between employers+}"))
    }

    @Test func proseFilesReconstructExactlyToo() throws {
        let dir = try TestSupport.temporaryDirectory()
        var random = SplitMix64(seed: 4)
        for round in 0..<15 {
            let words = ["peer", "support", "workers", "pay", "Band", "7", "lived", "experience", "the", "and", ",", "."]
            let paragraphs = (0..<5).map { _ in (0..<12).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ") }
            let a = paragraphs.joined(separator: "\n\n") + "\n"
            var edited = paragraphs
            edited[Int(random.next() % 5)] = "A wholly new paragraph about training."
            edited.swapAt(0, Int(random.next() % 5))
            let b = edited.joined(separator: "\n\n") + (round % 2 == 0 ? "\n" : "")
            try TestSupport.write(a, to: "\(dir)/a.txt")
            try TestSupport.write(b, to: "\(dir)/b.txt")
            let result = try MotionProcess.run(["diff", "--format", "plain", "--context", "all", "a.txt", "b.txt"], in: dir)
            #expect(Self.unplain(result.stdout, keepInsertions: false) == a)
            #expect(Self.unplain(result.stdout, keepInsertions: true) == b)
        }
    }

    @Test func contextTrimsToHunks() throws {
        let (dir, a, b) = try Self.pair()
        let result = try MotionProcess.run(["diff", "--format", "plain", "--context", "1", a, b], in: dir)
        #expect(result.stdout.hasPrefix("@@ -"))
        #expect(!result.stdout.contains("id: health-2026-lxp-recognition"))
        #expect(result.stdout.contains("{+support +}"))
        let none = try MotionProcess.run(["diff", "--format", "plain", a, a], in: dir)
        #expect(none.status == 0 && none.stdout.isEmpty)
    }

    @Test func criticMarkup() throws {
        let (dir, a, b) = try Self.pair()
        let result = try MotionProcess.run(["diff", "--format", "critic", a, b], in: dir)
        #expect(result.stdout.contains("{~~vary from one employer to the next~>differ between employers~~}"))
        #expect(result.stdout.contains("{++support ++}"))
        #expect(result.stdout.contains("{++\n7. Publish an annual report on lived experience posts.++}")
            || result.stdout.contains("7. Publish an annual report"))
    }

    @Test func colorOnlyWhenAskedOrOnATerminal() throws {
        let (dir, a, b) = try Self.pair()
        let piped = try MotionProcess.run(["diff", a, b], in: dir)
        #expect(!piped.stdout.contains("\u{1B}["))
        let color = try MotionProcess.run(["diff", "--format", "color", a, b], in: dir)
        #expect(color.stdout.contains("\u{1B}[32msupport \u{1B}[0m"))
        #expect(color.stdout.contains("\u{1B}[31;9m"))
    }

    @Test func sideBySideFitsTheWidth() throws {
        let (dir, a, b) = try Self.pair()
        let result = try MotionProcess.run(["diff", "--format", "side-by-side", "--width", "90", a, b], in: dir)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 90 }, "\(lines.map(\.count).max() ?? 0)")
        #expect(lines.contains { $0.contains(" | ") && $0.contains("{+support +}") })
        #expect(result.stdout.contains("(moved to point 6"))
    }

    @Test func htmlIsAStandalonePage() throws {
        let (dir, a, b) = try Self.pair()
        let result = try MotionProcess.run(["diff", "--format", "html", a, b], in: dir)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.contains("<ins>support </ins>"))
        #expect(result.stdout.contains("<del>vary from one employer to the next</del>"))
        #expect(result.stdout.contains("<table>") && result.stdout.contains("class=\"moved\""))
        #expect(!result.stdout.contains("<b>") )
    }

    /// The views a delegate reads (issue 14, item 7): moved points marked as moved in colour
    /// and CriticMarkup, as side by side does; renumbered points unchanged in every view;
    /// side by side headed by its two sides with a gap between blocks; the page a real page.
    @Test func movesShowAsMovesAndRenumberingIsNoChange() throws {
        let (dir, a, b) = try Self.pair()
        let color = try MotionProcess.run(["diff", "--format", "color", a, b], in: dir).stdout
        #expect(color.contains("\u{1B}[35m3. Produce bargaining guidance") || color.contains("\u{1B}[35m6. Produce bargaining guidance"), "\(color)")
        #expect(color.contains("\u{1B}[35;9m2. Produce bargaining guidance"), "\(color)")
        #expect(color.contains("\u{1B}[2m(moved from point 2 of Conference calls on"), "\(color)")
        let critic = try MotionProcess.run(["diff", "--format", "critic", a, b], in: dir).stdout
        #expect(critic.contains("--}{>>moved to point ") && critic.contains("++}{>>moved from point 2 of"), "\(critic)")
        for format in ["plain", "critic", "color"] {
            let output = try MotionProcess.run(["diff", "--format", format, "--context", "all", a, b], in: dir).stdout
            #expect(!output.contains(#/(\[-|\{--|\{\~\~|\u{1B}\[31;9m)\n*\d+\. (-\]|--\}|~>|\u{1B}\[0m)/#), "\(format): a point's number alone is not a change")
            #expect(output.contains("\n2. Press NHS England"), "\(format): point 3 is now point 2")
        }
        let columns = try MotionProcess.run(["diff", "--format", "side-by-side", "--width", "100", "a.md", "b.md"], in: dir).stdout
        let lines = columns.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "a.md" + String(repeating: " ", count: 48 - 4 + 3) + "b.md", "\(lines[0])")
        #expect(lines[1] == String(repeating: "=", count: 48) + "   " + String(repeating: "=", count: 48), "\(lines[1])")
        #expect(lines.contains("") && !columns.contains("\n\n\n"), "one blank line between blocks")
        let renumbered = try #require(lines.first { $0.hasPrefix("3. Press NHS England") })
        #expect(renumbered.contains("   2. Press NHS England") && !renumbered.contains(" | "), "\(renumbered)")
    }

    @Test func theHTMLViewIsARealPage() throws {
        let (dir, a, b) = try Self.pair()
        let page = try MotionProcess.run(["diff", "--format", "html", a, b], in: dir).stdout
        // Python's HTML parser reads the page: the motion's structure, no Markdown or YAML.
        let read = try TestSupport.python("""
            import sys
            from html.parser import HTMLParser
            class Reader(HTMLParser):
                def __init__(self):
                    super().__init__(); self.tags = []; self.text = []; self.motion = False
                def handle_starttag(self, tag, attrs):
                    attrs = dict(attrs)
                    if attrs.get('class') == 'motion': self.motion = True
                    if self.motion: self.tags.append(tag + ('.' + attrs['class'] if 'class' in attrs else ''))
                def handle_endtag(self, tag):
                    if tag == 'div': self.motion = False
                def handle_data(self, data):
                    if self.motion and data.strip(): self.text.append(data.strip())
            r = Reader(); r.feed(open(sys.argv[1]).read())
            print(' '.join(sorted(set(r.tags))))
            print('\\n'.join(r.text))
            """, [try { let path = "\(dir)/page.html"; try TestSupport.write(page, to: path); return path }()])
        #expect(read.status == 0)
        let lines = read.output.split(separator: "\n").map(String.init)
        for tag in ["h2.title", "dl.details", "dt", "dd", "h3", "ol.points", "li", "li.moved", "span.marker", "ins", "del", "p"] {
            #expect(lines[0].split(separator: " ").contains(Substring(tag)), "\(tag) in \(lines[0])")
        }
        let text = lines.dropFirst()
        #expect(!text.contains { $0 == "---" || $0.hasPrefix("## ") || $0.hasPrefix("id:") || $0.hasPrefix("kind:") }, "\(text.prefix(12))")
        #expect(text.contains("Recognition and reward for Lived Experience Professionals") && text.contains("Conference notes"))
        #expect(text.contains("Submitted by") && text.contains("Nursing and Midwifery Occupational Group"))
    }

    @Test func jsonCarriesPlacesAndStats() throws {
        let (dir, a, b) = try Self.pair()
        let result = try MotionProcess.run(["diff", "--format", "json", a, b], in: dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["identical"] as? Bool == false)
        let changes = try #require(object["changes"] as? [[String: Any]])
        let kinds = changes.compactMap { $0["kind"] as? String }
        #expect(kinds.contains("insertWords") && kinds.contains("replaceWords") && kinds.contains("moveBlock") && kinds.contains("insertBlock"))
        let insert = try #require(changes.first { $0["kind"] as? String == "insertWords" })
        #expect(insert["newText"] as? String == "support ")
        #expect((insert["base"] as? [String: Int])?["section"] == 1)
        #expect((insert["baseTokens"] as? [Int])?.count == 2)
        #expect((object["stats"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func statAndExitCode() throws {
        let (dir, a, b) = try Self.pair()
        let stat = try MotionProcess.run(["diff", "--stat", a, b], in: dir)
        #expect(stat.stdout.contains("Conference notes") && stat.stdout.contains("total"))
        #expect(try MotionProcess.run(["diff", "--exit-code", a, b], in: dir).status == 1)
        #expect(try MotionProcess.run(["diff", "--exit-code", a, a], in: dir).status == 0)
        #expect(try MotionProcess.run(["diff", a, b], in: dir).status == 0)
    }

    /// The stat table's columns line up in characters, whatever a heading holds.
    @Test func statColumnsAreAlignedInCharacters() throws {
        let dir = try TestSupport.temporaryDirectory()
        let heading = "Conference notes \u{1F91D}\u{1F91D}\u{1F91D}"
        let top = "---\nid: pay\ntitle: Pay\n---\n\n# Pay\n\n## \(heading)\n\n"
        try TestSupport.write(top + "Peer workers are paid less.\n", to: "\(dir)/a.md")
        try TestSupport.write(top + "Peer workers are paid far less.\n", to: "\(dir)/b.md")
        let stat = try MotionProcess.run(["diff", "--stat", "a.md", "b.md"], in: dir)
        let lines = stat.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(stat.stdout)")
        #expect(lines.contains("\(heading)  +1     -0"), "\(stat.stdout)")
        // Before, Foundation's padding counted UTF-16 units and cut the heading inside an emoji.
        #expect(lines.dropFirst().allSatisfy { $0.distance(from: $0.startIndex, to: $0.firstIndex(of: "+")!) == heading.count + 2 },
                "\(stat.stdout)")
    }

    @Test func typographyIsADifferenceUnlessIgnored() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("Members say \"pay us\" - now.\n", to: "\(dir)/a.txt")
        try TestSupport.write("Members say “pay us” — now.\n", to: "\(dir)/b.txt")
        #expect(try MotionProcess.run(["diff", "--exit-code", "a.txt", "b.txt"], in: dir).status == 1)
        #expect(try MotionProcess.run(["diff", "--exit-code", "--ignore-typography", "a.txt", "b.txt"], in: dir).status == 0)
    }

    @Test func workingFileAgainstTheLatestRevision() throws {
        let root = try StoreCommandTests.workspace()
        _ = try MotionProcess.run(["save"], in: root)
        let file = "\(root)/motions/\(StoreCommandTests.lxp).md"
        try TestSupport.write(try TestSupport.read(file).replacingOccurrences(of: "peer workers,", with: "peer support workers,"), to: file)
        let result = try MotionProcess.run(["diff", "--format", "plain", StoreCommandTests.lxp], in: root)
        #expect(result.stdout.contains("{+support +}"))
        let revisions = try MotionProcess.run(["diff", "--exit-code", "\(StoreCommandTests.lxp)@1", StoreCommandTests.lxp], in: root)
        #expect(revisions.status == 0)
        let bad = try MotionProcess.run(["diff", "nosuch"], in: root)
        #expect(bad.status == 66 && bad.stderr.contains("no motion 'nosuch'"))
        let missing = try MotionProcess.run(["diff", "a.txt", "b.txt"], in: root)
        #expect(missing.status == 66 && missing.stderr.contains("a.txt: no such file"))
        let context = try MotionProcess.run(["diff", "--context", "lots", "x.md", "y.md"], in: root)
        #expect(context.status == 64)
    }

    @Test func fastPathAndArgumentParserAgree() throws {
        let (dir, a, b) = try Self.pair()
        let forms: [[String]] = [
            ["diff", a, b], ["diff", "--format", "critic", a, b], ["diff", "--format=json", a, b], ["diff", a, b, "--stat"],
            ["diff", "--context", "all", a, b], ["diff", "--context=0", "--format", "plain", a, b], ["diff", "--exit-code", a, b],
            ["diff", "--ignore-typography", "--format", "side-by-side", "--width", "100", a, b], ["diff", "--format", "html", a, b],
            ["diff", "--format", "nope", a, b], ["diff", "--context", "x", a, b], ["diff", a], ["diff", "-h"], ["diff", a, b, "extra"],
        ]
        for form in forms {
            let fast = try MotionProcess.run(form, in: dir)
            let slow = try MotionProcess.run(form, in: dir, environment: ["MOTION_NO_FAST_PATH": "1"])
            #expect(fast.status == slow.status, "\(form)")
            #expect(fast.stdout == slow.stdout, "\(form)")
            #expect(fast.stderr == slow.stderr, "\(form)")
        }
    }

    @Test func hunksNeverSplitAChange() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("l1\n\nA paragraph\nthat is\n\nstill removed\n\nl9\n", to: "\(dir)/a.txt")
        try TestSupport.write("l1\n\nl9\n", to: "\(dir)/b.txt")
        for format in ["plain", "critic"] {
            let result = try MotionProcess.run(["diff", "--format", format, "--context", "0", "a.txt", "b.txt"], in: dir)
            for hunk in result.stdout.components(separatedBy: "@@ -").dropFirst() {
                let opens = hunk.components(separatedBy: format == "plain" ? "[-" : "{--").count
                let closes = hunk.components(separatedBy: format == "plain" ? "-]" : "--}").count
                #expect(opens == closes, "\(format): \(result.stdout)")
            }
        }
    }

    @Test func hugeNumbersAreNotACrash() throws {
        let (dir, a, b) = try Self.pair()
        let context = try MotionProcess.run(["diff", "--context", "9223372036854775807", a, b], in: dir)
        #expect(context.status == 0)
        let width = try MotionProcess.run(["diff", "--format", "side-by-side", "--width", "9223372036854775807", a, b], in: dir)
        #expect(width.status == 0)
    }

    @Test func plainFileNamesWithoutDotsAreFiles() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("old words\n", to: "\(dir)/old")
        try TestSupport.write("new words\n", to: "\(dir)/new")
        let result = try MotionProcess.run(["diff", "--format", "plain", "old", "new"], in: dir)
        #expect(result.status == 0 && result.stdout.contains("[-old-]{+new+}"), "\(result.stderr)")
    }
}
