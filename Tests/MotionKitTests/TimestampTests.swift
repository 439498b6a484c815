import Foundation
import Testing
@testable import MotionKit

/// Stored times read back exactly, and shown to people in their own zone, to the second.
@Suite struct TimestampTests {
    @Test func theStoredFormReadsBackToTheMillisecond() throws {
        let date = try #require(Timestamp.date("2026-11-22T17:56:02.123Z"))
        #expect(abs(date.timeIntervalSince1970 - 1_795_370_162.123) < 0.0005)
        #expect(Timestamp.date("2026-11-22T17:56:02Z")?.timeIntervalSince1970 == 1_795_370_162)
        // The formatter's reading and the hand-written one agree.
        let formatter = ISO8601DateFormatter()
        #expect(Timestamp.date("2024-02-29T00:00:00Z") == formatter.date(from: "2024-02-29T00:00:00Z"))
        #expect(Timestamp.isValid(Timestamp.now()))
    }

    @Test func whatIsNotATimeIsRefused() {
        for text in ["2026-02-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-22T24:00:00Z", "2026-11-22 17:56:02Z",
                     "2026-11-22T17:56:02.12Z", "2026-11-22T17:56:0xZ", "yesterday", ""] {
            #expect(!Timestamp.isValid(text), "\(text)")
        }
    }

    @Test func peopleSeeTheirOwnZoneToTheSecond() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(Timestamp.display("2026-11-22T17:56:02.999Z", in: london) == "2026-11-22 17:56:02")
        #expect(Timestamp.display("2026-07-01T23:30:00.000Z", in: london) == "2026-07-02 00:30:00")
        #expect(Timestamp.display("2026-12-31T20:00:00Z", in: kolkata) == "2027-01-01 01:30:00")
        // A time the store should never hold is shown as it is, never as a wrong time.
        #expect(Timestamp.display("not a time") == "not a time")
    }

    /// End to end: `log` shows the stored time in the zone TZ names, `--json` as stored.
    @Test func logShowsTheDelegatesZone() throws {
        let root = try StoreCommandTests.workspace()
        #expect(try MotionProcess.run(["save", "-m", "First drafts"], in: root).status == 0)
        let json = try MotionProcess.run(["log", "--json", StoreCommandTests.lxp], in: root)
        let stored = try #require(json.stdout.firstMatch(of: /"time" *: *"([^"]+)"/)?.1)
        let kolkata = Timestamp.display(String(stored), in: TimeZone(identifier: "Asia/Kolkata"))
        let utc = Timestamp.display(String(stored), in: TimeZone(identifier: "UTC"))
        #expect(kolkata != utc)
        for (tz, shown) in [("Asia/Kolkata", kolkata), ("UTC", utc)] {
            let log = try MotionProcess.run(["log", StoreCommandTests.lxp], in: root, environment: ["TZ": tz])
            #expect(log.status == 0 && log.stdout.contains("  \(shown)  "), "\(tz): \(log.stdout)")
        }
    }
}
