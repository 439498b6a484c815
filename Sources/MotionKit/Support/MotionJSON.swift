import Foundation

/// One JSON style for everything the toolkit writes: pretty, keys sorted (stable diffs of
/// exports), slashes left alone.
public enum MotionJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
