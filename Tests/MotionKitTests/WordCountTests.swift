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
