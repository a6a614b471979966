import Foundation
import JobModel

/// How a `JobSimulator` behaves.
public struct SimulatorOptions: Sendable {
    public var scenario: Scenario.Name
    /// Draws the scenario's IDs and durations anew (the engine benchmark's seeds); nil: the
    /// scenario as the tests and the demo know it.
    public var seed: UInt64?
    /// Scenario time runs this many times faster than the wall clock.
    public var speed: Double
    /// Scenario seconds already past when the simulator starts (the demo opens mid-morning).
    public var startOffset: Double = 0
    /// nil: any project ID is served; else other project IDs answer 404.
    public var projectID: String?
    /// The same for the account's jobs (Global EIP): nil serves any domain ID.
    public var domainID: String?
    /// nil: no authentication check; else requests are checked exactly as the gateway does.
    public var credentials: SimulatorCredentials?
    public var faults: FaultPlan
    /// Also serve the ECS metadata API, whose temporary credentials the job API then accepts.
    public var metadata: MetadataOptions?
    /// The gateway's per-credential quota; over it, 429 `APIGW.0308`.
    public var quota: RateQuota
    /// Which `server_id` forms ECS's list filters with: both, as the docs and the SDK each
    /// document one (SERVICES.md §8). One alone makes an endpoint that ignores the other and
    /// lists every server, so tests can hold jobwatch's switch of form to it (§9.6).
    public var serverIDFilter: ServerIDFilter = .both
    /// Every request received is appended here (`--request-log`); nil: none is.
    public var requestLog: RequestLog?
    /// The wall clock: scenario time, the `X-Sdk-Date` check, the quota window, the AK lock
    /// and the `Date` header all read it, so tests can move time at will.
    public var now: @Sendable () -> Date

    public init(
        scenario: Scenario.Name = .rollout,
        speed: Double = 1,
        projectID: String? = nil,
        credentials: SimulatorCredentials? = nil,
        faults: FaultPlan = .none,
        quota: RateQuota = .gatewayDefault,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.scenario = scenario
        self.speed = speed
        self.projectID = projectID
        self.credentials = credentials
        self.faults = faults
        self.quota = quota
        self.now = now
    }
}

/// `server_id=a&server_id=b` (the docs), `server_id=a,b` (the SDK), or either.
public enum ServerIDFilter: String, Sendable, Hashable {
    case both, repeated, comma
}
