import Foundation
import Testing
@testable import MotionKit

@Suite struct ProfileTests {
    static let builtinNames = ["generic", "labour-contemporary", "line-numbered", "neu-conference", "tuc-congress",
                               "ucu-congress", "unison-health"]

    @Test(arguments: builtinNames)
    func builtinProfilesParse(name: String) throws {
        let library = ResourceLibrary(workspaceRoot: nil, currentDirectory: try TestSupport.temporaryDirectory())
        let profile = try library.profile(named: name)
        #expect(profile.name == name)
        #expect(profile.lineWidth >= 40)
        #expect(!profile.requiredSections.isEmpty)
    }

    @Test func sourcedLimitsAreAsPublished() throws {
        let library = ResourceLibrary(workspaceRoot: nil, currentDirectory: try TestSupport.temporaryDirectory())
        let ucu = try library.profile(named: "ucu-congress")
        #expect(ucu.motionWordLimit == 150 && ucu.titleWordLimit == 10 && ucu.amendmentWordLimit == 75)
        #expect(try library.profile(named: "neu-conference").motionWordLimit == 350)
        #expect(try library.profile(named: "line-numbered").amendmentStyle == .lines)
        #expect(try library.profile(named: "generic").motionWordLimit == nil)
    }

    @Test func builtinCopiesMatchTheRepository() throws {
        for (relativePath, text) in BuiltinFiles.files {
            #expect(try TestSupport.read("\(TestSupport.packageRoot)/\(relativePath)") == text,
                    "\(relativePath) changed: run scripts/embed-resources.py (make does it)")
        }
        let onDisk = ["templates", "glossary"].flatMap { folder in
            (FileManager.default.enumerator(atPath: "\(TestSupport.packageRoot)/\(folder)")?.allObjects as? [String] ?? [])
                .map { "\(folder)/\($0)" }
                .filter { !FileIO.isDirectory("\(TestSupport.packageRoot)/\($0)") && !FileIO.baseName(of: $0).hasPrefix(".") }
        }
        #expect(Set(onDisk) == Set(BuiltinFiles.files.keys))
        // ResourceLibrary.names(in:ext:) cuts the built-in paths on their bytes.
        #expect(BuiltinFiles.paths.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(ResourceLibrary(workspaceRoot: nil, currentDirectory: try TestSupport.temporaryDirectory())
            .names(in: "templates/profiles", ext: ".yaml") == Self.builtinNames)
    }

    @Test func workspaceCopyOverridesTheBuiltinOne() throws {
        let root = try TestSupport.temporaryDirectory()
        try TestSupport.write("name: generic\nmotion-word-limit: 42\n", to: "\(root)/templates/profiles/generic.yaml")
        let library = ResourceLibrary(workspaceRoot: root, currentDirectory: try TestSupport.temporaryDirectory())
        #expect(try library.profile(named: "generic").motionWordLimit == 42)
        #expect(try library.text("templates/profiles/generic.yaml")?.origin == .file("\(root)/templates/profiles/generic.yaml"))
        #expect(try library.text("templates/profiles/tuc-congress.yaml")?.origin == .builtin("templates/profiles/tuc-congress.yaml"))
    }

    @Test(arguments: [
        ("motion-word-limit: -3\n", 1, "positive whole number"),
        ("name: x\nline-width: 5\n", 2, "line-width"),
        ("amendment-style: prose\n", 1, "quoted or lines"),
        ("required-sections: [notes, preamble]\n", 1, "unknown section kind"),
        ("colour: red\n", 1, "unknown profile field"),
        ("[not, a, mapping]\n", 1, "key: value"),
    ])
    func badProfilesNameTheLine(yaml: String, line: Int, message: String) {
        #expect {
            _ = try ConferenceProfile(yaml: yaml, path: "bad.yaml")
        } throws: { error in
            guard let error = error as? ResourceError else { return false }
            return error.line == line && error.message.contains(message) && error.description.hasPrefix("bad.yaml:\(line):")
        }
    }

    @Test func namesThatReachOutsideTemplatesAreRefused() throws {
        let library = ResourceLibrary(workspaceRoot: nil, currentDirectory: ".")
        #expect(throws: ResourceError.self) { try library.profile(named: "../../etc/passwd") }
        #expect(throws: ResourceError.self) { try library.text("templates/../../secret") }
        #expect(!ResourceLibrary.isPlainName("../x"))
        #expect(!ResourceLibrary.isPlainName(".hidden"))
    }

    @Test(arguments: ["", "/etc/passwd", "templates/", "templates//x.md", "templates/../x.md", "..", "a/..", "a\0b",
                      "templates/motions/.."])
    func unsafeRelativePathsAreRefused(path: String) {
        #expect(throws: ResourceError.self) { try ResourceLibrary.checkSafe(path) }
    }

    @Test(arguments: ["templates/motions/basic.md", "a", "...", ".x/y", "templates/..md", "a/b.c/d"])
    func plainRelativePathsAreAllowed(path: String) throws {
        try ResourceLibrary.checkSafe(path)
    }
}
