import Foundation
import JobModel

/// The gateway's per-credential quota: at most `limit` requests in any `window`.
public struct RateQuota: Sendable, Hashable {
    public var limit: Int
    public var window: Duration
    /// The limit the 429's message states, when others spend part of it: a storm of other
    /// tools on the account leaves fewer requests than the policy the gateway names.
    public var stated: Int?

    public init(limit: Int = 100, window: Duration = .seconds(60), stated: Int? = nil) {
        self.limit = limit
        self.window = window
        self.stated = stated
    }

    /// 100 requests per minute, as the gateway's default user policy.
    public static let gatewayDefault = RateQuota()

    var windowSeconds: Double { window.seconds }

    /// `limit:100,time:1 minute`, as the gateway words it.
    var gatewayWording: String {
        let seconds = Int(windowSeconds.rounded())
        let time = seconds % 60 == 0 ? "\(seconds / 60) minute" : "\(seconds) second"
        return "limit:\(stated ?? limit),time:\(time)"
    }
}

/// Request times per credential over the last window (a sliding window).
struct QuotaLedger: Sendable {
    private var times: [String: [Date]] = [:]

    /// Records the request and returns nil when it is within the quota; else the seconds until
    /// a slot frees (the request is not recorded).
    mutating func admit(_ key: String, at now: Date, quota: RateQuota) -> Int? {
        let windowStart = now.addingTimeInterval(-quota.windowSeconds)
        var recent = (times[key] ?? []).filter { $0 > windowStart }
        defer { times[key] = recent }
        if recent.count >= quota.limit, let oldest = recent.first {
            return max(1, Int((oldest.timeIntervalSince(windowStart)).rounded(.up)))
        }
        recent.append(now)
        return nil
    }
}
