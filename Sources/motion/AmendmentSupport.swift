import MotionKit

extension ResolvedReference {
    /// The motion this text holds.
    func motion() throws -> Motion {
        do {
            return try MotionReader.read(text, fileName: label).motion
        } catch {
            throw CLIFailure(error.located(at: label))
        }
    }

    /// The amendment this text holds.
    func amendment() throws -> AmendmentDocument {
        do {
            return try AmendmentDocument.read(text, fileName: label)
        } catch let error as MotionReadError {
            throw CLIFailure(error.located(at: label))
        } catch let error as AmendmentError {
            throw CLIFailure(amendment: error, in: label)
        }
    }
}

extension CLIFailure {
    /// `amendment.md:7: error: instruction 2 (line 7): ...`, exit 65.
    init(amendment error: AmendmentError, in label: String) {
        let location = error.line.map { "\(label):\($0)" } ?? label
        self.init("\(location): error: \(error.message)", status: ExitStatus.dataError)
    }
}

/// Where a command's document goes: stdout, or a file written atomically.
enum DocumentOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do { try FileIO.writeAtomically(text, to: path) } catch { throw CLIFailure(writing: error) }
    }
}
