import Foundation
import Testing
@testable import MotionKit

/// The built-in profiles compiled in already read (BuiltinProfiles): each must be what reading
/// its YAML gives, and must never stand in for any other text or file.
@Suite struct BuiltinProfilesTests {
    static let generatedPath = "Sources/MotionKit/Resources/BuiltinProfileFiles.generated.swift"

    /// With MOTION_UPDATE_GENERATED=1 the test writes the file afresh instead of failing.
    @Test func preReadCopiesAreCurrent() throws {
        #expect(try TestSupport.generatedFileIsCurrent(Self.generatedPath, expected: BuiltinProfiles.generatedSource()),
                "\(Self.generatedPath) is out of date: MOTION_UPDATE_GENERATED=1 swift test --filter BuiltinProfilesTests, then build again")
        #expect(BuiltinProfileFiles.all.count == BuiltinFiles.paths.filter { $0.hasPrefix("templates/profiles/") }.count)
    }

    /// Wherever the file is found, its copy gives what reading its YAML gives.
    @Test func preReadCopiesReadAsTheYAMLDoes() throws {
        for path in BuiltinFiles.paths where path.hasPrefix("templates/profiles/") && path.hasSuffix(".yaml") {
            let text = BuiltinFiles.text(at: path)!
            for place in ["(built in) \(path)", "/some/workspace/\(path)"] {
                let preRead = try #require(BuiltinProfiles.profile(text: text, path: place))
                #expect(preRead == (try ConferenceProfile.read(yaml: text, path: place)), "\(place)")
                #expect(preRead == (try ConferenceProfile(yaml: text, path: place)))
            }
        }
    }

    /// An edited profile, or a built-in text in a file of another name (which may name the
    /// profile), is read from its YAML.
    @Test func anyOtherTextOrFileIsReadFromItsYAML() throws {
        let text = BuiltinFiles.text(at: "templates/profiles/unison-health.yaml")!
        let edited = text.replacingOccurrences(of: "\nline-width: 80\n", with: "\nline-width: 66\n")
        #expect(edited != text)
        #expect(BuiltinProfiles.profile(text: edited, path: "templates/profiles/unison-health.yaml") == nil)
        #expect(try ConferenceProfile(yaml: edited, path: "templates/profiles/unison-health.yaml").lineWidth == 66)
        let generic = BuiltinFiles.text(at: "templates/profiles/generic.yaml")!
        #expect(BuiltinProfiles.profile(text: generic, path: "templates/profiles/my-conference.yaml") == nil)
        #expect(try ConferenceProfile(yaml: generic, path: "templates/profiles/my-conference.yaml")
                == ConferenceProfile.read(yaml: generic, path: "templates/profiles/my-conference.yaml"))
    }
}
