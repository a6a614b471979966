import Foundation

/// One family of asynchronous jobs (BMS, ECS, EVS, IMS, VPC/EIP, CCE): where its job API is
/// served, how its bodies read, what its job types mean and how long they take.
///
/// Adding a service is one descriptor (a `Service+NAME.swift` file and its entry in `all`)
/// plus, when its body differs from the others', one dialect (`JobDialect`) in `JobAPI`.
public struct Service: Sendable {
    /// Every field behind one reference: each job's key and entry and every transition carry
    /// their service, and a dozen fields inline cost 128 bytes and a dozen retains a copy.
    private let storage: Storage

    private final class Storage: Sendable {
        let name: String
        let tag: String
        let title: String
        let aliases: [String]
        let hostPrefix: String
        let hostExceptions: [String: String]
        let jobPath: String
        let jobQuery: String?
        let notFoundCodes: Set<String>
        let scope: Scope
        let globalHosts: [String: String]
        let dialect: Dialect
        let statusWords: [String: JobStatus.Outcome]
        let kinds: [String: Kind]
        let typicalDuration: TimeInterval

        init(
            name: String, tag: String, title: String, aliases: [String], hostPrefix: String, hostExceptions: [String: String],
            jobPath: String, jobQuery: String?, notFoundCodes: Set<String>, scope: Scope, globalHosts: [String: String],
            dialect: Dialect, statusWords: [String: JobStatus.Outcome],
            kinds: [String: Kind], typicalDuration: TimeInterval
        ) {
            self.name = name
            self.tag = tag
            self.title = title
            self.aliases = aliases
            self.hostPrefix = hostPrefix
            self.hostExceptions = hostExceptions
            self.jobPath = jobPath
            self.jobQuery = jobQuery
            self.notFoundCodes = notFoundCodes
            self.scope = scope
            self.globalHosts = globalHosts
            self.dialect = dialect
            self.statusWords = statusWords
            self.kinds = kinds
            self.typicalDuration = typicalDuration
        }
    }

    /// The name used on the command line, in configs, state files and JSON: `ecs`.
    public var name: String { storage.name }
    /// The short tag shown on screen: `ECS`.
    public var tag: String { storage.tag }
    /// What it is, for help texts: `Elastic Cloud Server`.
    public var title: String { storage.title }
    /// Other names accepted for it (`eip` for `vpc`).
    public var aliases: [String] { storage.aliases }
    /// The host's first label: `ecs` in `ecs.{region}.myhuaweicloud.com` (EIP jobs: `vpc`).
    public var hostPrefix: String { storage.hostPrefix }
    /// Regions whose host breaks the pattern (CCE `eu-west-101` is on `.myhuaweicloud.eu`).
    public var hostExceptions: [String: String] { storage.hostExceptions }
    /// The job's path, with `{project_id}` and `{job_id}` to fill in (DMS: `{instance_id}` too,
    /// its job IDs being `INSTANCE_ID/TASK_ID`).
    public var jobPath: String { storage.jobPath }
    /// The query parameter that carries the job ID instead of the path (`id`: the database family).
    public var jobQuery: String? { storage.jobQuery }
    /// Error codes that say "no such job" with another status than 404 (`DBS.200543`, a 400).
    public var notFoundCodes: Set<String> { storage.notFoundCodes }
    /// Whose its jobs are: a project's, or the account's (Global EIP, orders).
    public var scope: Scope { storage.scope }
    /// Huawei Cloud's hosts of an account-wide service, by region prefix (longest first wins;
    /// `""` for any): BSS is `bss.` for Chinese regions, `bss-intl.` elsewhere.
    public var globalHosts: [String: String] { storage.globalHosts }

    public enum Scope: Sendable, Hashable {
        /// `{project_id}` in the path, `X-Project-Id` signed: where every service's jobs live.
        case project
        /// The account's (domain's): `{domain_id}` in the path or `X-Domain-Id`, no project.
        case account
    }

    /// Whether its job IDs name their instance first: `INSTANCE_ID/TASK_ID` (DMS).
    public var idNamesInstance: Bool { storage.jobPath.contains("{instance_id}") }
    /// Whether its path names the account (`{domain_id}`: Global EIP): such a job needs the domain ID.
    public var pathNamesDomain: Bool { storage.jobPath.contains("{domain_id}") }
    /// A DMS ID `INSTANCE_ID/TASK_ID` in its two parts; `nil` unless it is exactly two non-empty parts.
    public static func instanceAndTask(_ id: String) -> (instance: String, task: String)? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
    /// How its IDs are written after `SERVICE/`, for help texts and errors.
    public var idForm: String { idNamesInstance ? "INSTANCE_ID/TASK_ID" : "JOB_ID" }
    /// How its bodies are read.
    public var dialect: Dialect { storage.dialect }
    /// The status words it documents (upper-cased) and what they mean.
    public var statusWords: [String: JobStatus.Outcome] { storage.statusWords }
    /// Its job types: a short label and how long one usually takes.
    public var kinds: [String: Kind] { storage.kinds }
    /// How long a job of a type it does not list usually takes.
    public var typicalDuration: TimeInterval { storage.typicalDuration }

    /// The body shapes jobwatch reads; one `JobDialect` each in `JobAPI`.
    public enum Dialect: Sendable, Hashable {
        /// `{status, job_id, job_type, entities: {sub_jobs…}}` (BMS, ECS, EVS, IMS, VPC).
        case jobsV1
        /// Kubernetes-style `{metadata, spec: {subJobs…}, status: {phase}}` (CCE).
        case cce
        /// A flat job object whose fields `JobFields` names (the families of FAMILIES.md).
        case fields(JobFields)

        /// The field description of a `fields` dialect.
        public var fields: JobFields? {
            if case .fields(let fields) = self { fields } else { nil }
        }
    }

    public struct Kind: Sendable, Hashable {
        public let label: String
        /// Seconds one usually takes, until finished jobs of the type are seen.
        public let typical: TimeInterval

        public init(_ label: String, minutes: Double) {
            self.label = label
            self.typical = minutes * 60
        }
    }

    public init(
        name: String, tag: String, title: String, aliases: [String] = [], hostPrefix: String,
        hostExceptions: [String: String] = [:], jobPath: String = "/v1/{project_id}/jobs/{job_id}", jobQuery: String? = nil,
        notFoundCodes: Set<String> = [], scope: Scope = .project, globalHosts: [String: String] = [:], dialect: Dialect = .jobsV1, statusWords: [String: JobStatus.Outcome] = Service.jobsV1Words,
        kinds: [String: Kind], typicalDuration: TimeInterval
    ) {
        storage = Storage(
            name: name, tag: tag, title: title, aliases: aliases, hostPrefix: hostPrefix, hostExceptions: hostExceptions,
            jobPath: jobPath, jobQuery: jobQuery, notFoundCodes: notFoundCodes, scope: scope, globalHosts: globalHosts,
            dialect: dialect, statusWords: statusWords, kinds: kinds, typicalDuration: typicalDuration
        )
    }

    /// The words of the `/v1/{project_id}/jobs/{job_id}` family. `PENDING_PAYMENT` is
    /// documented by ECS (a yearly/monthly order not paid); BMS sells such orders too.
    public static let jobsV1Words: [String: JobStatus.Outcome] = [
        "INIT": .initial, "RUNNING": .running, "SUCCESS": .success, "FAIL": .fail, "PENDING_PAYMENT": .pendingPayment,
    ]

    /// Every service jobwatch knows, in the order help texts list them.
    public static let all: [Service] = [
        .bms, .ecs, .evs, .ims, .vpc, .cce, .rds, .dds, .opengauss, .taurusdb, .geminidb, .dcs, .elb, .sfsturbo, .cbr, .dms, .geip, .order,
    ]

    /// The service of a name or alias, any case.
    public static func named(_ name: String) -> Service? {
        let lowered = name.lowercased()
        return all.first { $0.name == lowered || $0.aliases.contains(lowered) }
    }

    /// `bms, ecs, evs, …`: for errors that name the known services.
    public static var knownNames: String { all.map(\.name).joined(separator: ", ") }

    /// The public host of this service in a region of a cloud.
    public func host(region: String, cloud: Cloud = .huaweicloud) -> String {
        if cloud == .huaweicloud, let exception = hostExceptions[region] { return exception }
        // Huawei Cloud's account-wide hosts; other clouds build them per region (RegionClient).
        if cloud == .huaweicloud, let global = globalHosts.filter({ region.hasPrefix($0.key) }).max(by: { $0.key.count < $1.key.count }) {
            return global.value
        }
        return cloud.host(self, region: region)
    }

    /// The services a host serves in a region, and that region: `rds.cn-north-4.myhuaweicloud.com`
    /// is RDS in cn-north-4; `gaussdb.tr-west-1.myhuaweicloud.com` is openGauss (TaurusDB is on
    /// `gaussdbformysql.` there). `nil` for a host of no region pattern (a proxy, loopback).
    public static func at(host: String) -> (services: [Service], region: String)? {
        let host = host.lowercased()
        let labels = host.split(separator: ".")
        guard labels.count >= 3 else { return nil }
        let region = String(labels[1])
        let domain = labels.dropFirst(2).joined(separator: ".")
        // Any cloud of FAMILIES.md §9; a Huawei Cloud Stack host names its own domain.
        let clouds: [Cloud] = [.huaweicloud, .otc, .flexibleengine, .cloudru, .g42, .hcs(domain: domain)]
        for cloud in clouds {
            let services = all.filter { $0.host(region: region, cloud: cloud) == host }
            if !services.isEmpty { return (services, region) }
        }
        return nil
    }

    /// A short label for one of its job types; a type it does not list is shown as it is.
    public func label(for type: String?) -> String {
        guard let type, !type.isEmpty else { return "job" }
        return kinds[type]?.label ?? type
    }

    /// What a status word means to any service: their words do not collide.
    static func outcome(ofWord word: String) -> JobStatus.Outcome {
        let upper = word.uppercased()
        for service in all {
            if let outcome = service.statusWords[upper] { return outcome }
        }
        return .unknown
    }
}

extension Service: Hashable {
    public static func == (a: Service, b: Service) -> Bool { a.storage === b.storage || a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension Service: CustomStringConvertible {
    public var description: String { name }
}

extension Service: Codable {
    public struct UnknownName: Error, CustomStringConvertible {
        public var name: String
        public init(name: String) { self.name = name }
        public var description: String { "service \(name.debugDescription) is not one jobwatch knows — use one of: \(Service.knownNames)" }
    }

    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let service = Service.named(name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: UnknownName(name: name).description))
        }
        self = service
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
