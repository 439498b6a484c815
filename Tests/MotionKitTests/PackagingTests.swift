import Foundation
import Testing
@testable import MotionKit

/// The pieces documents are packaged with: the ZIP writer, read back by Python's zipfile, and
/// the XML writer's refusal of a document libxml2 could not write.
@Suite struct PackagingTests {
    /// Python's reading of an archive: each entry's name, compression method and content.
    static func readZip(_ bytes: [UInt8]) throws -> String {
        let path = try TestSupport.temporaryDirectory() + "/a.zip"
        try FileIO.writeAtomically(bytes, to: path)
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist():\n    print(i.filename, i.compress_type, z.read(i).decode())"
        let (status, output) = try TestSupport.python(script, [path])
        #expect(status == 0)
        return output
    }

    @Test func storedEntriesStayUncompressedAndComeFirst() throws {
        let text = String(repeating: "a motion to conference ", count: 40)
        let archive = ZipArchive.archive([
            ZipArchive.Entry(name: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
            ZipArchive.Entry(name: "content.xml", data: Array(text.utf8)),
            ZipArchive.Entry(name: "long.txt", data: Array(text.utf8), compression: .stored),
        ])
        // ODF readers find the media type at a fixed place: byte 38 of the file.
        #expect(String(decoding: archive[38..<(38 + 39)], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        #expect(try Self.readZip(archive) == "mimetype 0 application/vnd.oasis.opendocument.text\ncontent.xml 8 \(text)\nlong.txt 0 \(text)\n")
    }

    @Test func aDocumentLibxml2RefusedIsAnErrorNotHalfAFile() throws {
        let xml = XMLWriter()
        xml.start("a")
        xml.end()
        xml.end()  // nothing left to end: libxml2 refuses the call
        #expect { _ = try xml.finish() } throws: { ($0 as? ExportError)?.category == .io }
        let good = XMLWriter()
        good.element("a", text: "b & c")
        #expect(String(decoding: try good.finish(), as: UTF8.self).contains("<a>b &amp; c</a>"))
    }
}
