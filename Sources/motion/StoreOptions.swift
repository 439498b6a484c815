import ArgumentParser
import MotionKit

/// `--store PATH`, shared by every command that may use the store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store file to use instead of the workspace's .motion/store.sqlite (also MOTION_STORE).", valueName: "path"))
    var store: String?

    /// The command's application context: the store is found and opened only when first used.
    var context: AppContext { AppContext(storeOption: store) }
}

/// Where a command's document goes: stdout, or a file written atomically.
enum DocumentOutput {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            Output.document(text)
            return
        }
        try FileIO.writeAtomically(text, to: path)
    }

    /// Bytes to `path`, else `defaultPath` (whose name goes to stderr), or text to stdout when
    /// `toStandardOutput` and no path was given.
    static func write(_ bytes: [UInt8], to path: String?, defaultPath: String, toStandardOutput: Bool) throws {
        if toStandardOutput, path == nil {
            Output.document(String(decoding: bytes, as: UTF8.self))
            return
        }
        let target = path ?? defaultPath
        try FileIO.writeAtomically(bytes, to: target)
        Terminal.error(target)
    }
}
