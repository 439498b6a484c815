import Foundation

/// A motion as read from a file, with what the reader noticed on the way (normalisations that a
/// delegate should know about, such as a block quote read as a plain paragraph).
public struct MotionDocument: Sendable {
    public var motion: Motion
    var diagnostics: [Diagnostic]
    /// False when the file had no front matter and metadata was filled in with defaults.
    var hadFrontMatter: Bool
    /// The file line of each known front matter key, for findings that point at a field.
    var fieldLines: [String: Int]
    /// The text after the front matter as written, and the file line it starts on: what
    /// amendment wording is parsed from, so messages point at the delegate's own lines.
    public var body: String
    var bodyLine: Int
}

/// Reads the motion format (YAML front matter and a CommonMark body) into a ``Motion``.
///
/// Reading is lossless for what the format allows; anything else (block quotes, code blocks,
/// deeper headings, nested lists) is kept as plain text and reported as a warning.
public enum MotionReader {
    /// Reads a file. The path is used as given in messages.
    public static func read(contentsOf path: String) throws(MotionReadError) -> MotionDocument {
        let text = try SourceText.read(path).text
        do {
            return try read(text, fileName: path)
        } catch {
            throw error.located(at: path)
        }
    }

    /// Reads bytes; `fileName` supplies the default id when there is no front matter.
    public static func read(bytes: [UInt8], fileName: String? = nil) throws(MotionReadError) -> MotionDocument {
        try read(SourceText.decode(bytes), fileName: fileName)
    }

    /// Reads text; `fileName` supplies the default id when there is no front matter.
    public static func read(_ text: String, fileName: String? = nil) throws(MotionReadError) -> MotionDocument {
        try read(text, fileName: fileName, readingProvenance: false)
    }

    /// `readingProvenance` reads provenance comments whatever the kind: a composite's body
    /// read back without its front matter (as amended).
    static func read(_ text: String, fileName: String? = nil, readingProvenance: Bool) throws(MotionReadError) -> MotionDocument {
        let (yaml, body, bodyLine) = try FrontMatter.split(try SourceText.prepare(text))
        try SourceText.checkNesting(String(body), firstLine: bodyLine)
        let frontMatter = try yaml.map { (yaml) throws(MotionReadError) in try FrontMatter.parse(yaml, firstLine: 2) } ?? FrontMatter()
        let fields = frontMatter.values
        func enumField<T: RawRepresentable & CaseIterable>(_ key: String, default value: T) throws(MotionReadError) -> T
        where T.RawValue == String {
            guard let (raw, line) = fields[key] else { return value }
            guard let parsed = T(rawValue: raw.lowercased()) else {
                throw MotionReadError(.badField, line: line,
                                      "unknown \(key) '\(raw)'; use one of \(T.allowedList)")
            }
            return parsed
        }

        let kind = try enumField("kind", default: MotionKind.motion)
        let composites = try compositeSources(frontMatter.lists["composites"], kind: kind)
        let (agreements, agreementOverride) = try compositeAgreements(frontMatter.records, kind: kind)
        // Only a composite's blocks carry provenance: no other motion reads differently.
        var builder = BodyBuilder(lineOffset: bodyLine - 1, readsProvenance: kind == .composite || readingProvenance)
        builder.build(CommonMarkParser.parse(String(body)))
        var diagnostics = builder.diagnostics

        let id: String
        if let (value, line) = fields["id"] {
            guard MotionID.isValid(value) else {
                throw MotionReadError(.badField, line: line,
                                      "the id '\(value)' is not valid: use lower-case letters, digits and dashes, starting with a letter or digit (for example '\(MotionID.slug(value))')")
            }
            id = value
        } else {
            id = MotionID.slug(fileName.map(fileStem) ?? "motion")
            diagnostics.append(Diagnostic(.warning, line: 1, yaml == nil
                ? "no front matter: the id '\(id)' is taken from the file name; add '---' lines with 'id:' and 'title:' to set them"
                : "no 'id' in the front matter: the id '\(id)' is taken from the file name", rule: "front-matter"))
        }

        var metadata = Motion.Metadata(
            id: id, conference: fields["conference"]?.value, submittedBy: fields["submitted-by"]?.value,
            kind: kind, status: try enumField("status", default: MotionStatus.draft),
            profile: fields["profile"]?.value, amends: fields["amends"]?.value, composites: composites,
            extraFields: frontMatter.extraFields)
        metadata.agreements = agreements
        metadata.agreementOverride = agreementOverride

        let title: [Inline]
        switch (builder.title, fields["title"]) {
        case (let heading?, let field?):
            title = heading.content
            if heading.content.plainText != field.value {
                diagnostics.append(Diagnostic(.warning, line: field.line,
                    "the front matter title differs from the '# ' heading on line \(heading.line); the heading is used", rule: "title"))
            }
        case (let heading?, nil): title = heading.content
        case (nil, let field?): title = [.text(field.value)]
        case (nil, nil) where metadata.kind == .amendment:
            // An amendment is known by the motion it amends; its wording needs no heading.
            title = [.text("Amendment to \(metadata.amends ?? "a motion")")]
        case (nil, nil):
            throw MotionReadError(.noTitle, line: bodyLine,
                                  "the motion has no title; add a line '# Title of the motion' before the first section")
        }

        var motion = Motion(metadata: metadata, title: title.normalized, preamble: builder.preamble, sections: builder.sections)
        if metadata.kind == .amendment {
            motion.wording = AmendmentWording.normalize(AmendmentWording.afterTitle(body, hasHeading: builder.title != nil))
        }
        var fieldLines = fields.mapValues(\.line)
        for (key, list) in frontMatter.lists { fieldLines[key] = list.line }
        for (key, records) in frontMatter.records { fieldLines[key] = records.line }
        return MotionDocument(motion: motion, diagnostics: diagnostics, hadFrontMatter: yaml != nil,
                              fieldLines: fieldLines, body: String(body), bodyLine: bodyLine)
    }

    /// `agreements:` and `agreement-override:`, on a composite only, every field given.
    /// A path's last part without its extension ("drafts/Pay (v2).md" -> "Pay (v2)"), as
    /// Foundation's URL gives it. By hand: URL(fileURLWithPath:) asks the runtime for two
    /// conformances the first time, a scan of every conformance in a static binary each.
    static func fileStem(_ path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else {
            return String(name)
        }
        return String(name[..<dot])
    }

    private static func compositeAgreements(_ records: [String: (values: [[String: String]], line: Int)],
                                            kind: MotionKind) throws(MotionReadError) -> ([CompositeAgreement], AgreementOverride?) {
        // Most motions have none: sorting even no records makes the runtime build their array's type.
        if records.isEmpty { return ([], nil) }
        for (key, field) in records.sorted(by: { $0.value.line < $1.value.line }) where kind != .composite {
            throw MotionReadError(.badField, line: field.line, "'\(key)' is for a composite: add 'kind: composite', or remove '\(key)'")
        }
        func fields(_ record: [String: String], _ names: [String], of key: String, line: Int) throws(MotionReadError) -> [String] {
            if let unknown = record.keys.sorted().first(where: { !names.contains($0) }) {
                throw MotionReadError(.badField, line: line, "'\(key)' has no field '\(unknown)'; its fields are \(names.joined(separator: ", "))")
            }
            var values: [String] = []
            for name in names {
                guard let value = record[name], !value.isEmpty else {
                    throw MotionReadError(.badField, line: line, "'\(key)' needs '\(name)' in each record")
                }
                values.append(value)
            }
            return values
        }
        var agreements: [CompositeAgreement] = []
        if let field = records["agreements"] {
            for record in field.values {
                let v = try fields(record, ["for", "by", "on", "text"], of: "agreements", line: field.line)
                agreements.append(CompositeAgreement(source: v[0], by: v[1], on: v[2], text: v[3]))
            }
        }
        var agreementOverride: AgreementOverride?
        if let field = records["agreement-override"], let record = field.values.first {
            let v = try fields(record, ["by", "on", "reason"], of: "agreement-override", line: field.line)
            agreementOverride = AgreementOverride(by: v[0], on: v[1], reason: v[2])
        }
        return (agreements, agreementOverride)
    }

    /// `composites:`, each `ID` or `ID@REV`, on a composite only.
    private static func compositeSources(_ field: (values: [String], line: Int)?, kind: MotionKind) throws(MotionReadError) -> [String] {
        guard let (values, line) = field else { return [] }
        guard kind == .composite else {
            throw MotionReadError(.badField, line: line, "'composites' is for a composite: add 'kind: composite', or remove 'composites'")
        }
        for value in values {
            let parts = value.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
            guard MotionID.isValid(String(parts[0])), parts.count == 1 || Int(parts[1]).map({ $0 >= 1 }) == true else {
                throw MotionReadError(.badField, line: line, "'\(value)' in 'composites' is not a motion: write ID or ID@REVISION, such as 'motion-a@2'")
            }
        }
        return values
    }
}
