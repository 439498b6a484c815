import Testing
@testable import MotionKit

@Suite struct WordCountTests {
    @Test(arguments: [
        ("", 0), ("   ", 0), ("one", 1), ("two words", 2), ("lived-experience workers", 2), ("Band 7 posts", 3),
        ("in 2026, 55 trusts", 4), ("a — dash", 2), ("tab\tand\nnewline", 3), ("“quoted” words.", 2),
        ("peer/lived experience", 2), ("- bullet", 1), ("café naïve", 2),
    ])
    func countsWordsAsConferencesDo(text: String, expected: Int) {
        #expect(WordCount.of(text) == expected)
    }

    /// ASCII is counted sixteen bytes at a time: as a character at a time, on random texts of
    /// up to 300 bytes (runs across each 64-byte boundary, runs of marks alone, and text that
    /// is not ASCII, which the character path counts), in full and stopping after a limit.
    @Test func countsAsTheCharacterPathDoes() {
        // Runs with and without a letter at every place across two 64-byte boundaries, ending
        // at the text's end or before more text.
        for place in 0..<140 {
            for run in ["-", "--", "-.-", "a", "-a", "a-", "--a--"] {
                for after in ["", " z", "\n-", "-"] {
                    let text = String(repeating: " ", count: place) + run + after
                    var utf8 = text
                    #expect(WordCount.of(text) == utf8.withUTF8 { WordCount.countByCharacter($0) }, "\(place) \(run) \(after)")
                }
            }
        }
        var random = SplitMix64(seed: 17)
        let pieces = ["a", "Z", "7", "worker", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "-", "—", ".", "'", "/", "*", "\u{01}",
                      "é", "’", "lived-experience", "--", "\u{7F}"]
        for round in 0..<3_000 {
            var text = ""
            let ascii = round % 3 != 0
            while text.utf8.count < Int(random.next() % 300) {
                let piece = pieces[Int(random.next() % UInt64(pieces.count))]
                if ascii, !piece.utf8.allSatisfy({ $0 < 0x80 }) { continue }
                text += piece
            }
            var utf8 = text
            let expected = utf8.withUTF8 { WordCount.countByCharacter($0) }
            #expect(WordCount.of(text) == expected, "\(Array(text.utf8))")
            let limit = Int(random.next() % 20)
            let stopped = WordCount.of(text, stoppingAfter: limit)
            #expect(expected <= limit ? stopped == expected : stopped > limit, "\(Array(text.utf8)) after \(limit)")
        }
    }

    @Test func countsPerBlockPerSectionAndInTotal() throws {
        let motion = try MotionReader.read(TestSupport.motionText(
            body: "## Conference notes\n\nPeer support workers exist.\n\nA second-level *fact* here.\n\n## Conference resolves\n\n1. To act now.\n")).motion
        let counts = motion.wordCounts
        #expect(counts.title == 2)
        #expect(counts.blocks == [[4, 4], [3]])
        #expect(counts.sections == [2 + 8, 2 + 3])
        #expect(counts.body == 15)
    }
}
