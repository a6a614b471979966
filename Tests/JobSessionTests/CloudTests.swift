import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSession

/// A profile's `cloud` picks each service's host (FAMILIES.md §9).
struct CloudTests {
    @Test func hostsPerCloud() throws {
        #expect(Service.rds.host(region: "eu-de", cloud: .otc) == "rds.eu-de.otc.t-systems.com")
        #expect(Service.opengauss.host(region: "eu-de", cloud: .otc) == "gaussdb.eu-de.otc.t-systems.com")
        #expect(Service.taurusdb.host(region: "eu-nl", cloud: .otc) == "gaussdb-mysql.eu-nl.otc.t-systems.com")
        #expect(Service.ecs.host(region: "eu-ch2", cloud: .otc) == "ecs.eu-ch2.sc.otc.t-systems.com")
        #expect(Service.rds.host(region: "eu-west-0", cloud: .flexibleengine) == "rds.eu-west-0.prod-cloud-ocb.orange-business.com")
        #expect(Service.elb.host(region: "r1", cloud: .hcs(domain: "cloud.example.net")) == "vpc.r1.cloud.example.net")
        #expect(Service.dcs.host(region: "ru-moscow-1", cloud: .cloudru) == "dcs.ru-moscow-1.hc.sbercloud.ru")
        #expect(Service.ecs.host(region: "ae-ad-1", cloud: .g42) == "ecs.ae-ad-1.g42cloud.com")
        // Huawei Cloud keeps its exceptions; the others have none of them.
        #expect(Service.rds.host(region: "eu-west-101") == "rds.eu-west-101.myhuaweicloud.eu")
        #expect(Service.opengauss.host(region: "tr-west-1", cloud: .g42) == "gaussdb-opengauss.tr-west-1.g42cloud.com")
    }

    @Test func logsOfOtherCloudsNameTheirServices() throws {
        #expect(Service.at(host: "gaussdb.eu-de.otc.t-systems.com")?.services == [.opengauss])
        #expect(Service.at(host: "dcs.ru-moscow-1.hc.sbercloud.ru")?.region == "ru-moscow-1")
    }

    @Test func profilesNameTheirCloud() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-cloud-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func load(_ json: String) throws -> JobwatchConfig {
            let path = folder.appendingPathComponent("c.json").path
            try json.write(toFile: path, atomically: true, encoding: .utf8)
            return try JobwatchConfig.load(path: path)
        }
        let otc = try load(#"{"profiles": {"t": {"region": "eu-de", "cloud": "otc", "project_id": "p"}}}"#)
        #expect(otc.profiles["t"]?.cloud == .otc)
        let stack = try load(#"{"profiles": {"s": {"region": "r1", "cloud": "hcs", "domain": "Cloud.Example.net", "project_id": "p"}}}"#)
        #expect(stack.profiles["s"]?.cloud == .hcs(domain: "cloud.example.net"))
        for (json, says) in [
            (#"{"profiles": {"s": {"region": "r1", "cloud": "hcs"}}}"#, "hcs:DOMAIN"),
            (#"{"profiles": {"s": {"region": "r1", "cloud": "azure"}}}"#, "huaweicloud, otc, flexibleengine, hcs, cloudru, g42"),
            (#"{"profiles": {"s": {"region": "r1", "domain": "x.example"}}}"#, "goes with cloud \"hcs\" only"),
        ] {
            #expect(throws: ConfigError.self) { try load(json) }
            do { _ = try load(json) } catch { #expect("\(error)".contains(says), "\(error)") }
        }
        let resolved = try ProfileResolution.resolve("t", config: otc, overrides: nil, environment: ["HUAWEICLOUD_SDK_AK": "AKTEST", "HUAWEICLOUD_SDK_SK": "sk"])
        #expect(resolved.target.endpoint(for: .cbr).host == "cbr.eu-de.otc.t-systems.com")
        #expect(resolved.target.cloud == .otc)
    }
}
