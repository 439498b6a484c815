import MotionKit

enum JSONOutput {
    static func string(_ value: some Encodable) throws -> String {
        String(decoding: try MotionJSON.encoder().encode(value), as: UTF8.self)
    }
}

enum TextTable {
    /// Left-aligned columns separated by two spaces; the last column is not padded. Widths are
    /// in characters. (Foundation's `padding(toLength:)` counted UTF-16 units, so a heading with
    /// an emoji was cut short, and bridging to NSString cost a scan of every conformance.)
    static func render(_ rows: [[String]]) -> String {
        guard let columns = rows.map({ $0.count }).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns - 1 { widths[index] = max(widths[index], cell.count) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell
                if index < columns - 1 { line += String(repeating: " ", count: widths[index] + 2 - cell.count) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
