import CTextScan

/// Cuts prose into tokens: words (letters and digits, with an apostrophe inside a word, as in
/// "don't" or "workers’"), runs of white space, and each other character on its own.
///
/// ASCII text is cut sixteen bytes at a time (token_cut.c); text with other characters is cut
/// by grapheme cluster, so an accent, an emoji sequence or a flag is never split.
public enum Tokenizer {
    public static func tokenize(_ text: String, interner: TokenInterner) -> TokenizedText {
        var text = text
        text.makeContiguousUTF8()
        let byteCount = text.utf8.count
        var starts: [Int32] = []
        var ids: [Int32] = []
        var kinds: [TokenKind] = []
        var words = 0
        // ASCII text is cut into the interner's scratch buffers (one token per byte at most),
        // then copied into arrays of its size; text with any other character is cut by grapheme
        // cluster.
        let allASCII = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard ByteHash.isASCII(bytes) else { return false }
            interner.withTables { tables in
                var scratch = tables.takeScratch(capacity: byteCount)
                defer { tables.scratch = scratch }
                scratch.starts.withUnsafeMutableBufferPointer { startBuffer in
                    scratch.ids.withUnsafeMutableBufferPointer { idBuffer in
                        scratch.kinds.withUnsafeMutableBufferPointer { kindBuffer in
                            let tokens = cutASCII(bytes, &tables, startBuffer, idBuffer, kindBuffer, words: &words)
                            starts = Array(UnsafeBufferPointer(rebasing: startBuffer[...tokens]))
                            ids = Array(UnsafeBufferPointer(rebasing: idBuffer[..<tokens]))
                            kinds = Array(UnsafeBufferPointer(rebasing: kindBuffer[..<tokens]))
                        }
                    }
                }
            }
            return true
        } ?? false
        if !allASCII {
            cutUnicode(text, interner: interner, starts: &starts, ids: &ids, kinds: &kinds)
            starts.append(Int32(byteCount))
            words = kinds.count(where: { $0 == .word })
        }
        return TokenizedText(text: text, starts: starts, ids: ids, kinds: kinds, wordCount: words)
    }

    /// Cuts ASCII bytes into tokens; returns how many. `starts` gets one more entry, the end.
    ///
    /// Two passes, each with few values live so that its loop keeps them in registers: the
    /// first finds where tokens start and what kind each is, the second gives them ids.
    private static func cutASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ tables: inout TokenInterner.ASCIITables,
                                 _ starts: UnsafeMutableBufferPointer<Int32>, _ ids: UnsafeMutableBufferPointer<Int32>,
                                 _ kinds: UnsafeMutableBufferPointer<TokenKind>, words: inout Int) -> Int {
        // Offsets are stored as 32-bit integers; the arithmetic below cannot overflow then.
        precondition(bytes.count < Int(Int32.max), "a text of 2 GB or more is not cut into tokens")
        precondition(starts.count > bytes.count && ids.count >= bytes.count && kinds.count >= bytes.count)
        guard let base = bytes.baseAddress else {
            starts[0] = 0
            return 0
        }
        let tokens = cut(base, count: bytes.count, starts.baseAddress!, kinds.baseAddress!, words: &words)
        intern(base, count: bytes.count, tokens: tokens, starts.baseAddress!, ids.baseAddress!, &tables)
        return tokens
    }

    /// Where each token starts, and its kind; then the end. Returns the number of tokens, and
    /// adds the words among them to `words`. (In C, for its vector instructions: see
    /// token_cut.c.)
    private static func cut(_ bytes: UnsafePointer<UInt8>, count: Int, _ starts: UnsafeMutablePointer<Int32>,
                            _ kinds: UnsafeMutablePointer<TokenKind>, words: inout Int) -> Int {
        var found = 0
        let tokens = kinds.withMemoryRebound(to: UInt8.self, capacity: count) {
            motion_cut_ascii(bytes, count, starts, $0, &found)
        }
        words += found
        return tokens
    }

    /// The id of each token cut by `cut`.
    private static func intern(_ bytes: UnsafePointer<UInt8>, count: Int, tokens: Int, _ starts: UnsafePointer<Int32>,
                               _ ids: UnsafeMutablePointer<Int32>, _ tables: inout TokenInterner.ASCIITables) {
        let raw = UnsafeRawPointer(bytes)
        var start = Int(starts[0])
        var token = 0
        while token < tokens {
            let end = Int(starts[token &+ 1])
            let length = end &- start
            let id: Int32
            if length == 1 {
                id = tables.id(single: bytes[start])
            } else if length <= 8, start &+ 8 <= count {
                // Eight bytes read at once, the token's kept: a word of most motions in one load.
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                id = tables.id(packed: word & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- length &* 8)), length: length)
            } else {
                id = tables.id(UnsafeBufferPointer(start: bytes + start, count: length))
            }
            ids[token] = id
            start = end
            token &+= 1
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
            || character.unicodeScalars.first.map { $0.properties.generalCategory == .nonspacingMark } == true
    }

    private static func isApostrophe(_ character: Character) -> Bool {
        character == "'" || character == "\u{2019}"
    }

    private static func cutUnicode(_ text: String, interner: TokenInterner,
                                   starts: inout [Int32], ids: inout [Int32], kinds: inout [TokenKind]) {
        let characters = Array(text.indices)
        // UTF-8 offset of each character, and of the end.
        var offsets: [Int32] = []
        offsets.reserveCapacity(characters.count + 1)
        var running: Int32 = 0
        for character in text {
            offsets.append(running)
            running += Int32(character.utf8.count)
        }
        offsets.append(running)
        var position = 0
        while position < characters.count {
            let start = position
            let character = text[characters[position]]
            let kind: TokenKind
            if isWordCharacter(character) {
                position += 1
                while position < characters.count {
                    let next = text[characters[position]]
                    if isWordCharacter(next) {
                        position += 1
                    } else if isApostrophe(next), position + 1 < characters.count, isWordCharacter(text[characters[position + 1]]) {
                        position += 2
                    } else {
                        break
                    }
                }
                kind = .word
            } else if character.isWhitespace {
                position += 1
                while position < characters.count, text[characters[position]].isWhitespace { position += 1 }
                kind = .space
            } else {
                position += 1
                kind = .punctuation
            }
            let startIndex = characters[start]
            let endIndex = position < characters.count ? characters[position] : text.endIndex
            let token = text[startIndex..<endIndex]
            starts.append(offsets[start])
            if token.utf8.allSatisfy({ $0 < 0x80 }) {
                var bytes = Array(token.utf8)
                ids.append(bytes.withUnsafeMutableBufferPointer { interner.id(ascii: UnsafeBufferPointer($0)) })
            } else {
                ids.append(interner.id(unicode: token))
            }
            kinds.append(kind)
        }
    }
}
