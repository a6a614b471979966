import Foundation
import JobModel

/// Failed AK/SK attempts per AK: after `maxFailures` the AK is locked for `lockFor`, as the
/// gateway does. A success clears the count.
struct LockoutBook: Sendable {
    static let maxFailures = 5
    static let lockFor: TimeInterval = 5 * 60

    private var failures: [String: Int] = [:]
    private var lockedUntil: [String: Date] = [:]

    func isLocked(_ accessKeyID: String, at now: Date) -> Bool {
        guard let until = lockedUntil[accessKeyID] else { return false }
        return now < until
    }

    mutating func recordFailure(_ accessKeyID: String, at now: Date) {
        if let until = lockedUntil[accessKeyID], now >= until {
            lockedUntil[accessKeyID] = nil
            failures[accessKeyID] = 0
        }
        let count = (failures[accessKeyID] ?? 0) + 1
        failures[accessKeyID] = count
        if count >= Self.maxFailures {
            lockedUntil[accessKeyID] = now.addingTimeInterval(Self.lockFor)
        }
    }

    mutating func recordSuccess(_ accessKeyID: String) {
        failures[accessKeyID] = nil
        lockedUntil[accessKeyID] = nil
    }
}
