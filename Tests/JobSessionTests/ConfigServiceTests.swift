import Foundation
import JobModel
import JobSession
import Testing

/// A profile's service and per-service endpoints, as the config gives them.
struct ConfigServiceTests {
    @Test func configProfilesNameAServiceAndPerServiceEndpoints() throws {
        let config = try JobwatchConfig.parse(Data(#"""
        {"profiles": {"k8s": {"service": "cce", "project_id": "p", "region": "cn-north-4",
                              "endpoints": {"cce": "https://127.0.0.1:9443", "eip": "https://127.0.0.1:9444"}}},
         "jobs": [{"id": "5ec1518c-87db-11ec-b5e5-0255ac101514", "service": "cce", "profile": "k8s"}]}
        """#.utf8), fileName: "c.json")
        let profile = try #require(config.profiles["k8s"])
        #expect(profile.service == .cce)
        #expect(profile.endpoints == [.cce: "https://127.0.0.1:9443", .vpc: "https://127.0.0.1:9444"])
        #expect(config.jobs.first?.service == .cce)
        for (text, message) in [
            (#"{"profiles": {"a": {"region": "cn-north-4", "service": "sql"}}}"#, #"service "sql" is not one jobwatch knows — use one of: bms, ecs, evs, ims, vpc, cce, rds"#),
            (#"{"profiles": {"a": {"endpoints": {"sql": "https://127.0.0.1"}}}}"#, #"service "sql" is not one jobwatch knows"#),
            (#"{"profiles": {"a": {"endpoints": {"ecs": "ftp://x"}}}}"#, "has scheme ftp"),
        ] {
            do {
                _ = try JobwatchConfig.parse(Data(text.utf8), fileName: "c.json")
                Issue.record("\(text) loaded")
            } catch {
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
    }
}
