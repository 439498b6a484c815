/// Checks a motion against the format's structure and its conference profile's rules.
public struct MotionChecker: Sendable {
    public let resources: ResourceLibrary
    private let profileCache = ProfileCache()
    private let skeletonCache = SkeletonCache()

    /// When set, role names are linted against the glossary (warnings, rule "glossary").
    var glossaryLinter: GlossaryLinter?

    public init(resources: ResourceLibrary, glossaryLinter: GlossaryLinter? = nil) {
        self.resources = resources
        self.glossaryLinter = glossaryLinter
    }

    /// The findings for one document, sorted by position: the reader's notes and the rules'.
    public func check(_ document: MotionDocument) -> [Diagnostic] {
        let motion = document.motion
        var findings = document.diagnostics
        let titleLine = document.fieldLines["title"] ?? 1

        let profileName = motion.metadata.profile ?? ConferenceProfile.defaultName
        let profile: ConferenceProfile
        do {
            profile = try profileCache.profile(profileName, in: resources)
        } catch {
            // The profile file itself is at fault: say where, and judge nothing by it.
            let message = error.line > 0 ? "profile '\(profileName)' cannot be used: \(error.description)" : error.message
            findings.append(Diagnostic(.error, line: document.fieldLines["profile"] ?? 1, message, rule: "profile"))
            return findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        }

        findings += leftFromSkeletons(document, titleLine: titleLine)
        let counts = motion.wordCounts
        if let limit = profile.titleWordLimit, counts.title > limit {
            findings.append(Diagnostic(.error, line: titleLine,
                "the title has \(counts.title) words; \(profile.name) allows \(limit)", rule: "title-limit"))
        }

        if motion.metadata.kind == .amendment {
            checkAmendment(document, profile: profile, counts: counts, into: &findings)
        } else {
            checkMotion(document, profile: profile, counts: counts, into: &findings)
            // Not in amendments: their quotes must match the motion's words as they stand.
            if let glossaryLinter {
                for finding in glossaryLinter.lint(document.body) {
                    findings.append(Diagnostic(.warning, line: document.bodyLine - 1 + finding.line, column: finding.column,
                                               finding.message, rule: "glossary"))
                }
            }
        }
        return findings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Sample text of a skeleton still in the motion: a warning, so that a motion never goes to a
    /// branch with "Conference name" or the amendment skeleton's sample instruction in it.
    private func leftFromSkeletons(_ document: MotionDocument, titleLine: Int) -> [Diagnostic] {
        let placeholders = skeletonCache.placeholders(in: resources)
        let motion = document.motion
        var found: [Diagnostic] = []
        let fields = [("title", motion.titleText), ("conference", motion.metadata.conference),
                      ("submitted-by", motion.metadata.submittedBy), ("amends", motion.metadata.amends)]
        for case let (key, value?) in fields where placeholders.fields.contains(value) {
            found.append(Diagnostic(.warning, line: key == "title" ? titleLine : document.fieldLines[key] ?? 1,
                "'\(key): \(value)' is a skeleton's sample text; put in your own", rule: "skeleton"))
        }
        for block in motion.preamble + motion.sections.flatMap(\.blocks) {
            let text = block.content.plainText.trimmingWhitespace
            guard placeholders.blocks.contains(text) else { continue }
            let shown = text.count > 60 ? text.prefix(57) + "..." : Substring(text)
            found.append(Diagnostic(.warning, line: block.line, "'\(shown)' is a skeleton's sample text; replace it with your own", rule: "skeleton"))
        }
        return found
    }

    private func checkAmendment(_ document: MotionDocument, profile: ConferenceProfile, counts: MotionWordCounts,
                                into findings: inout [Diagnostic]) {
        let motion = document.motion
        if motion.metadata.amends == nil {
            findings.append(Diagnostic(.error, line: 1,
                "an amendment must name the motion it amends: add 'amends: MOTION-ID' to the front matter", rule: "amends"))
        }
        if motion.preamble.isEmpty, motion.sections.isEmpty {
            findings.append(Diagnostic(.error, line: 1, "the amendment has no wording after its title", rule: "structure"))
        } else {
            // Wording the tool cannot read cannot be applied either: say so before conference does.
            do {
                _ = try AmendmentParser.parse(document.body, firstLine: document.bodyLine)
            } catch {
                findings.append(Diagnostic(.error, line: error.line ?? document.bodyLine, error.message, rule: "wording"))
            }
        }
        if let limit = profile.amendmentWordLimit, counts.body > limit {
            findings.append(Diagnostic(.error, line: motion.preamble.first?.line ?? 1,
                "the amendment has \(counts.body) words; \(profile.name) allows \(limit) for an amendment", rule: "word-limit"))
        }
    }

    private func checkMotion(_ document: MotionDocument, profile: ConferenceProfile, counts: MotionWordCounts,
                             into findings: inout [Diagnostic]) {
        let motion = document.motion
        let bodyLine = motion.preamble.first?.line ?? motion.sections.first?.line ?? 1
        if motion.sections.isEmpty {
            findings.append(Diagnostic(.error, line: bodyLine,
                "the motion has no sections; open each with a '## ' heading such as '## Conference notes'", rule: "structure"))
            return
        }
        if let first = motion.preamble.first {
            findings.append(Diagnostic(.warning, line: first.line,
                "text before the first section is not part of any section; move it under a '## ' heading", rule: "structure"))
        }

        let kinds = motion.sections.map(\.kind)
        for required in profile.requiredSections where !kinds.contains(required) {
            findings.append(Diagnostic(.error, line: motion.sections.last?.line ?? bodyLine,
                "no '\(required.rawValue)' section, which \(profile.name) requires (\(required.example))", rule: "required-section"))
        }

        var furthest = SectionKind.notes
        for section in motion.sections {
            let kind = section.kind
            if kind == .other {
                findings.append(Diagnostic(.warning, line: section.line,
                    "the heading '\(section.headingText)' does not say whether conference notes, believes or resolves", rule: "section-kind"))
                continue
            }
            if kind.order < furthest.order {
                findings.append(Diagnostic(.warning, line: section.line,
                    "'\(section.headingText)' comes after a \(furthest.rawValue) section; motions run notes, believes, resolves", rule: "section-order"))
            }
            furthest = kind.order > furthest.order ? kind : furthest
            if section.blocks.isEmpty {
                findings.append(Diagnostic(.warning, line: section.line, "the section '\(section.headingText)' is empty", rule: "structure"))
            } else if kind == .resolves, !section.blocks.contains(where: { $0.kind == .point }) {
                findings.append(Diagnostic(.warning, line: section.line,
                    "the actions under '\(section.headingText)' are not numbered points ('1. ...'); numbered points can be amended by number", rule: "points"))
            }
            for block in section.blocks where block.content.isEmpty {
                findings.append(Diagnostic(.warning, line: block.line, "an empty \(block.kind.rawValue)", rule: "structure"))
            }
        }

        if motion.metadata.kind == .composite {
            // A composite over its limit is the committee's to cut or to allow: a warning.
            if let limit = profile.compositeWordLimit ?? profile.motionWordLimit, counts.body > limit {
                findings.append(Diagnostic(.warning, line: motion.sections[0].line,
                    "the composite has \(counts.body) words; \(profile.name) allows \(limit) for a composite (cut \(counts.body - limit))", rule: "word-limit"))
            }
        } else if let limit = profile.motionWordLimit, counts.body > limit {
            findings.append(Diagnostic(.error, line: motion.sections[0].line,
                "the motion has \(counts.body) words; \(profile.name) allows \(limit) (cut \(counts.body - limit))", rule: "word-limit"))
        }
    }
}

extension SectionKind {
    var order: Int {
        switch self {
        case .notes: return 0
        case .believes: return 1
        case .resolves, .other: return 2
        }
    }

    var example: String {
        switch self {
        case .notes: return "'## Conference notes'"
        case .believes: return "'## Conference believes'"
        case .resolves: return "'## Conference resolves' or '## Conference calls on ... to:'"
        case .other: return "a '## ' heading"
        }
    }
}

/// Profiles are read once per process, however many motions name them.
final class ProfileCache: Sendable {
    /// Read profiles by name. An enum and a struct of its own rather than a Dictionary of
    /// `Result`s: `Result<_, ResourceError>` is made at run time, which asks whether
    /// ResourceError is an Error, a scan of the whole conformance table in a static binary.
    private enum Read {
        case profile(ConferenceProfile)
        case failure(ResourceError)
    }

    private struct Profiles {
        var byName: [String: Read] = [:]
    }

    private let profiles = Mutex<Profiles>(Profiles())

    func profile(_ name: String, in resources: ResourceLibrary) throws(ResourceError) -> ConferenceProfile {
        let read: Read
        if let cached = profiles.withLock({ $0.byName[name] }) {
            read = cached
        } else {
            do { read = .profile(try resources.profile(named: name)) } catch { read = .failure(error) }
            profiles.withLock { $0.byName[name] = read }
        }
        switch read {
        case .profile(let profile): return profile
        case .failure(let error): throw error
        }
    }
}

import Synchronization
