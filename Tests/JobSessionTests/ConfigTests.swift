import Foundation
import Testing
import JobModel
import JobSession

struct ConfigTests {
    static func parse(_ text: String, fileName: String = "config.json") throws(ConfigError) -> JobwatchConfig {
        try JobwatchConfig.parse(Data(text.utf8), fileName: fileName)
    }

    /// The one-line error `text` gives, or `nil` when it loads.
    static func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    static let home = NSHomeDirectory()

    // MARK: - The example

    @Test func theExampleLoads() throws {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config.example.json").path
        let config = try JobwatchConfig.load(path: path)

        #expect(config.defaultProfile == "prod")
        #expect(config.profiles == [
            "prod": {
                var prod = JobwatchConfig.Profile(
                    region: "cn-north-4", projectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", auth: .aksk,
                    credentialsFile: "\(Self.home)/.config/jobwatch/prod.credentials", requestsPerMinute: 30
                )
                prod.domainID = "8e7d6c5b4a3f40219e8d7c6b5a4f3e2d"
                return prod
            }(),
            "otc": {
                var otc = JobwatchConfig.Profile(region: "eu-de", projectID: "1b2c3d4e5f60718293a4b5c6d7e8f90a")
                otc.cloud = .otc
                otc.service = .rds
                return otc
            }(),
            "k8s": {
                var k8s = JobwatchConfig.Profile(
                    region: "cn-north-4", projectID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", auth: .aksk,
                    credentialsFile: "\(Self.home)/.config/jobwatch/prod.credentials"
                )
                k8s.service = .cce
                k8s.endpoints = [.cce: "https://cce.private-cloud.example.com"]
                return k8s
            }(),
            "sim": .init(projectID: "demo-project", endpoint: "http://127.0.0.1:8080", auth: .none),
        ])
        #expect(config.jobs == [
            .init(id: "2c9eb2c5544cbf6101544f0602af2b4f", label: "web tier rollout"),
            .init(id: "ff80808288d41e1b018a8ec1c6c30f2d", label: "db reinstall"),
            .init(id: "ff8080827e7810fb017f06338a731328", service: .ecs, label: "web servers"),
            .init(id: "5ec1518c-87db-11ec-b5e5-0255ac101514", label: "prod node pool", profile: "k8s"),
            .init(id: "sim-batch-0001", label: "simulated batch", profile: "sim"),
            .init(id: "ff80808288d41e1b018a8ec1c6c30f3e"),
        ])
        // The example spells out the defaults.
        #expect(config.poll == JobwatchConfig.PollSettings())
        #expect(config.ui == JobwatchConfig.UISettings())
    }

    // MARK: - Defaults

    @Test(arguments: ["{}", "", "  \n", #"{"profiles":null,"jobs":null,"poll":null,"ui":null,"default_profile":null}"#])
    func defaults(_ text: String) throws {
        let config = try Self.parse(text)
        #expect(config == JobwatchConfig())
        #expect(config.defaultProfile == nil)
        #expect(config.profiles.isEmpty)
        #expect(config.jobs.isEmpty)
        #expect(config.poll.interval == .seconds(10))
        #expect(config.poll.requestsPerMinute == 30)
        #expect(config.poll.maxConcurrency == 4)
        #expect(config.poll.requestTimeout == .seconds(30))
        #expect(config.poll.connectTimeout == .seconds(5))
        #expect(config.poll.slowFactor == 2.0)
        #expect(config.poll.retention == .seconds(7 * 86_400))
        #expect(config.poll.heartbeat == .seconds(60))
        #expect(config.ui.timeZone == .local)
        #expect(config.ui.bell == false)
        #expect(config.ui.color == .auto)
        #expect(config.ui.expandFailed == true)
        #expect(config.ui.names, "names are looked up unless turned off")
    }

    @Test func aProfileWithOnlyARegionGetsDefaults() throws {
        let config = try Self.parse(#"{"profiles":{"p":{"region":"ap-southeast-1"}}}"#)
        #expect(config.profiles["p"] == .init(region: "ap-southeast-1"))
        #expect(config.profiles["p"]?.auth == .auto)
    }

    @Test func everySettingIsRead() throws {
        let config = try Self.parse("""
            {"poll":{"interval":"1m30s","requests_per_minute":12.5,"max_concurrency":2,"request_timeout":"45s",
                     "connect_timeout":"250ms","slow_factor":3,"retention":"2d","heartbeat":"5m","mode":"prompt"},
             "ui":{"time_zone":"utc","bell":true,"color":"never","expand_failed":false,"names":false}}
            """)
        #expect(config.poll.interval == .seconds(90))
        #expect(config.poll.requestsPerMinute == 12.5)
        #expect(config.poll.maxConcurrency == 2)
        #expect(config.poll.requestTimeout == .seconds(45))
        #expect(config.poll.connectTimeout == .milliseconds(250))
        #expect(config.poll.slowFactor == 3)
        #expect(config.poll.retention == .seconds(2 * 86_400))
        #expect(config.poll.heartbeat == .seconds(300))
        #expect(config.poll.mode == .prompt)
        #expect(config.ui.timeZone == .utc)
        #expect(config.ui.bell)
        #expect(config.ui.color == .never)
        #expect(!config.ui.expandFailed)
        #expect(!config.ui.names)
    }

    @Test func paths() throws {
        let config = try Self.parse(
            #"{"profiles":{"a":{"region":"cn-north-4","credentials_file":"~/creds","ca_file":"certs/ca.pem"},"b":{"region":"cn-north-4","credentials_file":"/etc/jw/creds"}}}"#,
            fileName: "/srv/jobwatch/config.json"
        )
        #expect(config.profiles["a"]?.credentialsFile == "\(Self.home)/creds")
        #expect(config.profiles["a"]?.caFile == "/srv/jobwatch/certs/ca.pem")
        #expect(config.profiles["b"]?.credentialsFile == "/etc/jw/creds")
    }

    @Test func proxyPerProfile() throws {
        let config = try Self.parse(#"{"profiles":{"a":{"region":"cn-north-4","proxy":"http://ops:pw-Secret9@proxy.corp:3128"},"b":{"region":"cn-north-4","proxy":"none"}}}"#)
        #expect(config.profiles["a"]?.proxy == "http://ops:pw-Secret9@proxy.corp:3128")
        #expect(config.profiles["b"]?.proxy == "none")
        do {
            _ = try Self.parse(#"{"profiles":{"a":{"region":"cn-north-4","proxy":"ftp://ops:pw-Secret9@proxy.corp:21"}}}"#)
            Issue.record("an ftp proxy must be refused")
        } catch {
            #expect("\(error)".contains("profiles.a.proxy"), "\(error)")
            #expect(!"\(error)".contains("pw-Secret9"), "\(error)")
        }
    }

    @Test func jobsAsStringsAndObjects() throws {
        let config = try Self.parse(#"{"profiles":{"prod":{"region":"cn-north-4"}},"jobs":["j1",{"id":"j2"},{"id":" j3 ","profile":"prod","label":"  "},{"id":"j4","label":null}]}"#)
        #expect(config.jobs == [.init(id: "j1"), .init(id: "j2"), .init(id: "j3", profile: "prod"), .init(id: "j4")])
    }

    // MARK: - Errors, each with its exact line

    @Test(arguments: [
        // wrong types, with the exact path
        (#"{"profiles":{"prod":{"region":5}}}"#, "config.json: profiles.prod.region: expected a string"),
        (#"{"profiles":{"prod":"cn-north-4"}}"#, "config.json: profiles.prod: expected an object {…}"),
        (#"{"profiles":[]}"#, "config.json: profiles: expected an object {…}"),
        (#"{"jobs":{"a":"b"}}"#, "config.json: jobs: expected a list […]"),
        (#"{"jobs":["a",{"id":7}]}"#, "config.json: jobs[1].id: expected a string"),
        (#"{"jobs":[true]}"#, #"config.json: jobs[0]: expected a job ID string or an object {"id", "profile", "service", "label"}"#),
        (#"{"poll":{"interval":10}}"#, #"config.json: poll.interval: expected a duration like "10s", "5m", "1h30m" or "250ms""#),
        (#"{"poll":{"interval":"10"}}"#, #"config.json: poll.interval: expected a duration like "10s", "5m", "1h30m" or "250ms""#),
        (#"{"poll":{"requests_per_minute":"30"}}"#, "config.json: poll.requests_per_minute: expected a number"),
        (#"{"poll":{"max_concurrency":2.5}}"#, "config.json: poll.max_concurrency: expected a whole number"),
        (#"{"ui":{"bell":"yes"}}"#, "config.json: ui.bell: expected true or false"),
        (#"{"ui":{"color":"blue"}}"#, "config.json: ui.color: expected one of auto, never, always"),
        (#"{"ui":{"time_zone":"Europe/Paris"}}"#, "config.json: ui.time_zone: expected one of local, utc"),
        (#"{"profiles":{"p":{"region":"cn-north-4","auth":"password"}}}"#, "config.json: profiles.p.auth: expected one of aksk, token, none, auto, metadata"),
        ("[]", "config.json: expected an object {…} at the top level"),
        // unknown keys
        (#"{"profiles":{"prod":{"regoin":"cn-north-4"}}}"#, "config.json: profiles.prod.regoin: unknown key — did you mean region?"),
        (#"{"profiles":{"prod":{"region":"cn-north-4","projectId":"p"}}}"#, "config.json: profiles.prod.projectId: unknown key — did you mean project_id?"),
        (#"{"pol":{}}"#, "config.json: pol: unknown key — did you mean poll?"),
        (#"{"poll":{"intervall":"5s"}}"#, "config.json: poll.intervall: unknown key — did you mean interval?"),
        (#"{"theme":"dark"}"#, "config.json: theme: unknown key — known keys here: default_profile, profiles, jobs, poll, ui"),
        (#"{"profiles":{"my.prof":{"regoin":"x"}}}"#, #"config.json: profiles["my.prof"].regoin: unknown key — did you mean region?"#),
        (#"{"jobs":[{"id":"a","lable":"x"}]}"#, "config.json: jobs[0].lable: unknown key — did you mean label?"),
        // what makes no sense without it
        (#"{"profiles":{"prod":{"project_id":"p"}}}"#, #"config.json: profiles.prod: needs region or endpoint — add "region": "cn-north-4" or "endpoint": "https://…""#),
        (#"{"jobs":[{"label":"x"}]}"#, #"config.json: jobs[0]: needs an id — write the job as "<job id>" or {"id": "<job id>", "label": "…"}"#),
        // job IDs
        (#"{"jobs":["ok","also-ok","has space"]}"#, "config.json: jobs[2]: job ID contains whitespace — give the job_id the create/operate call returned"),
        (#"{"jobs":["a","b",{"id":""}]}"#, "config.json: jobs[2].id: job ID is empty — give the job_id the create/operate call returned"),
        // profile references
        (#"{"profiles":{"prod":{"region":"cn-north-4"}},"jobs":[{"id":"a","profile":"prd"}]}"#, #"config.json: jobs[0].profile: no profile named "prd" — did you mean prod?"#),
        (#"{"profiles":{"prod":{"region":"cn-north-4"},"sim":{"endpoint":"http://127.0.0.1:1"}},"jobs":[{"id":"a","profile":"staging"}]}"#, #"config.json: jobs[0].profile: no profile named "staging" — known profiles: prod, sim"#),
        (#"{"default_profile":"prod"}"#, #"config.json: default_profile: no profile named "prod" — add it under "profiles""#),
        // values checked against what can work
        (#"{"profiles":{"prod":{"region":"CN-NORTH-4"}}}"#, #"config.json: profiles.prod.region: region "CN-NORTH-4" is not a region name — use one like cn-north-4 or ap-southeast-1"#),
        (#"{"profiles":{"prod":{"endpoint":"http://10.1.2.3:8080"}}}"#, #"config.json: profiles.prod.endpoint: endpoint "http://10.1.2.3:8080" uses plain http to a non-loopback host — use https:// (http is allowed only for 127.0.0.1, localhost and ::1)"#),
        (#"{"profiles":{"prod":{"region":"cn-north-4","project_id":"a b"}}}"#, "config.json: profiles.prod.project_id: project ID contains whitespace — copy it from the console's My Credentials page"),
        (#"{"profiles":{"prod":{"region":""}}}"#, "config.json: profiles.prod.region: is empty — give a value or remove the key"),
        (#"{"profiles":{"":{"region":"cn-north-4"}}}"#, #"config.json: profiles[""]: a profile name must be non-empty and without spaces"#),
        // numeric ranges
        (#"{"poll":{"requests_per_minute":0}}"#, "config.json: poll.requests_per_minute: must be more than 0 and at most 6000"),
        (#"{"poll":{"requests_per_minute":-5}}"#, "config.json: poll.requests_per_minute: must be more than 0 and at most 6000"),
        (#"{"profiles":{"p":{"region":"cn-north-4","requests_per_minute":6001}}}"#, "config.json: profiles.p.requests_per_minute: must be more than 0 and at most 6000"),
        (#"{"poll":{"interval":"500ms"}}"#, "config.json: poll.interval: must be from 1s to 1d"),
        (#"{"poll":{"max_concurrency":0}}"#, "config.json: poll.max_concurrency: must be from 1 to 64"),
        (#"{"poll":{"slow_factor":0.5}}"#, "config.json: poll.slow_factor: must be from 1 to 100"),
        (#"{"poll":{"mode":"fast"}}"#, "config.json: poll.mode: expected one of frugal, balanced, prompt"),
        (#"{"poll":{"request_timeout":"0s"}}"#, "config.json: poll.request_timeout: must be from 1s to 10m"),
        (#"{"poll":{"retention":"10m"}}"#, "config.json: poll.retention: must be from 1h to 365d"),
        (#"{"poll":{"request_timeout":"5s","connect_timeout":"10s"}}"#, "config.json: poll.connect_timeout: connect_timeout must not be longer than request_timeout"),
        (#"{"poll":{"request_timeout":"2s"}}"#, "config.json: poll.request_timeout: connect_timeout must not be longer than request_timeout"),
    ])
    func errors(_ text: String, _ expected: String) {
        #expect(Self.error(text) == expected)
    }

    // MARK: - Secrets

    @Test(arguments: [
        (#"{"profiles":{"prod":{"region":"cn-north-4","sk":"TopSecretValue123"}}}"#, "profiles.prod.sk"),
        (#"{"profiles":{"prod":{"region":"cn-north-4","secret_key":"TopSecretValue123"}}}"#, "profiles.prod.secret_key"),
        (#"{"profiles":{"prod":{"region":"cn-north-4","SecretKey":"TopSecretValue123"}}}"#, "profiles.prod.SecretKey"),
        (#"{"profiles":{"prod":{"region":"cn-north-4","token":"TopSecretValue123"}}}"#, "profiles.prod.token"),
        (#"{"profiles":{"prod":{"region":"cn-north-4","security_token":"TopSecretValue123"}}}"#, "profiles.prod.security_token"),
        (#"{"password":"TopSecretValue123"}"#, "password"),
        (#"{"jobs":[{"id":"a","auth_token":"TopSecretValue123"}]}"#, "jobs[0].auth_token"),
        (#"{"profiles":{"prod":{"region":"cn-north-4","HUAWEICLOUD_SDK_SK":"TopSecretValue123"}}}"#, "profiles.prod.HUAWEICLOUD_SDK_SK"),
    ])
    func secretsAreSentElsewhereAndNeverPrinted(_ text: String, _ location: String) throws {
        let message = try #require(Self.error(text))
        #expect(message == "config.json: \(location): secrets do not belong in the config file — move it to the environment (HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_TOKEN) or to the file named by the profile's credentials_file")
        #expect(!message.contains("TopSecretValue123"))
    }

    /// A secret value under a known key with the wrong type is not printed either.
    @Test func valuesAreNeverEchoedInTypeErrors() throws {
        let message = try #require(Self.error(#"{"profiles":{"prod":{"region":"cn-north-4","credentials_file":["TopSecretValue123"]}}}"#))
        #expect(message == "config.json: profiles.prod.credentials_file: expected a string")
    }

    // MARK: - Syntax

    @Test func aSyntaxErrorNamesItsLine() {
        let text = "{\n  \"poll\": {\n    \"interval\": ,\n  }\n}\n"
        #expect(Self.error(text) == "config.json: line 3: not valid JSON (invalid value) — fix the syntax")
    }

    @Test func aSyntaxErrorOnTheFirstLine() {
        #expect(Self.error("{poll: 1}") == "config.json: line 1: not valid JSON (invalid value) — fix the syntax")
    }

    @Test func aTruncatedFileHasNoLine() {
        #expect(Self.error("{\n  \"poll\": {\n") == "config.json: not valid JSON (unexpected end of file during JSON parse) — fix the syntax")
    }

    // MARK: - Files

    @Test func loadingAMissingFile() {
        #expect {
            try JobwatchConfig.load(path: "/nonexistent/jobwatch/config.json")
        } throws: { error in
            String(describing: error) == "/nonexistent/jobwatch/config.json: no such file — check the --config path"
        }
    }

    @Test func loadingAFileNamesItInErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("config.json").path
        try Data(#"{"profiles":{"p":{"region":"cn-north-4","credentials_file":"creds"}},"ui":{"bel":true}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try JobwatchConfig.load(path: path)
        } throws: { error in
            String(describing: error) == "\(path): ui.bel: unknown key — did you mean bell?"
        }
        try Data(#"{"profiles":{"p":{"region":"cn-north-4","credentials_file":"creds"}}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try JobwatchConfig.load(path: path).profiles["p"]?.credentialsFile == folder.appendingPathComponent("creds").path)
    }

    @Test func defaultPath() {
        #expect(JobwatchConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"]) == "/xdg/jobwatch/config.json")
        #expect(JobwatchConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.config/jobwatch/config.json")
        #expect(JobwatchConfig.defaultPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/u"]) == "/home/u/.config/jobwatch/config.json")
        #expect(JobwatchConfig.defaultPath(environment: [:]).hasSuffix("/.config/jobwatch/config.json"))
    }

    // MARK: - Durations

    @Test(arguments: [
        ("90s", Duration.seconds(90)), ("5m", .seconds(300)), ("1h", .seconds(3600)), ("1h30m", .seconds(5400)),
        ("250ms", .milliseconds(250)), ("7d", .seconds(604_800)), ("1m30s", .seconds(90)), ("0s", .zero),
        ("1d2h3m4s5ms", .milliseconds(93_784_005)), (" 10s ", .seconds(10)), ("1s500ms", .milliseconds(1500)),
    ])
    func durationsParse(_ text: String, _ duration: Duration) {
        #expect(DurationText.parse(text) == duration)
    }

    @Test(arguments: ["", "10", "s", "1.5s", "-5s", "5 s", "5S", "1x", "30m1h", "1m1m", "1h 30m", "5sec", "999999999999999d", "1e3s"])
    func notDurations(_ text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(90), "1m30s"), (.seconds(300), "5m"), (.seconds(5400), "1h30m"), (.milliseconds(250), "250ms"),
        (.seconds(604_800), "7d"), (.zero, "0s"), (.milliseconds(1500), "1s500ms"), (.seconds(-90), "-1m30s"),
        (.microseconds(1500), "1ms"), (.seconds(86_400 + 1), "1d1s"),
    ])
    func durationsFormat(_ duration: Duration, _ text: String) {
        #expect(DurationText.format(duration) == text)
    }

    @Test(arguments: [Duration.seconds(1), .milliseconds(1), .seconds(3599), .milliseconds(123_456_789), .seconds(30 * 86_400)])
    func formattedDurationsParseBack(_ duration: Duration) {
        #expect(DurationText.parse(DurationText.format(duration)) == duration)
    }

    @Test func uiThemeIsReadAndOnlyItsThreeValues() throws {
        #expect(try Self.parse(#"{"ui": {"theme": "light"}}"#).ui.theme == .light)
        #expect(try Self.parse("{}").ui.theme == .auto)
        #expect(throws: ConfigError.self) { try Self.parse(#"{"ui": {"theme": "solarized"}}"#) }
    }
}

