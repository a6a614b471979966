import JobModel
import JobAPI
import JobSimulator
import JobEngine

/// What the command line says about where and how to read jobs, already parsed: the flags that
/// win over the config's selected profile (`CommonOptions` in the executable fills it).
public struct SessionFlags: Sendable, Hashable {
    public var config: String?
    public var profile: String?
    public var service: Service?
    public var endpoint: String?
    public var region: String?
    /// `--cloud`: whose hosts the region's are (`Cloud`).
    public var cloud: Cloud?
    public var projectID: String?
    /// `--domain-id`: the account's, for its jobs (Global EIP, orders).
    public var domainID: String?
    public var interval: Duration?
    /// `--poll-mode`: wins over the config's `poll.mode`.
    public var pollMode: PollPolicy.Mode?
    public var auth: JobwatchConfig.AuthKind?
    public var caFile: String?
    public var proxy: String?
    public var logFile: String?
    public var noNames = false
    public var demo = false
    public var scenario: String?
    public var speed: Double?

    public init() {}

    /// `--interval`'s value, when it is one from 1 s to a day.
    public static func interval(_ text: String) -> Duration? {
        DurationText.parse(text).flatMap { (.seconds(1)...(.seconds(86_400))).contains($0) ? $0 : nil }
    }
}
