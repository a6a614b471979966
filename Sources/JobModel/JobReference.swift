/// A job as the operator names it — on the command line, in the dashboard's `a` prompt, in a
/// jobs file, in the config: `[SERVICE/]ID [label]`, read here and nowhere else. `SERVICE/` is
/// kubectl's `type/name`; the first `/` always ends a service name (job IDs hold none but DMS's,
/// written `dms/INSTANCE_ID/TASK_ID`).
public struct JobReference: Sendable, Hashable {
    public var id: String
    /// The job's service when the text says it (`ecs/ID`, or a creation response's shape);
    /// `nil` for the profile's default.
    public var service: Service?
    public var label: String?
    /// The profile that reaches it (the config's `jobs`); `nil` for the selected one.
    public var profile: String?
    /// Where a log line saw it asked (`JobLogLine`): the project and region it lives in, to
    /// check against the profile that will read it.
    public var logged: LoggedQuery?

    public struct LoggedQuery: Sendable, Hashable {
        public var host: String?
        public var region: String?
        public var projectID: String

        public init(host: String?, region: String?, projectID: String) {
            self.host = host
            self.region = region
            self.projectID = projectID
        }
    }

    public init(id: String, service: Service? = nil, label: String? = nil, profile: String? = nil) {
        self.id = id
        self.service = service
        self.label = label
        self.profile = profile
    }

    /// What is wrong with a reference, in one line that says what to write instead.
    public struct Problem: UsageProblem, Sendable, Hashable {
        public var description: String
        /// A few words for a prompt's line, which has no room for the fix (`job ID is empty`).
        public var brief: String

        public init(description: String, brief: String? = nil) {
            self.description = description
            self.brief = brief ?? description
        }

        /// The same problem, said of a place (`stdin:3`, `jobs.txt:2`).
        public func at(_ place: String) -> Problem {
            Problem(description: "\(place): \(description)", brief: brief)
        }
    }

    /// `ID` or `SERVICE/ID`: one argument, one token of the `a` prompt.
    public init(parsing text: String) throws(Problem) {
        let (service, id) = try Self.splitService(text)
        if let problem = JobID.problem(with: id) {
            throw Problem(description: "job ID \(JobID.quoted(id)) \(problem) — give the job_id the API returned, optionally as SERVICE/JOB_ID", brief: "job ID \(problem)")
        }
        self.init(id: id, service: service)
    }

    /// `[SERVICE/]ID [label]`: one line of a jobs file or of standard input (already trimmed,
    /// not a comment, not JSON).
    public init(line: String) throws(Problem) {
        let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
        let token = parts.first.map(String.init) ?? ""
        let (service, id) = try Self.splitService(token)
        // `ecs/ label`: the label must not become the ID.
        if service != nil, id.isEmpty {
            throw Problem(description: "job ID \"\" is empty — write SERVICE/JOB_ID with no space after the /")
        }
        if let problem = JobID.problem(with: id) {
            throw Problem(description: "job ID \(JobID.quoted(id)) \(problem) — one job ID per line, optionally followed by a label")
        }
        let label = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : nil
        self.init(id: id, service: service, label: label?.isEmpty == false ? label : nil)
    }

    /// The service a `SERVICE/` prefix names (`nil` without one) and the text after it.
    public static func splitService(_ text: String) throws(Problem) -> (Service?, String) {
        guard let slash = text.firstIndex(of: "/") else { return (nil, text) }
        let name = String(text[..<slash])
        guard let service = Service.named(name) else {
            throw Problem(
                description: "unknown service \(JobID.quoted(name)) in \(JobID.quoted(text)) — use one of: \(Service.knownNames)",
                // The prompt's footer has no room for sixteen names: `--help` lists them.
                brief: "unknown service \(JobID.quoted(name)) (jobwatch --help lists them)")
        }
        let id = String(text[text.index(after: slash)...])
        // A DMS task is reached through its instance: `dms/INSTANCE_ID/TASK_ID`.
        if service.idNamesInstance, !id.isEmpty, Service.instanceAndTask(id) == nil {
            throw Problem(
                description: "\(service.name) task \(JobID.quoted(id)) does not name its instance — write \(service.name)/\(service.idForm)",
                brief: "write \(service.name)/\(service.idForm)")
        }
        return (service, id)
    }

    /// The engine's entry for it: its own profile, else `defaultProfile`.
    public func watchEntry(defaultProfile: String) -> WatchEntry {
        WatchEntry(profile: profile ?? defaultProfile, jobID: id, service: service, label: label)
    }

    /// Whether `key` is this job: the same ID and, when the reference names one, the same service.
    public func matches(_ key: JobKey) -> Bool {
        key.jobID == id && (service == nil || service == key.service)
    }

    /// As the operator would write it: `ecs/ID`, or the bare ID.
    public var text: String {
        service.map { "\($0.name)/\(id)" } ?? id
    }
}
