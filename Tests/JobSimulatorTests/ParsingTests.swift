import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

struct ParsingTests {
    @Test func scenarioNamesParseAndUnknownOnesListTheValidOnes() throws {
        #expect(try Scenario.Name(parsing: "Rollout") == .rollout)
        #expect(Scenario.names == ["rollout", "quick", "families", "bigbatch", "day", "soak"])
        do {
            _ = try Scenario.Name(parsing: "tuesday")
            Issue.record("accepted an unknown scenario")
        } catch {
            #expect(error.description.contains("rollout, quick, families, bigbatch, day, soak"))
        }
    }

    @Test(arguments: [
        ("503:every=10", FaultPlan.Rule(.serverError(status: 503), .every(10))),
        ("drop:p=0.05", FaultPlan.Rule(.drop, .probability(0.05))),
        ("slow=1500ms:always", FaultPlan.Rule(.slow(.milliseconds(1500)), .always)),
        ("429=30:every=20", FaultPlan.Rule(.throttle(retryAfter: 30), .every(20))),
        ("html", FaultPlan.Rule(.html, .every(5))),
        ("truncated:every=2", FaultPlan.Rule(.truncated, .every(2))),
    ])
    func faultFlagsParse(text: String, rule: FaultPlan.Rule) throws {
        #expect(try FaultPlan.Rule(parsing: text) == rule)
    }

    @Test(arguments: ["", "teapot", "slow", "503:every=0", "drop:p=2", "html=1"])
    func badFaultFlagsAreRefused(text: String) {
        #expect(throws: FaultPlan.Rule.Problem.self) { try FaultPlan.Rule(parsing: text) }
    }

    @Test func credentialsComeFromTheSDKVariables() throws {
        #expect(SimulatorCredentials.fromEnvironment([:]) == nil)
        let both = try #require(SimulatorCredentials.fromEnvironment([
            "HUAWEICLOUD_SDK_AK": "AK1", "HUAWEICLOUD_SDK_SK": "SK1",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN": "ST1", "HUAWEICLOUD_SDK_TOKEN": "T1",
        ]))
        #expect(both.accessKeys["AK1"] == Secret("SK1"))
        #expect(both.securityTokens["AK1"] == Secret("ST1"))
        #expect(both.tokens == [Secret("T1")])
        #expect(SimulatorCredentials.fromEnvironment(["HUAWEICLOUD_SDK_AK": "AK1"]) == nil)
    }
}
