import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSession
import Testing

/// `Session.make`: the command line's flags win over the selected profile of a real config
/// file; the environment is only the one given. No request is made (no `--demo`).
@Suite("Session.make: flags over the config")
struct SessionMakeTests {
    static let project = SessionScratch.projectID

    /// One profile `p` at 127.0.0.1:18001, without authentication.
    static let onePlainProfile = #"""
        {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(project)", "auth": "none"}}}
        """#

    @Test("the profile's endpoint is used for every service when no flag names one")
    func profileEndpoint() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.onePlainProfile)
        let target = try #require(session.profile("p"))
        #expect(session.profiles.count == 1)
        #expect(target.endpoint == (try Endpoint(parsing: loopback(18001))))
        #expect(Set(target.endpoints.keys) == Set(Service.all))
        #expect(target.endpoints.values.allSatisfy { $0.port == 18001 })
        #expect(target.projectID == Self.project)
        #expect(target.credential == Credential.none)
    }

    @Test("--endpoint wins over the profile's endpoint, for every service")
    func endpointFlagWins() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.onePlainProfile, flags: .with { $0.endpoint = loopback(18002, scheme: "https") })
        let target = try #require(session.profile("p"))
        #expect(target.endpoint.scheme == "https")
        #expect(target.endpoint.port == 18002)
        #expect(target.endpoints.count == Service.all.count)
        #expect(target.endpoints.values.allSatisfy { $0.port == 18002 && $0.host == "127.0.0.1" })
    }

    @Test("--endpoint wins over the profile's per-service endpoints map too")
    func endpointFlagWinsOverMap() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "endpoints": {"ecs": "http://127.0.0.1:18005"},
                                "project_id": "\#(Self.project)", "auth": "none"}}}
            """#
        let session = try await scratch.session(config: config, flags: .with { $0.endpoint = loopback(18002) })
        #expect(session.profile("p")?.endpoint(for: .ecs).port == 18002)
        let without = try await scratch.session(config: config)
        #expect(without.profile("p")?.endpoint(for: .ecs).port == 18005)
        #expect(without.profile("p")?.endpoint(for: .bms).port == 18001)
    }

    @Test("--region wins over the profile's endpoint: each service's host in that region, or its HUAWEICLOUD_SDK_REGION_ variable")
    func regionFlagWins() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(
            config: Self.onePlainProfile, flags: .with { $0.region = "cn-north-4" },
            environment: ["HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4": loopback(18443, scheme: "https")]
        )
        let target = try #require(session.profile("p"))
        #expect(target.endpoint.host == "bms.cn-north-4.myhuaweicloud.com")
        #expect(target.endpoint(for: .evs).host == "evs.cn-north-4.myhuaweicloud.com")
        #expect(target.endpoint(for: .ecs) == (try Endpoint(parsing: loopback(18443, scheme: "https"))))
    }

    @Test("--endpoint wins over --region")
    func endpointOverRegion() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.onePlainProfile, flags: .with {
            $0.region = "cn-north-4"
            $0.endpoint = loopback(18003)
        })
        #expect(session.profile("p")?.endpoint.port == 18003)
        #expect(session.profile("p")?.endpoint.host == "127.0.0.1")
    }

    @Test("--service wins over the profile's service")
    func serviceFlagWins() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "endpoints": {"cce": "http://127.0.0.1:18006"}, "service": "cce",
                                "project_id": "\#(Self.project)", "auth": "none"}}}
            """#
        let profileService = try await scratch.session(config: config)
        #expect(profileService.profile("p")?.service == .cce)
        #expect(profileService.profile("p")?.endpoint.port == 18006, "the endpoint of the profile's service")
        let flagService = try await scratch.session(config: config, flags: .with { $0.service = .ims })
        #expect(flagService.profile("p")?.service == .ims)
        #expect(flagService.profile("p")?.endpoint.port == 18001)
    }

    @Test("--auth wins over the profile's auth")
    func authFlagWins() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "aksk"}}}
            """#
        // The profile wants AK/SK and the environment has none…
        let refused = await thrownError { _ = try await scratch.session(config: config) }
        #expect(refused is UsageError)
        // …but --auth none says to send no credential.
        let session = try await scratch.session(config: config, flags: .with { $0.auth = JobwatchConfig.AuthKind.none })
        #expect(session.resolution("p")?.credentialOrigin == "none (auth none)")
        #expect(session.profile("p")?.credential == Credential.none)
    }

    @Test("the profile's requests_per_minute is its own budget")
    func profileBudget() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none", "requests_per_minute": 12}}}
            """#
        let session = try await scratch.session(config: config)
        #expect(session.profile("p")?.requestsPerMinute == 12)
    }

    // MARK: - Refusals

    @Test("an unknown --profile is one line naming the configured ones")
    func unknownProfile() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"profiles": {"b": {"endpoint": "http://127.0.0.1:18001"}, "a": {"endpoint": "http://127.0.0.1:18002"}}}
            """#
        let error = await thrownError { _ = try await scratch.session(config: config, flags: .with { $0.profile = "nope" }) }
        let usage = try #require(error as? UsageError)
        #expect(usage.description == #"profile "nope" is not in the config — use one of: a, b, or give --region/--endpoint"#)
        #expect(!usage.description.contains("\n"))
        #expect(error is any UsageProblem)
    }

    @Test("an unknown --profile with no profiles configured says so")
    func unknownProfileNoneConfigured() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: "{}", flags: .with { $0.profile = "prod" }) }
        #expect((error as? UsageError)?.description.contains("use one of: (none configured)") == true, "\(String(describing: error))")
    }

    @Test("a --profile not in the config is fine with --endpoint: it is made from the flags")
    func unknownProfileWithEndpoint() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(
            config: Self.onePlainProfile,
            flags: .with {
                $0.profile = "adhoc"
                $0.endpoint = loopback(18007)
                $0.projectID = Self.project
                $0.auth = JobwatchConfig.AuthKind.none
            },
            arguments: ["a1"]
        )
        #expect(session.defaultProfile == "adhoc")
        #expect(session.profiles.map(\.name) == ["adhoc"], "the config's only profile is not loaded when no job needs it")
        #expect(session.profile("adhoc")?.endpoint.port == 18007)
        #expect(session.entries == [WatchEntry(profile: "adhoc", jobID: "a1")])
    }

    @Test("--scenario and --speed without --demo are refused", arguments: [
        SessionFlags.with { $0.scenario = "quick" },
        SessionFlags.with { $0.speed = 10 },
    ])
    func scenarioWithoutDemo(flags: SessionFlags) async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: Self.onePlainProfile, flags: flags) }
        #expect((error as? UsageError)?.description == "--scenario and --speed go with --demo — add --demo, or drop them")
    }

    @Test("a refused run leaves no log file behind")
    func refusedRunOpensNoLog() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let log = (scratch.path as NSString).appendingPathComponent("jobwatch.log")
        let flags = SessionFlags.with {
            $0.logFile = log
            $0.profile = "nowhere"
        }
        let error = await thrownError { _ = try await scratch.session(config: Self.onePlainProfile, flags: flags) }
        #expect(error is UsageError)
        #expect(!FileManager.default.fileExists(atPath: log))
    }

    @Test("a config that does not load is the config's error, naming the file")
    func badConfig() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: #"{"profiles": {"p": {"regoin": "cn-north-4"}}}"#) }
        let configError = try #require(error as? ConfigError)
        #expect(configError.location == "profiles.p.regoin")
        #expect(configError.fileName.hasSuffix("config.json"))
        #expect(error is any UsageProblem)
    }

    @Test("a --config that does not exist is refused")
    func missingConfig() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let flags = SessionFlags.with { $0.config = scratch.path + "/absent.json" }
        let error = await thrownError {
            _ = try await Session.make(
                flags: flags, jobArguments: [], environment: scratch.environment(), includeConfiguredJobs: false,
                purpose: .wait, standardInput: { Data() }
            )
        }
        #expect((error as? ConfigError)?.message == "no such file — check the --config path")
    }

    @Test("an --endpoint that is not a URL is refused as the user's to fix")
    func badEndpointFlag() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let error = await thrownError { _ = try await scratch.session(config: Self.onePlainProfile, flags: .with { $0.endpoint = "ftp://127.0.0.1:18001" }) }
        #expect(error is Endpoint.Problem)
        #expect(error is any UsageProblem)
        #expect((error as? Endpoint.Problem)?.description == #"endpoint "ftp://127.0.0.1:18001" has scheme ftp — use https://"#)
    }

    @Test("--ca-file naming a folder is refused at start, naming the flag; the profile's ca_file names the key")
    func caFileChecked() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let folder = scratch.path + "/certs"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = #"""
            {"profiles": {"p": {"endpoint": "https://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none", "ca_file": "\#(folder)"}}}
            """#
        let fromProfile = await thrownError { _ = try await scratch.session(config: config) }
        #expect((fromProfile as? any UsageProblem)?.description == "profiles.p.ca_file \(folder) is a directory — name a file in it instead")
        let fromFlag = await thrownError { _ = try await scratch.session(config: config, flags: .with { $0.caFile = folder }) }
        #expect((fromFlag as? any UsageProblem)?.description == "--ca-file \(folder) is a directory — name a file in it instead")
    }

    // MARK: - Several profiles

    @Test("flags change only the selected profile; a config job's own profile keeps its settings")
    func flagsOnlyForSelected() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"default_profile": "a",
             "profiles": {"a": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none"},
                          "b": {"endpoint": "http://127.0.0.1:18002", "project_id": "fedcba9876543210fedcba9876543210", "auth": "none"}},
             "jobs": ["j1", {"id": "j2", "profile": "b", "service": "ecs", "label": "web"}]}
            """#
        let flags = SessionFlags.with {
            $0.endpoint = loopback(18009)
            $0.projectID = "flag-project"
        }
        let session = try await scratch.session(config: config, flags: flags, includeConfiguredJobs: true)
        #expect(session.profiles.map(\.name) == ["a", "b"])
        #expect(session.profile("a")?.endpoint.port == 18009)
        #expect(session.profile("a")?.projectID == "flag-project")
        #expect(session.profile("b")?.endpoint.port == 18002)
        #expect(session.profile("b")?.projectID == "fedcba9876543210fedcba9876543210")
        #expect(session.entries == [
            WatchEntry(profile: "a", jobID: "j1"),
            WatchEntry(profile: "b", jobID: "j2", service: .ecs, label: "web"),
        ])
    }

    @Test("a profile no job uses and that is not selected is not resolved")
    func unusedProfileNotResolved() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        // `b` could not be resolved (AK/SK wanted, none in the environment): it must not be tried.
        let config = #"""
            {"default_profile": "a",
             "profiles": {"a": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none"},
                          "b": {"endpoint": "http://127.0.0.1:18002", "project_id": "\#(Self.project)", "auth": "aksk"}}}
            """#
        let session = try await scratch.session(config: config, arguments: ["x1"])
        #expect(session.profiles.map(\.name) == ["a"])
        #expect(session.resolutions.map(\.target.name) == ["a"])
    }

    @Test("the config's jobs are watched only when asked for, before the arguments")
    func configuredJobs() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let config = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "project_id": "\#(Self.project)", "auth": "none"}},
             "jobs": ["c1", {"id": "c2", "service": "evs", "label": "disks"}]}
            """#
        let with = try await scratch.session(config: config, arguments: ["a1"], includeConfiguredJobs: true)
        #expect(with.entries == [
            WatchEntry(profile: "p", jobID: "c1"),
            WatchEntry(profile: "p", jobID: "c2", service: .evs, label: "disks"),
            WatchEntry(profile: "p", jobID: "a1"),
        ])
        let without = try await scratch.session(config: config, arguments: ["a1"], includeConfiguredJobs: false)
        #expect(without.entries == [WatchEntry(profile: "p", jobID: "a1")])
        #expect(with.config.jobs.count == 2, "the config itself is kept whole either way")
        #expect(without.config.jobs.count == 2)
    }

    @Test("no job anywhere is not refused by make (get and wait refuse it when the engine is made)")
    func noJobs() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        let session = try await scratch.session(config: Self.onePlainProfile, includeConfiguredJobs: true)
        #expect(session.entries.isEmpty)
        #expect(session.profiles.map(\.name) == ["p"])
        #expect(session.demo == nil)
    }
}
