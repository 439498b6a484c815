// libFuzzer target: amendment wording parsed and applied to a fixed motion, in two line
// schemes, and the result written. Built by `make fuzz` (see Fuzz/fuzz-reader/main.swift).
#if FUZZING
import FuzzDriver
import MotionKit

let base = try! MotionReader.read("""
    ---
    id: peer-recognition
    title: Recognition for peer support workers
    ---

    # Recognition for peer support workers

    ## Conference notes

    Peer workers are employed in most mental health trusts, and the number of peer workers is still growing.

    Many peer workers are paid at Band 3, and few trusts have senior posts for the workers' own profession.

    ## Conference believes

    Lived experience is a professional skill and must be rewarded.

    ## Conference calls on the Health Service Group Executive to:

    1. Survey branches on the pay of peer workers.
    2. Produce bargaining guidance on job titles.
    3. Campaign for senior posts at Band 7.

    """).motion

func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let wording = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let instructions = try? AmendmentParser.parse(wording) else { return 0 }
    for lines in [LineScheme(width: 80), LineScheme(width: 40, title: true, headings: false)] {
        if let amended = try? AmendmentApplier.apply(instructions, to: base, lines: lines) {
            _ = MarkdownWriter.write(amended)
        }
    }
    return 0
}

fuzz(fuzzOne)
#endif
