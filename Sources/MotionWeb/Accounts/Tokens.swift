import Foundation
import MotionKit

/// Random tokens for sessions and forms: 32 bytes from the system's generator (getrandom on
/// Linux), as hex. A session token is stored only as its SHA-256, so a copy of the accounts
/// file logs no one in.
enum Tokens {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", generator.next() as UInt8) }.joined()
    }

    /// What ``random()`` makes: 64 lower-case hex digits.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func digest(_ token: String) -> String { SHA256.hex(Array(token.utf8)) }

    /// Compares in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
