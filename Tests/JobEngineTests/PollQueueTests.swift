import Foundation
import JobAPI
import JobModel
@testable import JobEngine
import Testing

/// What a schedule pass takes from the queue: due jobs by urgency then due time, across routes.
/// Job `n`, on either endpoint.
private func jobKey(_ n: Int) -> JobKey {
    JobKey(endpoint: "127.0.0.1:800\(n % 2 + 1)", projectID: "p", jobID: String(format: "%032x", n))
}

struct PollQueueTests {
    static let routes = RouteTable([
        ProfileTarget(name: "a", endpoint: try! Endpoint(parsing: "http://127.0.0.1:8001"), projectID: "p", credential: .token(Secret("one"))),
        ProfileTarget(name: "b", endpoint: try! Endpoint(parsing: "http://127.0.0.1:8002"), projectID: "p", credential: .token(Secret("two"))),
    ])
    static let routeA = routes.route(profile: "a", service: .bms)!
    static let routeB = routes.route(profile: "b", service: .bms)!

    /// Takes every ready job in turn, as a pass does when nothing holds it back.
    static func drain(_ queue: inout PollQueue) -> [JobKey] {
        var taken: [JobKey] = []
        while let (lane, entry) = queue.nextReady(excluding: []) {
            taken.append(entry.key)
            queue.takeReady(lane)
        }
        return taken
    }

    @Test func dueJobsGoByUrgencyThenDueTimeAcrossRoutes() {
        var queue = PollQueue()
        let urgency = [jobKey(0): 2, jobKey(1): 0, jobKey(2): 1, jobKey(3): 1, jobKey(4): 0]
        queue.enqueue(jobKey(0), due: .seconds(1), route: Self.routeA)
        queue.enqueue(jobKey(1), due: .seconds(3), route: Self.routeB)
        queue.enqueue(jobKey(2), due: .seconds(2), route: Self.routeA)
        queue.enqueue(jobKey(3), due: .seconds(1), route: Self.routeB)
        queue.enqueue(jobKey(4), due: .seconds(9), route: Self.routeA)
        queue.promote(now: .seconds(5)) { urgency[$0]! }
        #expect(Self.drain(&queue) == [jobKey(1), jobKey(3), jobKey(2), jobKey(0)])
        // Not due yet: it waits, first of its route.
        #expect(queue.firstWaiting(PollQueue.LaneID(Self.routeA))?.key == jobKey(4))
    }

    @Test func aJobQueuedAgainOrTakenOutKeepsOneEntry() {
        var queue = PollQueue()
        queue.enqueue(jobKey(0), due: .seconds(1), route: Self.routeA)
        queue.enqueue(jobKey(0), due: .seconds(8), route: Self.routeA)
        queue.enqueue(jobKey(2), due: .seconds(2), route: Self.routeA)
        queue.enqueue(jobKey(2), due: nil, route: Self.routeA)
        queue.promote(now: .seconds(5)) { _ in 0 }
        #expect(Self.drain(&queue).isEmpty, "the entry at 1 s was replaced by one at 8 s; the other job left")
        queue.promote(now: .seconds(8)) { _ in 0 }
        #expect(Self.drain(&queue) == [jobKey(0)])
    }

    @Test func aHeldRouteDoesNotHoldTheOther() {
        var queue = PollQueue()
        queue.enqueue(jobKey(0), due: .seconds(1), route: Self.routeA)
        queue.enqueue(jobKey(2), due: .seconds(1), route: Self.routeA)
        queue.enqueue(jobKey(1), due: .seconds(2), route: Self.routeB)
        queue.promote(now: .seconds(2)) { _ in 0 }
        let held: Set = [PollQueue.LaneID(Self.routeA)]
        #expect(queue.nextReady(excluding: held)?.entry.key == jobKey(1))
    }

    @Test func jobsDueWithinAHorizonAreFoundWithoutTheRest() {
        var queue = PollQueue()
        for n in stride(from: 0, to: 400, by: 2) { queue.enqueue(jobKey(n), due: .seconds(n), route: Self.routeA) }
        queue.promote(now: .seconds(10)) { _ in 0 }
        var found: [Duration] = []
        queue.forEachQueued(on: Self.routeA.budgetKey, dueBy: .seconds(100)) { _, due in found.append(due) }
        #expect(found.sorted() == stride(from: 0, through: 100, by: 2).map { Duration.seconds($0) })
        var other = 0
        queue.forEachQueued(on: Self.routeB.budgetKey, dueBy: .seconds(1000)) { _, _ in other += 1 }
        #expect(other == 0)
    }
}
