import MotionDiff

/// The glossary matcher's words, each with an id: every word of every term, normalised.
///
/// Every word of a motion is looked up here. A `[String: Int32]` hashed each one with SipHash
/// over its scalars, about 170 instructions a word, and as many again for each word of each
/// term while the matcher was built. ASCII words (nearly all) are found by a hash of their
/// bytes instead, made as the word is read, and confirmed by comparing the word itself. Other
/// words, and any ASCII word whose hash an earlier word took, are kept in a dictionary as
/// before: Swift's equality then decides, so two spellings of one accented word stay one word.
struct TermVocabulary: Sendable {
    /// The id of the first ASCII word with each key.
    private var byKey = IntegerMap(capacity: 128)
    /// The words in id order.
    private(set) var words: [String] = []
    private var others: [String: Int32] = [:]

    init() {}

    /// The vocabulary of `words`, in id order (as ``words`` gives them).
    init(words: [String]) {
        for word in words { _ = insert(word, key: Self.key(word)) }
    }

    /// The word's id, if it is a word of a term. `key` is ``key(_:)`` of `word`, which the
    /// matcher makes as it reads the word's bytes.
    func id(of word: String, key: UInt64?) -> Int32? {
        guard let key else { return others[word] }
        guard let id = byKey[key] else { return nil }
        return words[Int(id)] == word ? id : others[word]
    }

    /// The word's id, given the next one when it is new.
    mutating func insert(_ word: String, key: UInt64?) -> Int32 {
        if let id = id(of: word, key: key) { return id }
        let id = Int32(words.count)
        words.append(word)
        if let key, byKey.value(key, orInsert: { id }) == id { return id }
        others[word] = id
        return id
    }

    /// A hash of the word's bytes when they are all ASCII, else nil.
    static func key(_ word: String) -> UInt64? {
        var word = word
        return word.withUTF8 { bytes in ByteHash.isASCII(bytes) ? ByteHash.hash(bytes) : nil }
    }
}
