// libFuzzer target: the motion reader and the canonical writer on arbitrary bytes. Built by
// `make fuzz` (scripts/fuzz.sh) with -sanitize=fuzzer -DFUZZING; in an ordinary build it is an
// empty program.
#if FUZZING
import FuzzDriver
import MotionKit

func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Reading may refuse the input; it must never crash or hang. What it reads must write, and
    // the writer is a fixed point: what it writes reads back and writes the same again.
    if let document = try? MotionReader.read(text) {
        let written = MarkdownWriter.write(document.motion)
        guard let reread = try? MotionReader.read(written) else { fatalError("the writer wrote what the reader refuses") }
        if MarkdownWriter.write(reread.motion) != written { fatalError("the writer is not a fixed point") }
    }
    return 0
}

fuzz(fuzzOne)
#endif
