import Foundation
import MotionKit

/// `motion-bench CORPUS --seed-store WORKSPACE`: a conference-sized store for the agenda page's
/// benchmark (issue 16) in a workspace made by `motion init`: 500 motions from the corpus's 200
/// (ids renumbered), 6 amendments to each (3,000) submitted as the web page submits them, and 33
/// further revisions of each motion, 20,000 revisions in all. Everything goes through the
/// application layer, as `motion save` and the web page's submissions do.
func seedConferenceStore(corpus: String, workspace: String) throws {
    let context = AppContext(currentDirectory: workspace)
    let sources = try (1...200).map { number in
        try String(contentsOfFile: "\(corpus)/motions/\(String(format: "%03d", number)).md", encoding: .utf8)
    }
    var revisions = 0
    for number in 1...500 {
        let id = "motion-\(String(format: "%03d", number))"
        let text = try renumbered(sources[(number - 1) % sources.count], as: id)
        let path = "\(workspace)/motions/\(id).md"
        try save(text, to: path, context: context, message: "Submitted")
        let motion = try MotionReader.read(text).motion
        for branch in 1...6 {
            // Each amendment changes a different word of the body.
            let amended = try MotionReader.read(replacingWord(branch * 5, of: text, with: "particular")).motion
            let wording = AmendmentWriter.wording(from: motion, to: amended, style: .quoted, lineWidth: 80)
            _ = try context.submitAmendment(to: id, wording: wording, submittedBy: "Example Branch \(branch)", status: .submitted,
                                            author: "bench")
        }
        for round in 1...33 {
            // A redraft: the last line's closing words changed, one word a revision.
            try save(text.dropLast() + " (redraft \(round)).\n", to: path, context: context, message: "Redraft \(round)")
        }
        revisions += 1 + 6 + 33
    }
    print("seeded \(workspace): 500 motions, 3000 amendments, \(revisions) revisions")
}

private func save(_ text: String, to path: String, context: AppContext, message: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let outcome = try context.save([path], author: "bench", message: message)
    if let failure = outcome.failures.first { throw failure.error }
    guard outcome.saved.count == 1 else { throw SeedError("\(path) made no revision") }
}

private func renumbered(_ text: String, as id: String) throws -> String {
    guard let line = text.range(of: #"(?m)^id: .*$"#, options: .regularExpression) else { throw SeedError("a corpus motion has no id") }
    return text.replacingCharacters(in: line, with: "id: \(id)")
}

/// `text` with the `index`-th word of five or more lower-case letters below the title and
/// outside headings replaced.
private func replacingWord(_ index: Int, of text: String, with replacement: String) throws -> String {
    guard let title = text.range(of: "\n# "), let body = text[title.upperBound...].firstIndex(of: "\n") else {
        throw SeedError("a corpus motion has no title")
    }
    let words = text[body...].ranges(of: #/\b[a-z]{5,}\b/#).filter { word in
        text[word] != replacement && !text[..<word.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last!.hasPrefix("#")  // not in a heading
    }
    guard index < words.count else { throw SeedError("too few words to amend") }
    return text.replacingCharacters(in: words[index], with: replacement)
}

struct SeedError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
