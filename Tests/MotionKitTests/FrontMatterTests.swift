import Testing
@testable import MotionKit

/// Front matter of plain `key: value` lines is read without Yams. That reader must read every
/// front matter it takes exactly as Yams does, and leave every other one to Yams.
@Suite struct FrontMatterTests {
    /// The two readings agree: the same fields, values, lines and extra fields' text.
    func same(_ plain: FrontMatter, _ yaml: FrontMatter) -> Bool {
        plain.values.count == yaml.values.count
            && plain.values.allSatisfy { key, field in yaml.values[key].map { $0 == field } ?? false }
            && plain.lists.isEmpty && yaml.lists.isEmpty && plain.records.isEmpty && yaml.records.isEmpty
            && plain.extraFields == yaml.extraFields
    }

    @Test func theExampleMotionsAndSkeletonsAreReadWithoutYams() throws {
        let paths = TestSupport.exampleMotionPaths
            + FileIO.listDirectory("\(TestSupport.packageRoot)/templates/motions").map { "\(TestSupport.packageRoot)/templates/motions/\($0)" }
        #expect(paths.count >= 5)
        for path in paths {
            let (yaml, _, _) = try FrontMatter.split(try TestSupport.read(path))
            let text = try #require(yaml, "\(path)")
            let plain = try #require(FrontMatter.parsePlain(text, firstLine: 2), "\(path)")
            #expect(same(plain, try FrontMatter.parseYAML(text, firstLine: 2)), "\(path)")
        }
    }

    @Test func plainLinesAreReadAsTheirText() throws {
        let yaml = "# drafted at the branch\nid: pay-2026\ntitle:  Pay, [banding] & C#, a plan  \nstatus:\nkind: ~\nowner: Sam\n  # still Sam's\n\n"
        let plain = try #require(FrontMatter.parsePlain(yaml, firstLine: 2))
        #expect(plain.values["id"]! == ("pay-2026", 3))
        #expect(plain.values["title"]! == ("Pay, [banding] & C#, a plan", 4))
        #expect(plain.values["status"] == nil && plain.values["kind"] == nil)
        #expect(plain.extraFields == [Motion.ExtraField(key: "owner", yaml: "owner: Sam\n  # still Sam's\n")])
        #expect(same(plain, try FrontMatter.parseYAML(yaml, firstLine: 2)))
    }

    /// What only YAML can say is left to Yams, which reads it or says what is wrong.
    @Test func anythingElseIsLeftToYams() {
        for yaml in ["title: \"Pay: a plan\"\n", "title: 'Pay'\n", "composites: [a@1, b@2]\n", "title: Pay # note\n",
                     "title: Pay and\n  conditions\n", "id: a\nid: b\n", "title: Pay\tand\n", "title: a: b\n", "title: ends:\n",
                     "title: - a\n", "title: *a\n", "- a\n", "id:a\n", "id : a\n", " id: a\n", "title: a\u{2028}b\n", "%YAML 1.1\n",
                     "agreement-override: x\n", "{id: a}\n"] {
            #expect(FrontMatter.parsePlain(yaml, firstLine: 2) == nil, "\(yaml.debugDescription)")
        }
    }

    /// Random front matters of lines YAML reads in many ways: wherever the plain reader takes
    /// one, Yams reads it the same.
    @Test func thePlainReaderReadsEveryFrontMatterAsYamsDoes() {
        var random = SplitMix64(seed: 20)
        let keys = ["id", "title", "status", "kind", "owner", "x-note", "2fa", "Title", "null", "composites", "a_b"]
        let values = ["", "Pay", "Pay and conditions", "~", "null", "NULL", "Null", "yes", "007", "2026-12-04", "a:b", "a: b",
                      "C#", "a #b", "#b", "-a", "- a", "?a", "[a]", "a, [b] {c}", "{a: b}", "\"a\"", "'a'", "a'b", "a\"b",
                      "café", "\u{301}x", "x\u{301}", "a\u{85}b", "a\u{2028}b", "\u{FEFF}a", "a\u{A0}", "\u{A0}a", "a\tb", "...",
                      "!tag", "&a", "*a", "|", ">", "%a", "@a", "`a", "a  b", "a:", ": a", "a:\u{A0}b", "\u{1F600}"]
        let others = ["", "   ", "# note", "  # note: x", "#", "  - item", "  more words", "\t", "..", "key", "  key: v"]
        var taken = 0, left = 0
        for _ in 0..<8_000 {
            var yaml = ""
            for _ in 0..<(1 + Int(random.next() % 5)) {
                if random.next() % 4 == 0 {
                    yaml += others[Int(random.next() % UInt64(others.count))] + "\n"
                } else {
                    let spaces = String(repeating: " ", count: Int(random.next() % 3))
                    let trailing = String(repeating: " ", count: Int(random.next() % 2))
                    yaml += keys[Int(random.next() % UInt64(keys.count))] + ":" + spaces
                        + values[Int(random.next() % UInt64(values.count))] + trailing + "\n"
                }
            }
            guard let plain = FrontMatter.parsePlain(yaml, firstLine: 2) else {
                left += 1
                continue
            }
            taken += 1
            let read = try? FrontMatter.parseYAML(yaml, firstLine: 2)
            #expect(read.map { same(plain, $0) } == true, "\(yaml.debugDescription)")
        }
        // Both readers are exercised.
        #expect(taken > 500 && left > 500, "taken \(taken), left \(left)")
    }

    /// The fences are found on bytes; that must find them as reading the text in characters,
    /// line by line, does (kept here as the reference).
    @Test func fencesAreFoundAsCharactersFindThem() throws {
        func reference(_ text: String) -> (yaml: String?, body: Substring, bodyLine: Int)? {
            var lineStart = text.startIndex, lineNumber = 0
            var yamlStart: String.Index?
            while lineStart < text.endIndex {
                let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
                let line = text[lineStart..<lineEnd].trimmingTrailingSpaces
                let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                lineNumber += 1
                if let start = yamlStart {
                    if line == "---" || line == "..." { return (String(text[start..<lineStart]), text[next...], lineNumber + 1) }
                } else {
                    guard line == "---" else { return (nil, text[...], 1) }
                    yamlStart = next
                }
                lineStart = next
            }
            return nil
        }
        var random = SplitMix64(seed: 23)
        let pieces = ["---", "...", "\n", "\n", "\r\n", "\r", " ", "\t", "\u{301}", "id: a", "-", ".", "é", "\u{A0}"]
        var found = 0
        for _ in 0..<6_000 {
            var text = "---"
            for _ in 0..<Int(random.next() % 9) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            if random.next() % 2 == 0 { text += ["\n---", "\n...", "\n--- \t"][Int(random.next() % 3)] }
            for _ in 0..<Int(random.next() % 4) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            guard text.hasPrefix("---") else { continue }
            let expected = reference(text)
            let split = try? FrontMatter.split(text)
            #expect(split?.yaml == expected?.yaml && split?.body == expected?.body && split?.bodyLine == expected?.bodyLine,
                    "\(text.debugDescription)")
            if expected?.yaml != nil { found += 1 }
        }
        #expect(found > 300, "\(found)")
    }
}
