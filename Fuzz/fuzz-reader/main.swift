// libFuzzer target: the motion reader and the canonical writer on arbitrary bytes. Built by
// `make fuzz` (scripts/fuzz.sh) with -sanitize=fuzzer -DFUZZING; in an ordinary build it is an
// empty program.
#if FUZZING
import FuzzDriver
import MotionKit

func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Reading may refuse the input; it must never crash or hang. What it reads must write.
    if let document = try? MotionReader.read(text) {
        _ = MarkdownWriter.write(document.motion)
    }
    return 0
}

fuzz(fuzzOne)
#endif
