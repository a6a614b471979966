import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

struct FaultTests {
    static func quick(_ faults: FaultPlan = .none) -> SimulatorOptions {
        SimulatorOptions(scenario: .quick, faults: faults)
    }

    @Test func unknownJobIDsAre404InTheBMSShape() async throws {
        try await SimulatorHarness.with { h in
            let error = try #require(await h.fetchError("ffffffffffffffffffffffffffffffff"))
            #expect(error.category == .notFound)
            #expect(error.code == "BMS.0005")
            #expect(error.requestId?.count == 32)
        }
    }

    @Test func anotherProjectIs404WhenTheProjectIsFixed() async throws {
        var options = Self.quick()
        options.projectID = SimulatorHarness.projectID
        try await SimulatorHarness.with(options) { h in
            let id = h.simulator.topLevelJobIDs[0]
            _ = try await h.fetch(id)
            let error = try #require(await h.fetchError(id, projectID: "99999999999999999999999999999999"))
            #expect(error.category == .notFound)
        }
    }

    @Test func throttleFaultIsA429WithRetryAfterAndTheGatewayMessage() async throws {
        try await SimulatorHarness.with(Self.quick(FaultPlan([.init(.throttle(retryAfter: 7), .always)]))) { h in
            let error = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0]))
            #expect(error.category == .throttled)
            #expect(error.code == "APIGW.0308")
            #expect(error.retryAfter == 7)
            #expect(error.statedRateLimitPerMinute == 100)
            #expect(error.requestId != nil)
        }
    }

    @Test(arguments: [502, 503])
    func serverErrorsComeWithAnHTMLBody(status: Int) async throws {
        try await SimulatorHarness.with(Self.quick(FaultPlan([.init(.serverError(status: status), .always)]))) { h in
            let error = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0]))
            #expect(error.category == .transient)
            #expect(error.httpStatus == status)
            #expect(error.message.contains("nginx") || error.message.contains("\(status)"))
        }
    }

    @Test func htmlWith200IsNotAJob() async throws {
        try await SimulatorHarness.with(Self.quick(FaultPlan([.init(.html, .always)]))) { h in
            let error = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0]))
            #expect(error.kind == .invalidResponse)
            #expect(error.category == .transient)
        }
    }

    @Test func truncatedJSONIsNotAJob() async throws {
        try await SimulatorHarness.with(Self.quick(FaultPlan([.init(.truncated, .always)]))) { h in
            let error = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0]))
            #expect(error.kind == .invalidResponse)
            #expect(error.category == .transient)
        }
    }

    @Test func droppedConnectionIsATransportError() async throws {
        try await SimulatorHarness.with(Self.quick(FaultPlan([.init(.drop, .always)]))) { h in
            let error = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0]))
            // Seen as the connection closing early or, when the close is not noticed, a timeout.
            #expect(error.kind == .transport || error.kind == .timeout, "\(error)")
            #expect(error.category == .transient)
            #expect(error.isWorthRetrying)
        }
    }

    @Test func slowAnswersTimeOut() async throws {
        var client = ClientOptions()
        client.requestTimeout = .milliseconds(200)
        try await SimulatorHarness.with(Self.quick(FaultPlan([.init(.slow(.seconds(5)), .always)])), clientOptions: client) { h in
            let error = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0]))
            #expect(error.kind == .timeout)
            #expect(error.category == .transient)
        }
    }

    @Test func everyNthRequestIsFaultedAndFaultsSwitchAtRunTime() async throws {
        try await SimulatorHarness.with(Self.quick(FaultPlan([.init(.serverError(status: 503), .every(3))]))) { h in
            let id = h.simulator.topLevelJobIDs[0]
            var outcomes: [Bool] = []
            for _ in 0..<6 { outcomes.append(await h.fetchError(id) == nil) }
            #expect(outcomes == [true, true, false, true, true, false])

            h.simulator.setFaults(.none)
            for _ in 0..<3 { #expect(await h.fetchError(id) == nil) }
            h.simulator.setFaults(FaultPlan([.init(.html, .always)]))
            #expect(await h.fetchError(id)?.kind == .invalidResponse)
        }
    }

    @Test func probabilityFaultsAreReproducible() {
        let plan = FaultPlan([.init(.drop, .probability(0.3))], seed: 42)
        let first = (1...1000).map { plan.fault(forRequest: $0) != nil }
        let second = (1...1000).map { plan.fault(forRequest: $0) != nil }
        #expect(first == second)
        let hits = first.filter { $0 }.count
        #expect(hits > 230 && hits < 370)
    }

    @Test func theQuotaAnswers429UntilTheWindowMoves() async throws {
        var options = Self.quick()
        options.quota = RateQuota(limit: 3, window: .seconds(60))
        try await SimulatorHarness.with(options) { h in
            let id = h.simulator.topLevelJobIDs[0]
            for _ in 0..<3 { #expect(await h.fetchError(id) == nil) }
            let error = try #require(await h.fetchError(id))
            #expect(error.category == .throttled)
            #expect(error.code == "APIGW.0308")
            #expect(error.statedRateLimitPerMinute == 3)
            #expect((error.retryAfter ?? 0) >= 1)
            h.clock.advance(by: 61)
            #expect(await h.fetchError(id) == nil)
        }
    }

    @Test func requestsAreCountedPerJobAndInTotal() async throws {
        try await SimulatorHarness.with { h in
            let ids = h.simulator.topLevelJobIDs
            for _ in 0..<3 { _ = try await h.fetch(ids[0]) }
            _ = try await h.fetch(ids[1])
            _ = await h.fetchError("ffffffffffffffffffffffffffffffff")
            #expect(await h.simulator.requestCount(jobID: ids[0]) == 3)
            #expect(await h.simulator.requestCount(jobID: ids[1]) == 1)
            #expect(await h.simulator.requestCount(jobID: ids[2]) == 0)
            #expect(await h.simulator.totalRequests() == 5)
        }
    }

    @Test func quickFinishesWithinThirtySeconds() async throws {
        try await SimulatorHarness.with { h in
            h.clock.advance(by: 30)
            var statuses: [JobStatus] = []
            for id in h.simulator.topLevelJobIDs { statuses.append(try await h.fetch(id).status) }
            #expect(statuses.allSatisfy { $0.isTerminal })
            #expect(statuses.contains(.success))
            #expect(statuses.contains(.fail))
        }
    }
}
