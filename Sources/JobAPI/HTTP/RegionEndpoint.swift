import Foundation
import JobModel

/// A service's endpoint in a region, as the SDK finds it: the variable
/// `HUAWEICLOUD_SDK_REGION_<SERVICE>_<REGION>` (e.g. `HUAWEICLOUD_SDK_REGION_ECS_CN_NORTH_4`)
/// when set, else the public host (`ecs.cn-north-4.myhuaweicloud.com`).
public enum RegionEndpoint {
    /// The variable's name for a service in a region; EIP jobs answer to `EIP` as well as `VPC`.
    public static func variableNames(service: Service, region: String) -> [String] {
        let regionPart = region.uppercased().replacingOccurrences(of: "-", with: "_")
        return ([service.name] + service.aliases).map { "HUAWEICLOUD_SDK_REGION_\($0.uppercased())_\(regionPart)" }
    }

    public static func endpoint(service: Service, region: String, cloud: Cloud = .huaweicloud, environment: [String: String]) throws(Endpoint.Problem) -> Endpoint {
        let standard = try Endpoint.region(region, service: service, cloud: cloud)
        for name in variableNames(service: service, region: region) {
            // The SDK accepts a comma-separated list and tries them in turn; the first serves here.
            guard let value = environment[name]?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { continue }
            do {
                return try Endpoint(parsing: value)
            } catch {
                throw Endpoint.Problem(description: "\(name): \(error.description)")
            }
        }
        return standard
    }
}
