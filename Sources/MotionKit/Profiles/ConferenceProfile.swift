import Yams

/// A conference's rules for motions: word limits, required sections, line width for numbering
/// and the amendment wording style. Read from `templates/profiles/NAME.yaml`.
public struct ConferenceProfile: Hashable, Sendable {
    public enum AmendmentStyle: String, Hashable, Sendable, CaseIterable {
        /// Locates by section, paragraph and point, quoting words (UNISON, TUC).
        case quoted
        /// Locates by computed line numbers (Antragsgrün, OpenSlides agendas).
        case lines
    }

    public var name: String
    public var description: String
    var motionWordLimit: Int?
    var amendmentWordLimit: Int?
    /// A composite's limit (conferences often give composites more words), when the profile
    /// says one (`null`: none); else the motion's applies.
    var compositeWordLimit: Int??
    var titleWordLimit: Int?
    var requiredSections: [SectionKind]
    public var lineWidth: Int
    /// Whether the title and the section headings are numbered lines; printed agendas differ.
    var numbersTitle = false
    var numbersHeadings = true
    var amendmentStyle: AmendmentStyle

    /// How this conference's agenda numbers lines.
    public var lineScheme: LineScheme { LineScheme(width: lineWidth, title: numbersTitle, headings: numbersHeadings) }

    static let defaultName = "generic"
    public static let defaultLineWidth = 80

    public init(name: String, description: String = "", motionWordLimit: Int? = nil, amendmentWordLimit: Int? = nil,
                titleWordLimit: Int? = nil, requiredSections: [SectionKind] = [.resolves],
                lineWidth: Int = ConferenceProfile.defaultLineWidth, amendmentStyle: AmendmentStyle = .quoted) {
        self.name = name
        self.description = description
        self.motionWordLimit = motionWordLimit
        self.amendmentWordLimit = amendmentWordLimit
        self.titleWordLimit = titleWordLimit
        self.requiredSections = requiredSections
        self.lineWidth = lineWidth
        self.amendmentStyle = amendmentStyle
    }

    /// A plain decimal number (no sign, no leading zero) read directly; anything else as Yams
    /// reads integers. (Yams reads every integer through Foundation's replacingOccurrences,
    /// which costs more than reading the whole profile.)
    static func wholeNumber(_ node: Node) -> Int? {
        if let scalar = node.scalar, scalar.style == .plain {
            let digits = scalar.string.utf8
            if let first = digits.first, first != UInt8(ascii: "0"), digits.count <= 9,
               digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return Int(scalar.string)
            }
        }
        return node.int
    }

    /// Every field, for the pre-read copies of the built-in profiles (BuiltinProfiles).
    init(name: String, description: String, motionWordLimit: Int?, amendmentWordLimit: Int?, compositeWordLimit: Int??,
         titleWordLimit: Int?, requiredSections: [SectionKind], lineWidth: Int, numbersTitle: Bool, numbersHeadings: Bool,
         amendmentStyle: AmendmentStyle) {
        self.init(name: name, description: description, motionWordLimit: motionWordLimit, amendmentWordLimit: amendmentWordLimit,
                  titleWordLimit: titleWordLimit, requiredSections: requiredSections, lineWidth: lineWidth, amendmentStyle: amendmentStyle)
        self.compositeWordLimit = compositeWordLimit
        self.numbersTitle = numbersTitle
        self.numbersHeadings = numbersHeadings
    }

    /// Parses a profile file; `path` names it in errors. A built-in profile's own text is not
    /// parsed again: its copy compiled in already read is used (see BuiltinProfiles).
    public init(yaml: String, path: String) throws(ResourceError) {
        if let preRead = BuiltinProfiles.profile(text: yaml, path: path) {
            self = preRead
            return
        }
        self = try Self.read(yaml: yaml, path: path)
    }

    /// Parses a profile file with Yams; `path` names it in errors.
    static func read(yaml: String, path: String) throws(ResourceError) -> ConferenceProfile {
        func fail(_ line: Int, _ message: String) -> ResourceError {
            ResourceError(path: path, line: line, message: message)
        }
        let root: Node?
        do { root = try YAMLCompose.node(yaml) } catch { throw fail(1, "not valid YAML: \(error)") }
        guard case .mapping(let mapping)? = root else { throw fail(1, "a profile is a list of 'key: value' fields") }
        var profile = ConferenceProfile(name: FileIO.baseName(of: path).replacingSuffix(".yaml"))
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = keyNode.mark?.line ?? 1
            func limit() throws(ResourceError) -> Int? {
                if value.scalar?.style == .plain, ["", "~", "null", "Null", "NULL"].contains(value.scalar?.string) { return nil }
                guard let number = Self.wholeNumber(value), number > 0 else { throw fail(line, "'\(key)' must be a positive whole number, or null for no limit") }
                return number
            }
            switch key {
            case "name": profile.name = value.string ?? profile.name
            case "description": profile.description = value.string ?? ""
            case "motion-word-limit": profile.motionWordLimit = try limit()
            case "amendment-word-limit": profile.amendmentWordLimit = try limit()
            case "composite-word-limit": profile.compositeWordLimit = .some(try limit())
            case "title-word-limit": profile.titleWordLimit = try limit()
            case "line-width":
                guard let width = Self.wholeNumber(value), (20...400).contains(width) else { throw fail(line, "'line-width' must be a whole number from 20 to 400") }
                profile.lineWidth = width
            case "number-title", "number-headings":
                guard let flag = value.bool else { throw fail(line, "'\(key)' must be true or false") }
                if key == "number-title" { profile.numbersTitle = flag } else { profile.numbersHeadings = flag }
            case "amendment-style":
                guard let style = value.string.flatMap(AmendmentStyle.init(rawValue:)) else {
                    throw fail(line, "'amendment-style' must be quoted or lines")
                }
                profile.amendmentStyle = style
            case "required-sections":
                guard case .sequence(let items) = value else { throw fail(line, "'required-sections' must be a list such as [notes, believes, resolves]") }
                profile.requiredSections = []
                for item in items {
                    guard let kind = item.string.flatMap(SectionKind.init(rawValue:)), kind != .other else {
                        throw fail(item.mark?.line ?? line, "unknown section kind '\(item.string ?? "")'; use notes, believes or resolves")
                    }
                    profile.requiredSections.append(kind)
                }
            default:
                throw fail(line, "unknown profile field '\(key)'; the fields are name, description, motion-word-limit, amendment-word-limit, composite-word-limit, title-word-limit, required-sections, line-width, number-title, number-headings and amendment-style")
            }
        }
        return profile
    }
}

extension ResourceLibrary {
    /// The named profile, from the first layer that has it.
    public func profile(named name: String) throws(ResourceError) -> ConferenceProfile {
        guard ResourceLibrary.isPlainName(name) else {
            throw ResourceError(path: name, message: "'\(name)' is not a profile name; profiles are plain names such as 'unison-health'")
        }
        guard let (text, origin) = try text("templates/profiles/\(name).yaml") else {
            throw ResourceError(path: name, message: "unknown profile '\(name)'; available: \(names(in: "templates/profiles", ext: ".yaml").joined(by: ", "))")
        }
        return try ConferenceProfile(yaml: text, path: origin.description)
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
