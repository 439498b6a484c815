/// A diff flattened into styled runs over one byte buffer: the ``DiffPiece``s before any String
/// is made. The inline renderer writes runs straight from the buffer; ``DiffPiece``s are made
/// from them only for readers that want Strings.
struct DiffRuns {
    /// Sixteen bytes: a diff has thousands of runs, and every fresh page of them costs a fault.
    struct Run {
        var style: DiffPiece.Style
        /// The note's index in ``DiffRuns/notes``, or -1.
        fileprivate var noteIndex: Int32 = -1
        private var span: CompactRange

        /// Made by ``DiffRuns``, which keeps the notes.
        fileprivate init(style: DiffPiece.Style, range: Range<Int>) {
            self.style = style
            span = CompactRange(range)
        }

        /// The run's UTF-8 in ``DiffRuns/bytes``.
        var range: Range<Int> {
            get { span.range }
            set { span.range = newValue }
        }

        var hasNote: Bool { noteIndex >= 0 }
    }

    /// Every run's text (runs may share bytes, or leave some unused).
    var bytes = ByteWriter()
    var runs: [Run] = []
    private var notes: [String] = []
    /// Whether the last run has no note, so that text of its style can join it.
    private var lastTakesMore = false

    init() {}

    init(_ pieces: [DiffPiece]) {
        bytes = ByteWriter(capacity: pieces.reduce(0) { $0 + $1.text.utf8.count })
        runs.reserveCapacity(pieces.count)
        for piece in pieces {
            let start = bytes.count
            bytes.append(piece.text)
            runs.append(run(piece.style, start..<bytes.count, note: piece.note))
        }
    }

    /// A run of `style` over bytes `range`, its note kept with the others.
    mutating func run(_ style: DiffPiece.Style, _ range: Range<Int>, note: String? = nil) -> Run {
        var run = Run(style: style, range: range)
        if let note {
            run.noteIndex = Int32(notes.count)
            notes.append(note)
        }
        return run
    }

    func note(of run: Run) -> String? {
        run.hasNote ? notes[Int(run.noteIndex)] : nil
    }

    var pieces: [DiffPiece] {
        bytes.withUnsafeBufferPointer { bytes in
            runs.map { DiffPiece(style: $0.style, text: String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self),
                                 note: note(of: $0)) }
        }
    }

    /// Appends `utf8` to the buffer as a run of `style`, or to the last run when it has the same
    /// style and neither has a note (adjacent runs of one style are one run).
    mutating func append(_ style: DiffPiece.Style, _ utf8: UnsafeBufferPointer<UInt8>, note: String? = nil) {
        guard !utf8.isEmpty else { return }
        let start = bytes.count
        bytes.append(utf8)
        // Runs are appended in order, each at the buffer's end: the last run ends at `start`.
        if note == nil, lastTakesMore, runs[runs.count - 1].style == style {
            runs[runs.count - 1].range = runs[runs.count - 1].range.lowerBound..<bytes.count
        } else {
            runs.append(run(style, start..<bytes.count, note: note))
            lastTakesMore = note == nil
        }
    }

    mutating func append(_ style: DiffPiece.Style, _ text: String, note: String? = nil) {
        guard !text.isEmpty else { return }
        var text = text
        text.withUTF8 { append(style, $0, note: note) }
    }

    /// The words of run `index` (see ``WordCount``), or any number above `limit` once the count
    /// passes it.
    func wordCount(_ index: Int, stoppingAfter limit: Int = .max) -> Int {
        bytes.withUnsafeBufferPointer { WordCount.of(utf8: UnsafeBufferPointer(rebasing: $0[runs[index].range]), stoppingAfter: limit) }
    }
}

/// A range of offsets in eight bytes, not sixteen: a diff holds thousands of them (runs of its
/// bytes, groups of runs), and every fresh page of them costs a fault.
struct CompactRange {
    private var lower: Int32
    private var upper: Int32

    init(_ range: Range<Int>) {
        lower = Int32(range.lowerBound)
        upper = Int32(range.upperBound)
    }

    var range: Range<Int> {
        get { Int(lower)..<Int(upper) }
        set { self = CompactRange(newValue) }
    }
}
