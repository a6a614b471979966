import Foundation
import JobModel
import Testing
@testable import JobSimulator

/// The demo watches a scenario's job only once the API knows it: arrivals give the jobs that
/// exist, then each one at its creation time, never before.
@Suite(.timeLimit(.minutes(1)))
struct ArrivalsTests {
    @Test func jobsArriveWhenTheyAreCreatedAndNotBefore() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 2_000_000_000))
        // From the rollout's start, as `jobwatch simulator` serves it: ECS, EVS and VPC jobs come later.
        let simulator = JobSimulator(options: SimulatorOptions(scenario: .rollout, now: clock.function))
        let all = simulator.topLevelJobs
        let later = all.filter { $0.createdAt > 0 }.sorted { $0.createdAt < $1.createdAt }
        try #require(!later.isEmpty, "the rollout creates jobs after it starts")

        var arrivals = simulator.arrivals().makeAsyncIterator()
        let first = try #require(await arrivals.next())
        #expect(Set(first.map(\.id)) == Set(all.filter { $0.createdAt <= 0 }.map(\.id)))
        #expect(Set(simulator.existingTopLevelJobs.map(\.id)) == Set(first.map(\.id)))

        clock.advance(by: later[0].createdAt)
        let second = try #require(await arrivals.next())
        #expect(second.map(\.id).contains(later[0].id))
        #expect(second.allSatisfy { $0.createdAt <= simulator.scenarioElapsed }, "none before the API knows it")
        #expect(Set(first.map(\.id)).isDisjoint(with: second.map(\.id)), "each job arrives once")

        clock.advance(by: 86_400)
        var rest: [SimulatedJob] = []
        while let batch = await arrivals.next() { rest += batch }
        #expect(Set((first + second + rest).map(\.id)) == Set(all.map(\.id)), "every job arrives, then the stream ends")
    }
}
