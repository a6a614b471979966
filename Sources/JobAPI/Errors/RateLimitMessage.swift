import Foundation
import JobModel

/// Reads the quota out of a gateway 429 message:
/// `policy user over ratelimit,limit:100,time:1 minute`.
package enum RateLimitMessage {
    package static func requestsPerMinute(in message: String) -> Double? {
        let lower = message.lowercased()
        guard let limitRange = lower.range(of: "limit:") else { return nil }
        let limitDigits = lower[limitRange.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
        guard let limit = Double(limitDigits), limit > 0 else { return nil }
        var seconds = 60.0
        if let timeRange = lower.range(of: "time:") {
            let rest = lower[timeRange.upperBound...].drop { $0 == " " }
            let amountDigits = rest.prefix { $0.isNumber }
            let amount = Double(amountDigits) ?? 1
            let unit = rest.dropFirst(amountDigits.count).drop { $0 == " " }
            let perUnit: Double =
                unit.hasPrefix("s") ? 1 :
                unit.hasPrefix("h") ? 3600 :
                unit.hasPrefix("d") ? 86400 : 60
            seconds = max(1, amount) * perUnit
        }
        // Hundreds of digits read as infinity: such a message states no usable quota.
        let perMinute = limit * 60 / seconds
        return perMinute.isFinite && perMinute > 0 ? perMinute : nil
    }
}
