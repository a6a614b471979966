import JobSimulator

/// A scenario the engine is compared on: the simulator's jobs, how long they are watched, how
/// finely the pollers' views are sampled, and any 429 storm on top.
struct BenchScenario: Sendable {
    /// Seconds of scenario time in which the gateway admits only `perMinute` requests per
    /// credential: other tools of the account spend the rest of its quota, so its 429s still
    /// state the whole quota (100 a minute).
    struct Storm: Sendable {
        var from: Double
        var until: Double
        var perMinute: Int
    }

    var name: String
    var simulator: Scenario.Name
    var horizon: Double
    /// Observation step, scenario seconds: the delays' resolution.
    var step: Double
    var storm: Storm?
    /// The engine starts from a state holding yesterday's run of the same scenario (another
    /// seed), finished: the durations it learnt there, as an operator's state keeps them.
    var warm = false
    var summary: String

    static let all: [BenchScenario] = [
        BenchScenario(name: "rollout", simulator: .rollout, horizon: 1200, step: 0.25, storm: nil,
                      summary: "a real morning: 16 jobs of 11 services, 20 minutes"),
        BenchScenario(name: "warm", simulator: .rollout, horizon: 1200, step: 0.25, storm: nil, warm: true,
                      summary: "the rollout, with yesterday's rollout in the state (durations learnt)"),
        BenchScenario(name: "bigbatch", simulator: .bigbatch, horizon: 2400, step: 1, storm: nil,
                      summary: "one bare-metal batch of 1,500 servers, 40 minutes"),
        BenchScenario(name: "day", simulator: .day, horizon: 5 * 3600, step: 1, storm: nil,
                      summary: "three rollouts two hours apart, idle between, 5 hours"),
        BenchScenario(name: "storm", simulator: .rollout, horizon: 1200, step: 0.25,
                      storm: Storm(from: 120, until: 420, perMinute: 10),
                      summary: "the rollout with the account's quota at 10/min from 2:00 to 7:00"),
    ]

    static func named(_ name: String) -> BenchScenario? { all.first { $0.name == name } }
}
