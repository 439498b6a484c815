import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import MotionKit
@testable import MotionWeb

/// Pages are kept until the store changes, and never a moment longer: a save at the command line
/// (another process, another connection) and a write through the server both show at once.
@Suite struct CacheTests {
    @Test func aChangeByAnotherProcessOrThroughTheServerShowsAtOnce() async throws {
        let fixture = try WebFixture(publicRead: true)
        try await fixture.test { client in
            let uri = "/motions/\(WebFixture.lxp)"
            let before = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            #expect(before.contains("senior posts at Band 7 and above"))
            #expect(try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) } == before, "kept")
            // The command line saves a new revision through its own connection.
            let file = "\(fixture.root)/motions/\(WebFixture.lxp).md"
            let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "Band 7 and above", with: "Band 8 and above")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let other = History(workspace: Workspace(root: fixture.root), store: try SQLiteStore.open(at: "\(fixture.root)/.motion/store.sqlite"))
            _ = try other.save(file, author: "Sam", message: "Band 8")
            let after = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            #expect(after.contains("Band 8 and above") && !after.contains("Band 7 and above"))
            // A write through the server's own handle shows too.
            let office = try await Browser.logIn(client, "office1")
            _ = try await office.post(client, "\(uri)/status", [("status", "admitted")])
            let status = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            #expect(status.contains("<dt>Status</dt><dd>admitted</dd>"), "\(status)")
            let agenda = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            #expect(agenda.contains("admitted, "))
        }
    }
}
