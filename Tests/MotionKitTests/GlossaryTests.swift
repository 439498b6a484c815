import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import MotionKit

/// The shared LXP glossary: its data, the matcher on tricky text, fixes, layers and exports.
@Suite struct GlossaryTests {
    static let shared = try! GlossarySources(workspaceRoot: nil, currentDirectory: "/nonexistent").glossary()
    static let linter = GlossaryLinter(glossary: shared)

    static func findings(_ text: String, skipQuotes: Bool = false) -> [String] {
        linter.lint(text, skipQuotes: skipQuotes).map { "\($0.found.split(whereSeparator: \.isWhitespace).joined(separator: " "))->\($0.suggestion)" }
    }

    @Test func theSharedGlossaryCoversTheRolesAndHasNoProblems() {
        #expect(Self.shared.problems().isEmpty, "\(Self.shared.problems())")
        let terms = Set(Self.shared.entries.map(\.term))
        for term in ["Lived Experience Professional", "Lived Experience Professions", "peer support worker", "lived experience researcher",
                     "lived experience trainer", "lived experience educator", "lived experience group facilitator",
                     "lived experience supervisor", "lived experience consultant", "lived experience lead", "expert by experience"] {
            #expect(terms.contains(term), "\(term)")
        }
        for entry in Self.shared.entries {
            #expect(!entry.definition.isEmpty && !entry.source.isEmpty, "\(entry.term)")
        }
        #expect(Self.shared.entries.first { $0.term == "Lived Experience Professional" }?.abbreviations == ["LXP"])
    }

    @Test(arguments: [
        ("Peer Workers' pay", ["Peer Workers'->Peer Support Workers'"]),
        ("PEER WORKER", ["PEER WORKER->PEER SUPPORT WORKER"]),
        ("a peer-worker role", ["peer-worker->peer support worker"]),
        ("the peer\nworkers here", ["peer workers->peer support workers"]),
        ("our peer workers’ union", ["peer workers’->peer support workers’"]),
        ("the peer worker’s pay", ["peer worker’s->peer support worker’s"]),
        ("lived experience researchers and lived experience workers", ["lived experience workers->Lived Experience Professionals"]),
        ("carer peer workers", ["carer peer workers->carer peer support workers"]),
        ("survivor researchers", ["survivor researchers->lived experience researchers"]),
        ("peer support workers are here", []),
        ("peer. Workers met", []),
        ("peer\n\nworkers", []),
        ("a peerworker or supportive peer workforce", ["peer workforce->Lived Experience Professions"]),
        ("Senior peer workers", ["Senior peer workers->Senior peer support workers"]),
    ])
    func findsVariantsInTrickyText(text: String, expected: [String]) {
        #expect(Self.findings(text) == expected)
    }

    @Test func termsToAvoidAreFoundWithTheReason() {
        let findings = Self.linter.lint("They hired a service user worker.")
        #expect(findings.count == 1)
        #expect(findings.first?.kind == .avoid)
        #expect(findings.first?.message.contains("'service user worker' is a term to avoid: names the worker by their use of services") == true)
    }

    @Test func quotedPassagesCanBeLeftAlone() {
        let text = "She calls herself a \u{201C}survivor researcher\u{201D}, and \"peer worker\" too; the peer workers agree."
        #expect(Self.findings(text, skipQuotes: true) == ["peer workers->peer support workers"])
        #expect(Self.findings(text).count == 3)
    }

    @Test func findingsSayWhereCompilerStyle() {
        let findings = Self.linter.lint("# T\n\nWe thank the\npeer workers.\n")
        #expect(findings.map { "\($0.line):\($0.column)" } == ["4:1"])
        #expect(findings.first?.message == "'peer workers' -> 'peer support workers' (lxp-roles)")
    }

    @Test func fixKeepsPluralPossessiveAndCapitals() {
        let text = "Peer Workers' pay. PEER WORKER. The peer-workers and peer\nworkers; a survivor researcher's view; a service user worker."
        let (fixed, changed) = Self.linter.fix(text)
        #expect(fixed == "Peer Support Workers' pay. PEER SUPPORT WORKER. The peer support workers and peer support workers; a lived experience researcher's view; a service user worker.")
        #expect(changed.count == 5)
        #expect(Self.linter.lint(fixed).allSatisfy { $0.kind == .avoid })
    }

    @Test func frontMatterIsLeftAlone() {
        let text = "---\nid: x\ntitle: Peer workers\n---\n\n# Peer workers\n"
        let findings = Self.linter.lint(text, from: GlossaryLinter.bodyStart(of: text))
        #expect(findings.map(\.line) == [6])
    }

    @Test func checkFindsEveryKindOfProblemWithItsLine() throws {
        let yaml = """
            glossary: bad
            title: Bad
            entries:
              - term: peer support worker
                definition: A worker.
                variants: [peer worker, lived experience lead]
              - term: lived experience lead
                definition: ""
                variants: [peer worker]
              - term: peer support worker
                definition: Again.
            """
        let glossary = Glossary(files: [try GlossaryReader.read(yaml, origin: "bad.yaml")])
        let problems = glossary.problems().map(\.description)
        #expect(problems.contains { $0.hasPrefix("bad.yaml:6: error: 'lived experience lead', a variant of 'peer support worker', is the preferred term of another entry") })
        #expect(problems.contains { $0.hasPrefix("bad.yaml:7: error: 'lived experience lead' has no definition") })
        #expect(problems.contains { $0.hasPrefix("bad.yaml:9: error: 'peer worker' is a variant of both 'peer support worker'") })
        #expect(problems.contains { $0.hasPrefix("bad.yaml:10: error: 'peer support worker' is already an entry on line 4") })
        #expect(throws: GlossaryProblem.self) { try GlossaryReader.read("entries:\n  - term: x\n    colour: red\n", origin: "x.yaml") }
    }

    @Test func laterLayersReplaceEarlierEntries() throws {
        let folder = try TestSupport.temporaryDirectory()
        try TestSupport.write(BuiltinFiles.files["glossary/lxp-roles.yaml"]!, to: "\(folder)/glossary/lxp-roles.yaml")
        try TestSupport.write("""
            glossary: our-union
            title: Our union's names
            entries:
              - term: peer support worker
                definition: Our definition.
                variants: [peer worker, peer mentor]
            """, to: "\(folder)/glossary/zz-our-union.yaml")
        let glossary = try GlossarySources(workspaceRoot: nil, currentDirectory: folder).glossary()
        let entry = try #require(glossary.entries.first { $0.term == "peer support worker" })
        #expect(entry.origin.hasSuffix("glossary/zz-our-union.yaml") && entry.glossary == "our-union")
        #expect(glossary.entries.count == Self.shared.entries.count)
        #expect(GlossaryLinter(glossary: glossary).lint("a peer mentor").first?.suggestion == "peer support worker")
    }

    @Test func csvIsRFC4180() throws {
        let csv = try GlossaryExport.render(Self.shared, as: .csv)
        #expect(csv.hasPrefix("term,definition,variants,abbreviations,avoid,related,notes,source,glossary\r\n"))
        #expect(csv.hasSuffix("\r\n"))
        #expect(csv.contains("\"Anyone employed because their own lived experience of mental distress, trauma or using services"))
        // Every row has the header's nine fields (quoted fields may hold commas).
        var fields = 1, inQuotes = false, rows: [Int] = []
        for character in csv {
            if character == "\"" { inQuotes.toggle() } else if character == ",", !inQuotes { fields += 1 } else if character == "\r\n", !inQuotes { rows.append(fields); fields = 1 }
        }
        #expect(rows.count == Self.shared.entries.count + 1 && rows.allSatisfy { $0 == 9 })
    }

    @Test func markdownIsATableRowPerEntry() throws {
        let markdown = try GlossaryExport.render(Self.shared, as: .md)
        #expect(markdown.contains("| Preferred term | Definition | Use instead of |"))
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == Self.shared.entries.count + 1)
    }

    @Test func tbxIsWellFormedTBXBasic() throws {
        var glossary = Self.shared
        // Text a terminology tool must still read: markup characters and a control character.
        var file = glossary.files[0]
        file.entries.append(GlossaryEntry(term: "R&D <lead>", definition: "Leads \"research\" ]]> & development\u{0B}.", variants: ["R&D head"],
                                          abbreviations: [], avoid: [], related: ["peer support worker"], notes: "", source: "test",
                                          origin: "test", glossary: "test", line: 1, variantLines: [1]))
        glossary = Glossary(files: [file])
        let tbx = try GlossaryExport.render(glossary, as: .tbx)
        let collector = TBXCollector()
        let parser = XMLParser(data: Data(tbx.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(tbx)")
        #expect(collector.root == "tbx" && collector.rootAttributes["type"] == "TBX-Basic" && collector.rootAttributes["style"] == "dca")
        #expect(collector.rootAttributes["xmlns"] == "urn:iso:std:iso:30042:ed-2")
        #expect(collector.count("conceptEntry") == glossary.entries.count)
        #expect(collector.terms.contains("R&D <lead>"))
        #expect(collector.text.contains("Leads \"research\" ]]> & development."))
        #expect(collector.statuses.filter { $0 == "preferredTerm-admn-sts" }.count == glossary.entries.count)
        let variants = glossary.entries.reduce(0) { $0 + $1.variants.count + $1.avoid.count }
        #expect(collector.statuses.filter { $0 == "deprecatedTerm-admn-sts" }.count == variants)
        #expect(collector.path.contains("tbx/text/body/conceptEntry/langSec/termSec/term"))
        #expect(collector.path.contains("tbx/text/body/conceptEntry/langSec/descrip"))
        #expect(collector.path.contains("tbx/tbxHeader/fileDesc/titleStmt/title"))
    }
}

/// Collects what a TBX file holds, for the tests.
final class TBXCollector: NSObject, XMLParserDelegate {
    var root = ""
    var rootAttributes: [String: String] = [:]
    var stack: [String] = []
    var path = Set<String>()
    var counts: [String: Int] = [:]
    var terms: [String] = []
    var statuses: [String] = []
    var text = ""
    private var current = ""

    func count(_ name: String) -> Int { counts[name] ?? 0 }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if stack.isEmpty { root = name; rootAttributes = attributes }
        stack.append(name)
        path.insert(stack.joined(separator: "/"))
        counts[name, default: 0] += 1
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current += string
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "term" { terms.append(current) }
        if name == "termNote", current.hasSuffix("-admn-sts") { statuses.append(current) }
        stack.removeLast()
        current = ""
    }
}
