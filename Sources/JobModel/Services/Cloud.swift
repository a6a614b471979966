/// The Huawei-based cloud a profile's region is in (FAMILIES.md §9): it picks each service's
/// host. Huawei Cloud's own hosts know their exceptions (`Service.hostExceptions`); the others
/// follow their Terraform providers' pattern `{service}.{region}.{domain}`, and where a source
/// shows another first label (OTC's openGauss on `gaussdb.`), that one.
public enum Cloud: Sendable, Hashable {
    /// `{service}.{region}.myhuaweicloud.com` (`.eu` where Huawei Cloud Europe has it).
    case huaweicloud
    /// Open Telekom Cloud: `{service}.{eu-de|eu-nl}.otc.t-systems.com`, Swiss `….eu-ch2.sc.otc.t-systems.com`.
    case otc
    /// Orange Flexible Engine: `{service}.{region}.prod-cloud-ocb.orange-business.com`.
    case flexibleengine
    /// Huawei Cloud Stack: `{service}.{region}.{domain}`, the customer's own domain.
    case hcs(domain: String)
    /// Cloud.ru Advanced: `{service}.{region}.hc.sbercloud.ru`.
    case cloudru
    /// G42 Cloud: `{service}.{region}.g42cloud.com`.
    case g42

    /// The names a profile's `cloud` takes.
    public static let names = ["huaweicloud", "otc", "flexibleengine", "hcs", "cloudru", "g42"]

    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String
    }

    /// `domain` is Huawei Cloud Stack's, and only its.
    public init(name: String, domain: String?) throws(Problem) {
        if domain != nil, name.lowercased() != "hcs" {
            throw Problem(description: "\"domain\" goes with cloud \"hcs\" only — drop it, or set \"cloud\": \"hcs\"")
        }
        switch name.lowercased() {
        case "huaweicloud": self = .huaweicloud
        case "otc": self = .otc
        case "flexibleengine": self = .flexibleengine
        case "cloudru": self = .cloudru
        case "g42": self = .g42
        case "hcs":
            guard let domain, !domain.isEmpty else {
                throw Problem(description: "cloud \"hcs\" needs its domain, the part after {service}.{region}. — write --cloud hcs:DOMAIN, or add \"domain\" to the profile")
            }
            self = .hcs(domain: domain.lowercased())
        default:
            throw Problem(description: "cloud \(name.debugDescription) is not one jobwatch knows — use one of: \(Self.names.joined(separator: ", "))")
        }
    }

    public var name: String {
        switch self {
        case .huaweicloud: "huaweicloud"
        case .otc: "otc"
        case .flexibleengine: "flexibleengine"
        case .hcs: "hcs"
        case .cloudru: "cloudru"
        case .g42: "g42"
        }
    }

    /// Whether its hosts for the families of FAMILIES.md are documented (OTC's and Huawei
    /// Cloud's) or only follow the provider's pattern (UNVERIFIED: README, Services).
    public var isVerified: Bool {
        switch self {
        case .huaweicloud, .otc: true
        default: false
        }
    }

    /// The host of `service` in `region` of this cloud.
    func host(_ service: Service, region: String) -> String {
        "\(firstLabel(service)).\(region).\(domain(region: region))"
    }

    private func domain(region: String) -> String {
        switch self {
        case .huaweicloud: "myhuaweicloud.com"
        case .otc: region == "eu-ch2" ? "sc.otc.t-systems.com" : "otc.t-systems.com"
        case .flexibleengine: "prod-cloud-ocb.orange-business.com"
        case .hcs(let domain): domain
        case .cloudru: "hc.sbercloud.ru"
        case .g42: "g42cloud.com"
        }
    }

    /// OTC's pages show openGauss on `gaussdb.` and TaurusDB on `gaussdb-mysql.`; Huawei Cloud
    /// Stack serves ELB v3 on `vpc.` (its Terraform catalog).
    private func firstLabel(_ service: Service) -> String {
        switch (self, service.name) {
        case (.otc, "opengauss"): "gaussdb"
        case (.otc, "taurusdb"): "gaussdb-mysql"
        case (.hcs, "elb"): "vpc"
        default: service.hostPrefix
        }
    }
}
