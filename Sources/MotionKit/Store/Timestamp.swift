import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Times as the store keeps them: UTC, ISO 8601 with milliseconds (`2026-11-22T17:56:02.123Z`),
/// sortable as text and exact in JSON; shown to people in their own time zone.
public enum Timestamp {
    /// A time in seconds since 1970 as ISO 8601 in UTC, to the second.
    static func iso8601(seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Now, in UTC, as ISO 8601 with milliseconds.
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    /// A stored time as a date; nil when it is not one. Only the two forms the store has ever
    /// written are times: a lenient reader would take 31 February or hour 24 for one.
    static func date(_ text: String) -> Date? {
        secondsSince1970(text).map(Date.init(timeIntervalSince1970:))
    }

    /// Whether `text` is a time as the store writes them (with or without milliseconds).
    static func isValid(_ text: String) -> Bool { date(text) != nil }

    /// A stored time as a delegate reads it: in the local time zone (TZ, as the C library reads
    /// it; Foundation's `TimeZone.current` costs more than the whole of a short `log`) or in
    /// `zone`, to the second, `2026-11-22 18:05:34`. A time that is not one is shown as it is.
    public static func display(_ stored: String, in zone: TimeZone? = nil) -> String {
        guard let date = date(stored) else { return stored }
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        if let zone {
            seconds += time_t(zone.secondsFromGMT(for: date))
            guard gmtime_r(&seconds, &parts) != nil else { return stored }
        } else {
            guard localtime_r(&seconds, &parts) != nil else { return stored }
        }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }

    /// The form the store writes, read without a formatter: `YYYY-MM-DDTHH:MM:SS[.fff]Z`.
    private static func secondsSince1970(_ text: String) -> TimeInterval? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue! }),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        var milliseconds = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(20..<23) else { return nil }
            milliseconds = fraction
        } else if bytes[19] != UInt8(ascii: "Z") {
            return nil
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        // timegm normalises 31 February into March: such a date is not a time.
        guard parts.tm_mday == Int32(day), parts.tm_mon == Int32(month - 1) else { return nil }
        return TimeInterval(seconds) + TimeInterval(milliseconds) / 1000
    }
}
