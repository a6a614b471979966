import Foundation
import JobModel
import JobAPI

extension JobwatchConfig {
    /// `$XDG_CONFIG_HOME/jobwatch/config.json`, else `~/.config/jobwatch/config.json`.
    public static func defaultPath(environment: [String: String]) -> String {
        // The XDG spec ignores a relative XDG_CONFIG_HOME.
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return NSString(string: xdg).appendingPathComponent("jobwatch/config.json")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return NSString(string: home).appendingPathComponent(".config/jobwatch/config.json")
    }

    /// Reads and checks a config file (`~` expanded). An empty file is an empty config.
    public static func load(path: String) throws(ConfigError) -> JobwatchConfig {
        let expanded = NSString(string: path).expandingTildeInPath
        switch FileOptionCheck.kind(of: expanded) {
        case .directory:
            throw ConfigError(fileName: path, location: nil, message: "is a directory — name the config file in it (e.g. \(NSString(string: path).appendingPathComponent("config.json")))")
        case .fifo, .device, .socket, .other:
            throw ConfigError(fileName: path, location: nil, message: "is not a regular file — name a JSON config file")
        case .missing, .regular:
            break
        }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            let exists = FileManager.default.fileExists(atPath: expanded)
            throw ConfigError(
                fileName: path, location: nil,
                message: exists ? "cannot read the file — check its permissions" : "no such file — check the --config path"
            )
        }
        return try parse(data, fileName: path)
    }

    /// Checks config text. `fileName` names the file in errors; relative paths in the file
    /// are taken from its folder when it has one.
    public static func parse(_ data: Data, fileName: String) throws(ConfigError) -> JobwatchConfig {
        let text = String(decoding: data, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) { return JobwatchConfig() }
        let root = ConfigNode(value: try json(data, fileName: fileName), path: "", fileName: fileName)
        let folder = fileName.contains("/") ? NSString(string: NSString(string: fileName).expandingTildeInPath).deletingLastPathComponent : nil
        return try read(root, folder: folder)
    }

    // MARK: - Syntax

    /// JSON text → value; a syntax error names its line when the parser gives an offset.
    static func json(_ data: Data, fileName: String) throws(ConfigError) -> JSONValue {
        do {
            // JSONSerialization's errors say where ("around character 19"); JSONDecoder's do not.
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return try JSONValue.parse(data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            var reason = detail
            var location: String?
            if let range = detail.range(of: " around character ") {
                reason = String(detail[..<range.lowerBound])
                let digits = detail[range.upperBound...].prefix { $0.isNumber }
                if let offset = Int(digits) {
                    let line = data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                    location = "line \(line)"
                }
            }
            reason = reason.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            let what = reason.isEmpty ? "not valid JSON" : "not valid JSON (\(reason.prefix(1).lowercased() + reason.dropFirst()))"
            throw ConfigError(fileName: fileName, location: location, message: "\(what) — fix the syntax")
        }
    }

    // MARK: - Sections

    static let topKeys = ["default_profile", "profiles", "jobs", "poll", "ui"]
    static let profileKeys = ["region", "cloud", "domain", "project_id", "domain_id", "endpoint", "endpoints", "service", "auth", "credentials_file", "credentials_section", "ca_file", "proxy", "requests_per_minute"]
    static let jobKeys = ["id", "profile", "service", "label"]
    static let pollKeys = ["interval", "requests_per_minute", "max_concurrency", "request_timeout", "connect_timeout", "slow_factor", "retention", "heartbeat", "mode"]
    static let uiKeys = ["time_zone", "bell", "color", "theme", "expand_failed", "names"]

    /// The gateway's quotas seen in public: 10 to 100 a minute; 6000 (100 a second) is a ceiling
    /// no account has, so a larger number is a typo.
    static let requestsPerMinuteRange: ClosedRange<Double> = 0.1...6000
    static let requestsPerMinuteText = "more than 0 and at most 6000"

    static func read(_ root: ConfigNode, folder: String?) throws(ConfigError) -> JobwatchConfig {
        guard case .object = root.value else { throw root.error("expected an object {…} at the top level") }
        let members = try root.members(known: topKeys)
        var config = JobwatchConfig()
        if let node = members["profiles"] {
            for (name, profileNode) in try node.namedMembers() {
                guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
                    throw profileNode.error("a profile name must be non-empty and without spaces")
                }
                config.profiles[name] = try profile(profileNode, folder: folder)
            }
        }
        if let node = members["default_profile"] {
            let name = try node.nonEmptyString()
            try checkProfileExists(name, at: node, in: config.profiles)
            config.defaultProfile = name
        }
        if let node = members["jobs"] {
            config.jobs = try node.elements().map { (element) throws(ConfigError) in try job(element, profiles: config.profiles) }
        }
        if let node = members["poll"] { config.poll = try poll(node) }
        if let node = members["ui"] { config.ui = try ui(node) }
        return config
    }

    static func profile(_ node: ConfigNode, folder: String?) throws(ConfigError) -> Profile {
        let members = try node.members(known: profileKeys)
        var profile = Profile()
        if let region = members["region"] {
            let text = try region.nonEmptyString()
            do { _ = try Endpoint.region(text) } catch { throw region.error(error.description) }
            profile.region = text
        }
        if let cloud = members["cloud"] {
            let domain = try members["domain"]?.nonEmptyString()
            let name = try cloud.nonEmptyString()
            do { profile.cloud = try Cloud(name: name, domain: domain) } catch { throw cloud.error(error.description) }
        } else if let domain = members["domain"] {
            throw domain.error("\"domain\" goes with cloud \"hcs\" only — drop it, or set \"cloud\": \"hcs\"")
        }
        if let endpoint = members["endpoint"] {
            let text = try endpoint.nonEmptyString()
            do { _ = try Endpoint(parsing: text) } catch { throw endpoint.error(error.description) }
            profile.endpoint = text
        }
        if let service = members["service"] { profile.service = try service.service() }
        if let map = members["endpoints"] {
            for (name, urlNode) in try map.namedMembers() {
                guard let service = Service.named(name) else { throw urlNode.error(Service.UnknownName(name: name).description) }
                let text = try urlNode.nonEmptyString()
                do { _ = try Endpoint(parsing: text) } catch { throw urlNode.error(error.description) }
                profile.endpoints[service] = text
            }
        }
        guard profile.region != nil || profile.endpoint != nil || profile.endpoints[profile.service] != nil else {
            throw node.error("needs region or endpoint — add \"region\": \"cn-north-4\" or \"endpoint\": \"https://…\"")
        }
        if let projectID = members["project_id"] {
            let text = try projectID.nonEmptyString()
            if let problem = JobID.problem(with: text) { throw projectID.error("project ID \(problem) — copy it from the console's My Credentials page") }
            profile.projectID = text
        }
        if let domainID = members["domain_id"] {
            let text = try domainID.nonEmptyString()
            if let problem = JobID.problem(with: text) { throw domainID.error("domain ID \(problem) — copy it (Account ID) from the console's My Credentials page") }
            profile.domainID = text
        }
        if let auth = members["auth"] {
            profile.auth = try auth.choice(["aksk": AuthKind.aksk, "token": .token, "none": .none, "auto": .auto, "metadata": .metadata])
        }
        if let file = members["credentials_file"] { profile.credentialsFile = try file.path(relativeTo: folder) }
        if let section = members["credentials_section"] { profile.credentialsSection = try section.nonEmptyString() }
        if let file = members["ca_file"] { profile.caFile = try file.path(relativeTo: folder) }
        if let proxy = members["proxy"] {
            let text = try proxy.nonEmptyString()
            if text.lowercased() != "none" {
                // The problem names the key, never the URL: it may hold a password.
                do { _ = try ProxyServer(parsing: text, origin: "proxy") } catch { throw proxy.error(error.description) }
            }
            profile.proxy = text
        }
        if let rate = members["requests_per_minute"] {
            profile.requestsPerMinute = try rate.number(in: requestsPerMinuteRange, rangeText: requestsPerMinuteText)
        }
        return profile
    }

    static func job(_ node: ConfigNode, profiles: [String: Profile]) throws(ConfigError) -> JobReference {
        let idNode: ConfigNode
        var job = JobReference(id: "")
        switch node.value {
        case .string:
            idNode = node
        case .object:
            let members = try node.members(known: jobKeys)
            guard let id = members["id"] else {
                throw node.error("needs an id — write the job as \"<job id>\" or {\"id\": \"<job id>\", \"label\": \"…\"}")
            }
            idNode = id
            if let profile = members["profile"] {
                let name = try profile.nonEmptyString()
                try checkProfileExists(name, at: profile, in: profiles)
                job.profile = name
            }
            if let service = members["service"] { job.service = try service.service() }
            if let label = members["label"] {
                let text = try label.string().trimmingCharacters(in: .whitespaces)
                job.label = text.isEmpty ? nil : text
            }
        default:
            throw node.error("expected a job ID string or an object {\"id\", \"profile\", \"service\", \"label\"}")
        }
        job.id = try idNode.string().trimmingCharacters(in: .whitespaces)
        if let problem = JobID.problem(with: job.id) {
            throw idNode.error("job ID \(problem) — give the job_id the create/operate call returned")
        }
        return job
    }

    static func poll(_ node: ConfigNode) throws(ConfigError) -> PollSettings {
        let members = try node.members(known: pollKeys)
        var poll = PollSettings()
        if let n = members["interval"] { poll.interval = try n.duration(in: .seconds(1)...(.seconds(86_400))) }
        if let n = members["requests_per_minute"] {
            poll.requestsPerMinute = try n.number(in: requestsPerMinuteRange, rangeText: requestsPerMinuteText)
        }
        if let n = members["max_concurrency"] { poll.maxConcurrency = try n.wholeNumber(in: 1...64) }
        if let n = members["request_timeout"] { poll.requestTimeout = try n.duration(in: .seconds(1)...(.seconds(600))) }
        if let n = members["connect_timeout"] { poll.connectTimeout = try n.duration(in: .milliseconds(100)...(.seconds(120))) }
        if let n = members["mode"] { poll.mode = try n.choice(["frugal": .frugal, "balanced": .balanced, "prompt": .prompt]) }
        if let n = members["slow_factor"] { poll.slowFactor = try n.number(in: 1...100, rangeText: "from 1 to 100") }
        if let n = members["retention"] { poll.retention = try n.duration(in: .seconds(3600)...(.seconds(365 * 86_400))) }
        if let n = members["heartbeat"] { poll.heartbeat = try n.duration(in: .seconds(1)...(.seconds(86_400))) }
        if poll.connectTimeout > poll.requestTimeout, let n = members["connect_timeout"] ?? members["request_timeout"] {
            throw n.error("connect_timeout must not be longer than request_timeout")
        }
        return poll
    }

    static func ui(_ node: ConfigNode) throws(ConfigError) -> UISettings {
        let members = try node.members(known: uiKeys)
        var ui = UISettings()
        if let n = members["time_zone"] { ui.timeZone = try n.choice(["local": .local, "utc": .utc]) }
        if let n = members["bell"] { ui.bell = try n.bool() }
        if let n = members["color"] { ui.color = try n.choice(["auto": .auto, "never": .never, "always": .always]) }
        if let n = members["theme"] { ui.theme = try n.choice(["auto": .auto, "dark": .dark, "light": .light]) }
        if let n = members["expand_failed"] { ui.expandFailed = try n.bool() }
        if let n = members["names"] { ui.names = try n.bool() }
        return ui
    }

    static func checkProfileExists(_ name: String, at node: ConfigNode, in profiles: [String: Profile]) throws(ConfigError) {
        guard profiles[name] == nil else { return }
        let known = profiles.keys.sorted()
        if known.isEmpty { throw node.error("no profile named \(name.debugDescription) — add it under \"profiles\"") }
        if let suggestion = ConfigKeyCheck.suggestion(for: name, among: known) {
            throw node.error("no profile named \(name.debugDescription) — did you mean \(suggestion)?")
        }
        throw node.error("no profile named \(name.debugDescription) — known profiles: \(known.joined(separator: ", "))")
    }
}
