import Foundation
import Testing
import JobModel
import JobAPI
import JobSimulator

/// `JobClient` over real HTTP to the simulator on 127.0.0.1, which checks signatures as the
/// gateway does.
struct ClientNetworkTests {
    static let secretKey = "NetworkTestSecretKey0123456789abcdefghij"
    static let projectID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"

    static func withSimulator(faults: FaultPlan = .none, _ body: (JobClient, Endpoint, String) async throws -> Void) async throws {
        let simulator = JobSimulator(options: SimulatorOptions(
            scenario: .quick,
            credentials: SimulatorCredentials(accessKeys: ["NETAK0001": Secret(secretKey)]),
            faults: faults
        ))
        let url = try await simulator.start()
        let client = JobClient()
        do {
            try await body(client, try Endpoint(parsing: url), try #require(simulator.topLevelJobIDs.first))
        } catch {
            await client.shutdown()
            await simulator.stop()
            throw error
        }
        await client.shutdown()
        await simulator.stop()
    }

    @Test func aSignedRequestIsAccepted() async throws {
        try await Self.withSimulator { client, endpoint, jobID in
            let key = Credential.AccessKey(accessKeyID: "NETAK0001", secretKey: Secret(Self.secretKey))
            let fetched = try await client.fetch(JobTarget(endpoint: endpoint, projectID: Self.projectID, jobID: jobID), credential: .accessKey(key))
            #expect(fetched.job.id == jobID)
            #expect(fetched.serverDate != nil)
        }
    }

    @Test func aWrongSecretIsRefusedInOneLineWithoutTheSecret() async throws {
        try await Self.withSimulator { client, endpoint, jobID in
            let wrong = "WrongSecretKeyWrongSecretKey0123456789"
            let key = Credential.AccessKey(accessKeyID: "NETAK0001", secretKey: Secret(wrong))
            do throws(APIError) {
                _ = try await client.fetch(JobTarget(endpoint: endpoint, projectID: Self.projectID, jobID: jobID), credential: .accessKey(key))
                Issue.record("a wrong SK was accepted")
            } catch {
                #expect(error.category == .unauthorized)
                #expect(error.httpStatus == 401)
                #expect(!error.description.contains("\n"))
                #expect(!error.description.contains(wrong))
            }
        }
    }

    @Test func htmlFromAProxyIsATransientError() async throws {
        try await Self.withSimulator(faults: FaultPlan([.init(.html, .always)])) { client, endpoint, jobID in
            let key = Credential.AccessKey(accessKeyID: "NETAK0001", secretKey: Secret(Self.secretKey))
            do throws(APIError) {
                _ = try await client.fetch(JobTarget(endpoint: endpoint, projectID: Self.projectID, jobID: jobID), credential: .accessKey(key))
                Issue.record("HTML was taken for a job")
            } catch {
                #expect(error.category == .transient)
                #expect(error.description.contains("<"))
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func aBadJobIDIsRefusedBeforeAnyRequest() async throws {
        try await Self.withSimulator { client, endpoint, _ in
            do throws(APIError) {
                _ = try await client.fetch(JobTarget(endpoint: endpoint, projectID: Self.projectID, jobID: "has space"), credential: .none)
                Issue.record("a job ID with a space was sent")
            } catch {
                #expect(error.kind == .invalidRequest)
                #expect(error.description.hasPrefix(#"job ID "has space" contains whitespace — "#))
            }
        }
    }
}
