import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

struct LifecycleTests {
    @Test func theDateHeaderFollowsTheInjectedClock() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 2_000_000_000))
        try await SimulatorHarness.with(clock: clock) { h in
            let target = JobTarget(endpoint: h.endpoint, projectID: SimulatorHarness.projectID, jobID: h.simulator.topLevelJobIDs[0])
            let fetched = try await h.client.fetch(target, credential: .none, now: clock.now)
            #expect(fetched.serverDate == clock.now)
            #expect(fetched.requestID?.count == 32)
        }
    }

    @Test func startIsIdempotentAndStopClosesThePort() async throws {
        let simulator = JobSimulator(options: SimulatorOptions(scenario: .quick))
        let url = try await simulator.start()
        #expect(try await simulator.start() == url)
        #expect(simulator.baseURL == url)
        await simulator.stop()
        #expect(simulator.baseURL == nil)

        var options = ClientOptions()
        options.connectTimeout = .milliseconds(300)  // the client retries a refused connect until then
        let client = JobClient(options: options)
        let target = JobTarget(endpoint: try Endpoint(parsing: url), projectID: "p", jobID: simulator.topLevelJobIDs[0])
        do {
            _ = try await client.fetch(target, credential: .none)
            Issue.record("the stopped simulator still answered")
        } catch {
            #expect(error.category == .transient)
        }
        await client.shutdown()
    }

    @Test func aBusyPortIsAnError() async throws {
        let first = JobSimulator(options: SimulatorOptions(scenario: .quick))
        let url = try await first.start()
        let port = try #require(Int(url.split(separator: ":").last ?? ""))
        let second = JobSimulator(options: SimulatorOptions(scenario: .quick))
        await #expect(throws: (any Error).self) { try await second.start(port: port) }
        await first.stop()
    }

    @Test func stopDoesNotWaitForIdleKeepAliveConnections() async throws {
        let simulator = JobSimulator(options: SimulatorOptions(scenario: .quick))
        let url = try await simulator.start()
        var options = ClientOptions()
        // The client retries a refused connect until then (the last fetch waits it out); the
        // first connect took over 300 ms on a loaded CI machine.
        options.connectTimeout = .seconds(3)
        let client = JobClient(options: options)
        let target = JobTarget(endpoint: try Endpoint(parsing: url), projectID: "p", jobID: simulator.topLevelJobIDs[0])
        // Shut down on every path: a client dropped unshut stops the whole test process.
        do {
            _ = try await client.fetch(target, credential: .none)
        } catch {
            Issue.record("the first request failed: \(error)")
            await client.shutdown()
            await simulator.stop()
            return
        }
        let started = ContinuousClock.now
        // A long patience: waiting for the idle connection would take all of it; not waiting is
        // quick even on a loaded machine (6.6 s seen with the whole suite in parallel).
        await simulator.stop(patience: .seconds(30))
        #expect(ContinuousClock.now - started < .seconds(25))
        await #expect(throws: APIError.self) { try await client.fetch(target, credential: .none) }
        await client.shutdown()
    }
}
