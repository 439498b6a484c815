import CZlib

/// A ZIP archive written in memory: what a .docx (or an .odt) is. Entries are deflated (raw
/// deflate, as ZIP stores it) unless that would not make them smaller, or they must be stored
/// as they are (an ODF package's first entry, `mimetype`). They go in the order given, every
/// one with the same fixed time, so the same entries give byte-identical archives. No
/// dependency beyond the zlib the store already uses.
enum ZipArchive {
    struct Entry {
        var name: String
        var data: [UInt8]
        var compression: Compression = .deflateWhenSmaller
    }

    enum Compression {
        case deflateWhenSmaller
        /// Kept as it is, uncompressed, as ODF requires of `mimetype`.
        case stored
    }

    /// 1980-01-01 00:00, the earliest time ZIP can say: no clock leaks into the file.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    static func archive(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let compressed = entry.compression == .stored ? entry.data : (try? Deflate.compress(entry.data)) ?? entry.data
            let deflated = compressed.count < entry.data.count
            let body = deflated ? compressed : entry.data
            let crc = entry.data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            let offset = UInt32(out.count)
            // The fields a local header and its central directory record share, from the
            // version needed to extract to the extra field's length.
            func shared(_ bytes: inout [UInt8]) {
                append16(&bytes, 20)
                append16(&bytes, 0x0800)  // UTF-8 names
                append16(&bytes, deflated ? 8 : 0)
                append16(&bytes, dosTime)
                append16(&bytes, dosDate)
                append32(&bytes, crc)
                append32(&bytes, UInt32(body.count))
                append32(&bytes, UInt32(entry.data.count))
                append16(&bytes, UInt16(name.count))
                append16(&bytes, 0)
            }
            append32(&out, 0x0403_4B50)
            shared(&out)
            out += name
            out += body
            append32(&central, 0x0201_4B50)
            append16(&central, 20)  // made by
            shared(&central)
            append16(&central, 0)
            append16(&central, 0)
            append16(&central, 0)
            append32(&central, 0)
            append32(&central, offset)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        append32(&out, 0x0605_4B50)
        append16(&out, 0)
        append16(&out, 0)
        append16(&out, UInt16(entries.count))
        append16(&out, UInt16(entries.count))
        append32(&out, UInt32(central.count))
        append32(&out, centralOffset)
        append16(&out, 0)
        return out
    }

    private static func append16(_ bytes: inout [UInt8], _ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    private static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
