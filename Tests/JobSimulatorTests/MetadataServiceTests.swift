import Foundation
import JobModel
import JobAPI
import Synchronization
import Testing
@testable import JobSimulator

/// The simulator's stand-in for the ECS metadata service, read by the real client over HTTP
/// on 127.0.0.1: its temporary credentials open the job API until they expire.
@Suite struct MetadataServiceTests {
    final class TestTime: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    func start(refusesTokenCall: Bool = false) async throws -> (JobSimulator, String, TestTime) {
        let time = TestTime()
        var options = SimulatorOptions(scenario: .quick)
        options.credentials = .demo
        options.metadata = MetadataOptions(lifetime: .seconds(60), refusesTokenCall: refusesTokenCall)
        options.now = { time.now.withLock { $0 } }
        let simulator = JobSimulator(options: options)
        return (simulator, try await simulator.start(), time)
    }

    func read(_ simulator: JobSimulator, url: String, credential: Credential, at now: Date) async throws -> Result<FetchedJob, APIError> {
        let target = JobTarget(service: simulator.topLevelJobs[0].service, endpoint: try Endpoint(parsing: url), projectID: DemoCredentials.projectID, jobID: simulator.topLevelJobIDs[0])
        let client = JobClient()
        let result: Result<FetchedJob, APIError>
        do throws(APIError) {
            result = .success(try await client.fetch(target, credential: credential, now: now))
        } catch {
            result = .failure(error)
        }
        await client.shutdown()
        return result
    }

    @Test(arguments: [false, true])
    func temporaryCredentialsOpenTheJobAPIUntilTheyExpire(refusesTokenCall: Bool) async throws {
        let (simulator, url, time) = try await start(refusesTokenCall: refusesTokenCall)
        do {
            try await check(simulator, url: url, time: time)
        } catch {
            Issue.record(error)
        }
        await simulator.stop()
    }

    func check(_ simulator: JobSimulator, url: String, time: TestTime) async throws {
        // Generous: the whole suite shares two cores with this in-process server.
        let metadata = MetadataCredentials(environment: [MetadataCredentials.urlVariable: url], timeout: .seconds(30))
        let temporary = try await metadata.fetchTemporary()
        let now = time.now.withLock { $0 }
        #expect(temporary.expiresAt == now.addingTimeInterval(60))
        #expect(temporary.key.securityToken != nil)
        #expect(await simulator.metadataCredentialsIssued() == 1)

        let accepted = try await read(simulator, url: url, credential: .accessKey(temporary.key), at: now)
        #expect((try? accepted.get()) != nil, "\(accepted)")

        var withoutToken = temporary.key
        withoutToken.securityToken = nil
        let tokenless = try await read(simulator, url: url, credential: .accessKey(withoutToken), at: now)
        #expect((try? tokenless.get()) == nil, "a temporary AK without its security token must be refused")

        time.advance(61)
        let expired = try await read(simulator, url: url, credential: .accessKey(temporary.key), at: now.addingTimeInterval(61))
        guard case .failure(let error) = expired else { Issue.record("an expired credential was accepted"); return }
        #expect(error.httpStatus == 401)
    }
}
