import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// `motion serve`'s pages, routed in-process (HummingbirdTesting) over a real workspace and
/// SQLite store, and the built server run as a process.
@Suite struct WebPageTests {
    static let lxp = WebFixture.lxp
    static let packageRoot = WebFixture.packageRoot

    @Test func theAgendaListsMotionsWithTheirAmendmentsUnderThem() async throws {
        try await WebFixture(publicRead: true, markupAmendment: true).test { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<a class=\"motion-title\" href=\"/motions/\(Self.lxp)\">Recognition and reward for Lived Experience Professionals</a>"))
                #expect(page.contains(#/draft, \d+ words; submitted by Nursing and Midwifery Occupational Group/#))
                #expect(page.contains("<ul class=\"amendments\""))
                // Every field is text, never markup.
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), "\(page)")
                #expect(!page.contains("<script") && !page.contains("<b>Branch"))
                #expect(response.headers[.init("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            }
            try await client.execute(uri: "/?status=carried", method: .get) { response in
                #expect(String(buffer: response.body).contains("No motions with status carried"))
            }
            // Search reads titles, text and amendments, in any case; the words stay text.
            try await client.execute(uri: "/?q=Survivor%20%20Researcher", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/motions/\(Self.lxp)\""))
            }
            // As a browser's form sends it: '+' for a space.
            try await client.execute(uri: "/?status=&q=survivor+researcher", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/motions/\(Self.lxp)\""))
            }
            try await client.execute(uri: "/?q=%3Cb%3Enowhere", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(!page.contains("href=\"/motions/") && page.contains("holding '&lt;b&gt;nowhere'"), "\(page)")
            }
            try await client.execute(uri: "/?status=maybe", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("maybe"))
            }
        }
    }

    @Test func aMotionPageHasTheLineNumbersAmendmentsUse() async throws {
        let fixture = try WebFixture(publicRead: true, markupAmendment: true)
        let shown = try AppContext(currentDirectory: fixture.root).numberedLines(Self.lxp, width: nil)
        try await fixture.test { client in
            try await client.execute(uri: "/motions/\(Self.lxp)", method: .get) { response in
                #expect(response.status == .ok)
                let marked = String(buffer: response.body)
                // Glossary findings are marked where they stand, with the term to use.
                #expect(marked.contains(#"<mark class="finding" tabindex="0" title="&#39;peer workers&#39; -&gt; &#39;peer support workers&#39; (lxp-roles)">peer workers</mark>"#), "\(marked)")
                let page = marked.replacing(#/<mark class="finding"[^>]*>|</mark>/#, with: "")
                for line in shown.split(separator: "\n").prefix(40) {
                    let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                    let text = parts[1].trimmingCharacters(in: .whitespaces)
                        .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
                    #expect(page.contains("<span class=\"number\" aria-hidden=\"true\">\(parts[0])</span> \(text)</li>")
                            || page.contains("\(parts[0])</span> \(text.replacingOccurrences(of: "&#39;", with: "'"))</li>"), "line \(parts[0])")
                }
                #expect(page.contains("In point 3, after &#39;Band 7&#39; insert &#39;and &lt;i&gt;8&lt;/i&gt;&#39;.")
                        || page.contains("after 'Band 7' insert 'and &lt;i&gt;8&lt;/i&gt;'"), "\(page)")
                #expect(!page.contains("<i>8</i>"))
            }
            try await client.execute(uri: "/motions/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("no motion &#39;nothing-here&#39;"))
            }
            try await client.execute(uri: "/motions/Bad_ID", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/static/motion.css", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("@media print"))
            }
        }
    }

    /// The built `motion serve`: prints its URL, serves, logs each request, stops on SIGTERM.
    @Test func theBuiltServerServesAndStopsOnSIGTERM() async throws {
        let root = try WebFixture().root
        let binary = ProcessInfo.processInfo.environment["MOTION_BIN"] ?? "\(Self.packageRoot)/.build/debug/motion"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0", "--public-read"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line says where it listens.
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            try #require(!chunk.isEmpty, "the server stopped before printing its URL")
            line += chunk
        }
        let printed = String(decoding: line, as: UTF8.self)
        let url = try #require(printed.firstMatch(of: #/http://127\.0\.0\.1:\d+//#).map { String($0.output) }, "\(printed)")
        let (status, body) = try Self.get(url + "motions/\(Self.lxp)")
        #expect(status == 200)
        #expect(body.contains("Recognition and reward"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "stopped gracefully")
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /motions/\(Self.lxp) 200"), "\(log)")
    }

    /// A GET through python3's urllib (a real HTTP client outside this process): status, body.
    static func get(_ url: String) throws -> (Int, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, urllib.request; r = urllib.request.urlopen(sys.argv[1]); print(r.status); sys.stdout.write(r.read().decode())", url]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return (Int(text.prefix { $0 != "\n" }) ?? 0, String(text.drop { $0 != "\n" }.dropFirst()))
    }
}
