import Foundation
import Testing
@testable import MotionKit

/// The built-in glossary compiled in already read (BuiltinGlossary): it must be what reading
/// its YAML gives, and it must never stand in for any other text.
@Suite struct BuiltinGlossaryTests {
    static let generatedPath = "Sources/MotionKit/Resources/BuiltinGlossaryFiles.generated.swift"

    /// With MOTION_UPDATE_GENERATED=1 the test writes the file afresh instead of failing.
    @Test func preReadCopyIsCurrent() throws {
        #expect(try TestSupport.generatedFileIsCurrent(Self.generatedPath, expected: BuiltinGlossary.generatedSource()),
                "\(Self.generatedPath) is out of date: MOTION_UPDATE_GENERATED=1 swift test --filter BuiltinGlossaryTests, then build again")
        #expect(!BuiltinGlossaryFiles.all.isEmpty)
    }

    /// Wherever the text is found, the copy gives what reading it there gives.
    @Test func preReadCopyReadsAsTheYAMLDoes() throws {
        for path in BuiltinFiles.paths where path.hasPrefix("glossary/") && path.hasSuffix(".yaml") {
            let text = BuiltinFiles.text(at: path)!
            for origin in ["(built in) \(path)", "/some/workspace/glossary/lxp-roles.yaml"] {
                let read = try GlossaryReader.read(text, origin: origin)
                let preRead = try #require(BuiltinGlossary.file(origin: origin, text: text))
                #expect(preRead.name == read.name && preRead.title == read.title && preRead.origin == read.origin)
                #expect(preRead.entries == read.entries)
                #expect(preRead.entries.map(\.variantLines) == read.entries.map(\.variantLines))
            }
        }
    }

    /// An edited glossary is read from its own text: one character changed is enough.
    @Test func anyOtherTextIsReadFromItsYAML() throws {
        let text = BuiltinFiles.text(at: "glossary/lxp-roles.yaml")!
        let edited = text.replacingOccurrences(of: "variants: [peer worker,", with: "variants: [peer workr,")
        #expect(edited != text)
        #expect(BuiltinGlossary.file(origin: "x.yaml", text: edited) == nil)
        let directory = try TestSupport.temporaryDirectory()
        try TestSupport.write(edited, to: "\(directory)/glossary/lxp-roles.yaml")
        let glossary = try GlossarySources(workspaceRoot: nil, currentDirectory: directory).glossary()
        #expect(glossary.entries.contains { $0.variants.contains("peer workr") })
        #expect(!glossary.entries.contains { $0.variants.contains("peer worker") })
    }
}
