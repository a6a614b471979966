import JobModel
/// A set of simulated jobs with fixed timings: what the simulator serves.
public struct Scenario: Sendable {
    /// The built-in scenarios.
    public enum Name: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// "A real morning": a 24-server BMS create with 3 failures, a power-on, a volume
        /// attach, a reinstall that runs for hours, an undocumented status, array-shaped
        /// entities; beside them an ECS create where one server fails on EIP quota, EVS
        /// volumes, an IMS image, EIPs, a CCE cluster and a CCE node create that fails.
        /// All but the stuck and undocumented jobs finish within about 15 scenario minutes.
        case rollout
        /// Three jobs that finish within 30 scenario seconds: for fast tests.
        case quick
        /// One job of each family of FAMILIES.md (RDS, DDS, openGauss, TaurusDB, GeminiDB, DCS,
        /// ELB, SFS Turbo, CBR, DMS), all done within about a minute.
        case families
        /// One bare-metal batch of 1,500 servers, leaving INIT over 20 minutes, 2 % failing:
        /// done within about 35 scenario minutes.
        case bigbatch
        /// A day: three rollouts (each `rollout`'s jobs, drawn anew) at 0, 2 and 4 scenario
        /// hours, idle between (the stuck and undocumented jobs of each stay).
        case day
        /// No fixed jobs: any 32-hex-digit job ID is a synthetic job that starts when first
        /// asked for and finishes within about 15 scenario minutes (for soak tests).
        case soak

        /// Every valid name, for help texts and errors.
        public static var valid: [String] { allCases.map(\.rawValue) }

        /// Parses a scenario name; the error lists the valid ones.
        public init(parsing text: String) throws(ScenarioNameProblem) {
            guard let name = Name(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ScenarioNameProblem(description: "unknown scenario \(text.debugDescription) — use one of: \(Name.valid.joined(separator: ", "))")
            }
            self = name
        }

        public var description: String { rawValue }
    }

    /// Every valid scenario name.
    public static var names: [String] { Name.valid }

    public let name: Name
    /// Top-level jobs, in display order.
    let jobs: [JobPlan]
    /// Every job and sub-job by ID.
    let byID: [String: JobPlan]

    init(name: Name, jobs: [JobPlan]) {
        self.name = name
        self.jobs = jobs
        var byID: [String: JobPlan] = [:]
        func index(_ job: JobPlan) {
            byID[job.id] = job
            job.subJobs.forEach(index)
        }
        jobs.forEach(index)
        self.byID = byID
    }

    /// - Parameter seed: draws the jobs' IDs and durations anew (the benchmark's runs); nil
    ///   gives the scenario as the tests and the demo know it.
    static func make(_ name: Name, seed: UInt64? = nil) -> Scenario {
        switch name {
        case .rollout: rollout(seed: seed)
        case .quick: quick()
        case .families: families()
        case .bigbatch: bigBatch(seed: seed)
        case .day: day(seed: seed)
        case .soak: soak()
        }
    }

    /// What the scenario holds, for printing and for tests.
    public var topLevelJobs: [SimulatedJob] {
        jobs.map { SimulatedJob(service: $0.service, id: $0.id, type: $0.type, subJobCount: $0.subJobs.count, createdAt: $0.createdAt) }
    }
}

/// An unknown scenario name, with the valid ones in its description.
public struct ScenarioNameProblem: UsageProblem, Sendable, Hashable {
    public var description: String
}

/// A top-level job of a scenario.
public struct SimulatedJob: Sendable, Hashable {
    /// Whose job it is: which path serves it, and how its body reads.
    public var service: Service
    public var id: String
    /// The `job_type` (CCE: `spec.type`), e.g. `baremetalBatchCreate`, `CreateCluster`.
    public var type: String
    public var subJobCount: Int
    /// Scenario seconds at which the API starts to know it (before, it answers 404).
    public var createdAt: Double

    /// `ecs/ff80…`: the job named with its service, as the command line takes it.
    public var qualifiedID: String { "\(service.name)/\(id)" }
}
