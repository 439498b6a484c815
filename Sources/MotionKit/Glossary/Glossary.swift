/// A glossary of role names: preferred terms, the variants that should become them, and terms
/// to avoid. Several files make one glossary in layers: a later file's entry for the same
/// preferred term replaces an earlier one (see glossary/lxp-roles.yaml for the format).
public struct Glossary: Sendable {
    public var files: [GlossaryFile]
    /// The entries in force, in file order, later layers having replaced earlier ones.
    public private(set) var entries: [GlossaryEntry]

    public init(files: [GlossaryFile]) {
        self.files = files
        var entries: [GlossaryEntry] = []
        var index: [String: Int] = [:]
        for file in files {
            for entry in file.entries {
                let key = GlossaryEntry.key(entry.term)
                if let existing = index[key] {
                    entries[existing] = entry
                } else {
                    index[key] = entries.count
                    entries.append(entry)
                }
            }
        }
        self.entries = entries
    }
}

public struct GlossaryFile: Sendable {
    /// The glossary's short name ("lxp-roles"), shown in findings.
    public var name: String
    public var title: String
    /// Where it was read from: a path, or "(built in) glossary/NAME.yaml".
    public var origin: String
    public var entries: [GlossaryEntry]
}

public struct GlossaryEntry: Sendable, Hashable {
    public struct Avoided: Sendable, Hashable {
        public var term: String
        public var reason: String
        public var line: Int
    }

    public var term: String
    public var definition: String
    public var variants: [String]
    var abbreviations: [String]
    public var avoid: [Avoided]
    var related: [String]
    public var notes: String
    var source: String
    /// The file it comes from (its origin) and the line of its `term:`.
    public var origin: String
    public var glossary: String
    public var line: Int
    /// The line of each variant, in order.
    var variantLines: [Int]

    /// Terms compare without case or extra spaces.
    static func key(_ term: String) -> String {
        asciiKey(term) ?? unicodeKey(term)
    }

    /// ``key(_:)`` of an ASCII term, on its bytes: what most terms are, without Unicode case
    /// mapping or a grapheme-by-grapheme split. Nil for any other term.
    static func asciiKey(_ term: String) -> String? {
        var term = term
        return term.withUTF8 { source -> String? in
            // The key is never longer than the term: a space goes in only for white space dropped.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count) { key -> String? in
                var count = 0
                var spaceBefore = false
                for byte in source {
                    guard byte < 0x80 else { return nil }
                    if ASCII.isWhitespace(byte) {
                        spaceBefore = count > 0
                        continue
                    }
                    if spaceBefore {
                        key[count] = 0x20
                        count += 1
                        spaceBefore = false
                    }
                    key[count] = ASCII.lowercased(byte)
                    count += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: key[..<count]), as: UTF8.self)
            }
        }
    }

    static func unicodeKey(_ term: String) -> String {
        term.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init).joined(by: " ")
    }
}

/// A problem in a glossary file, with where it is.
public struct GlossaryProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var origin: String
    public var line: Int
    public var message: String

    public var description: String { "\(origin):\(line): error: \(message)" }
}

extension Glossary {
    /// Problems that make the glossary ambiguous: a variant claimed by two entries, a preferred
    /// term that is another entry's variant, an empty definition, an entry given twice in one
    /// file. (Reading already refused files that are not glossaries at all.)
    public func problems() -> [GlossaryProblem] {
        var out: [GlossaryProblem] = []
        for file in files {
            var seen: [String: Int] = [:]
            for entry in file.entries {
                let key = GlossaryEntry.key(entry.term)
                if let first = seen[key] {
                    out.append(GlossaryProblem(origin: file.origin, line: entry.line,
                        message: "'\(entry.term)' is already an entry on line \(first); merge the two"))
                }
                seen[key] = seen[key] ?? entry.line
                if entry.definition.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    out.append(GlossaryProblem(origin: entry.origin, line: entry.line, message: "'\(entry.term)' has no definition; say in a sentence what the role is"))
                }
            }
            out += Self.conflicts(among: file.entries)
        }
        // Across layers, among the entries in force.
        out += Self.conflicts(among: entries)
        var unique = Set<GlossaryProblem>()
        return out.filter { unique.insert($0).inserted }.sorted { ($0.origin, $0.line, $0.message) < ($1.origin, $1.line, $1.message) }
    }

    /// Variants claimed by two entries, and preferred terms listed as another entry's variant.
    private static func conflicts(among entries: [GlossaryEntry]) -> [GlossaryProblem] {
        var out: [GlossaryProblem] = []
        var preferred: [String: GlossaryEntry] = [:]
        for entry in entries { preferred[TermMatcher.normalizedPhrase(entry.term)] = preferred[TermMatcher.normalizedPhrase(entry.term)] ?? entry }
        var claimed: [String: (GlossaryEntry, Int)] = [:]
        for entry in entries {
            for (variant, line) in zip(entry.variants, entry.variantLines) {
                let key = TermMatcher.normalizedPhrase(variant)
                if let other = preferred[key], GlossaryEntry.key(other.term) != GlossaryEntry.key(entry.term) {
                    out.append(GlossaryProblem(origin: entry.origin, line: line,
                        message: "'\(variant)', a variant of '\(entry.term)', is the preferred term of another entry (\(other.origin):\(other.line)); remove one of them"))
                }
                if let (other, otherLine) = claimed[key], GlossaryEntry.key(other.term) != GlossaryEntry.key(entry.term) {
                    out.append(GlossaryProblem(origin: entry.origin, line: line,
                        message: "'\(variant)' is a variant of both '\(other.term)' (\(other.origin):\(otherLine)) and '\(entry.term)'; keep it under one"))
                }
                claimed[key] = claimed[key] ?? (entry, line)
            }
        }
        return out
    }
}

import Foundation
