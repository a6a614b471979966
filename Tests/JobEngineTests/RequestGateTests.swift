import JobModel
import JobAPI
@testable import JobEngine
import Testing

/// What may be sent, as one value: budgets, throttles, requests in flight and stops, asked the
/// same way by the poll and the lookup schedulers — without an engine.
struct RequestGateTests {
    static func profile(_ name: String, port: Int, key: String = "AKFIRST", network: NetworkSettings = .direct, requestsPerMinute: Double? = nil) throws -> ProfileTarget {
        var profile = ProfileTarget(
            name: name, endpoint: try Endpoint(parsing: "http://127.0.0.1:\(port)"), projectID: "p",
            credential: .accessKey(.init(accessKeyID: key, secretKey: Secret("test-secret"))), requestsPerMinute: requestsPerMinute)
        profile.network = network
        return profile
    }

    static func gate(_ routes: [JobRoute], limit: Double = 30, concurrency: Int = 2) -> RequestGate {
        RequestGate(routes: routes, defaultLimit: limit, maxConcurrencyPerHost: concurrency)
    }

    @Test func aDueRequestOnAnUnusedBudgetGoesNow() throws {
        let route = JobRoute(profile: try Self.profile("a", port: 8001), service: .bms)
        let gate = Self.gate([route])
        #expect(gate.earliestStart(on: route, due: .seconds(5), now: .seconds(5)) == .seconds(5))
        #expect(gate.earliestStart(on: route, due: .seconds(9), now: .seconds(5)) == .seconds(9), "not before it is due")
    }

    @Test func aSpentBudgetHoldsTheNextRequestForItsCredentialAndEndpointOnly() throws {
        let first = JobRoute(profile: try Self.profile("a", port: 8001), service: .bms)
        let otherHost = JobRoute(profile: try Self.profile("b", port: 8002), service: .bms)
        var gate = Self.gate([first, otherHost], limit: 1)
        gate.begin(on: first, now: .zero)
        let held = try #require(gate.earliestStart(on: first, due: .zero, now: .zero))
        #expect(held > .seconds(30), "1 a minute: the next one waits most of a minute")
        #expect(gate.earliestStart(on: otherHost, due: .zero, now: .zero) == .zero, "another endpoint has its own budget")
    }

    @Test func aProfilesStatedLimitIsTheBudgetsLowestOne() throws {
        let strict = JobRoute(profile: try Self.profile("a", port: 8001, requestsPerMinute: 6), service: .bms)
        let loose = JobRoute(profile: try Self.profile("b", port: 8001, requestsPerMinute: 20), service: .bms)
        let gate = Self.gate([strict, loose], limit: 30)
        #expect(strict.budgetKey == loose.budgetKey, "one AK at one host: one budget")
        #expect(gate.budget(strict.budgetKey).limit(at: .zero) == 6)
        let other = JobRoute(profile: try Self.profile("c", port: 8001, key: "AKOTHER"), service: .bms)
        #expect(gate.budget(other.budgetKey).limit(at: .zero) == 30, "no stated limit: the default")
    }

    @Test func aThrottleHoldsItsHostUntilItEndsAndBacksOffWhenAskedAgain() throws {
        let route = JobRoute(profile: try Self.profile("a", port: 8001), service: .bms)
        let sameHostOtherKey = JobRoute(profile: try Self.profile("b", port: 8001, key: "AKOTHER"), service: .bms)
        var gate = Self.gate([route, sameHostOtherKey])
        var random = SeededRandom(seed: 1)
        let until = gate.throttle(route.host, retryAfter: .seconds(20), askedFor: 20, backoff: Backoff(), random: &random, now: .seconds(10))
        #expect(until == .seconds(30))
        #expect(gate.earliestStart(on: route, due: .seconds(10), now: .seconds(10)) == .seconds(30))
        #expect(gate.earliestStart(on: sameHostOtherKey, due: .seconds(10), now: .seconds(10)) == .seconds(30), "a 429 is the host's")
        #expect(gate.longestThrottle(now: .seconds(10))?.askedFor == 20)
        #expect(gate.throttledUntil(route.host, now: .seconds(31)) == nil)
        // Without Retry-After: a backoff, never shorter than its floor, never past the old end.
        let again = gate.throttle(route.host, retryAfter: nil, askedFor: nil, backoff: Backoff(), random: &random, now: .seconds(31))
        #expect(again >= .seconds(31) + Backoff().floor)
    }

    @Test func requestsInFlightPerHostAreCapped() throws {
        let route = JobRoute(profile: try Self.profile("a", port: 8001), service: .bms)
        let lookup = JobRoute(profile: try Self.profile("a", port: 8001), service: .ecs)
        var gate = Self.gate([route, lookup], limit: 600, concurrency: 2)
        gate.begin(on: route, now: .zero)
        #expect(gate.hasRoom(at: route.host))
        gate.begin(on: lookup, cost: 2, now: .zero)
        #expect(!gate.hasRoom(at: route.host), "a lookup counts in flight like a poll")
        #expect(gate.budget(route.budgetKey).used(at: .zero) == 3, "and spends its cost of the shared budget")
        gate.end(at: lookup.host)
        #expect(gate.hasRoom(at: route.host))
    }

    @Test func aRefusedCredentialStopsEveryRouteWithItAndARouteStopOnlyItself() throws {
        let direct = JobRoute(profile: try Self.profile("a", port: 8001), service: .bms)
        let withCA = JobRoute(profile: try Self.profile("b", port: 8001, network: NetworkSettings(trust: TrustStore(.caFile("/nowhere/ca.pem", origin: "--ca-file")))), service: .bms)
        var gate = Self.gate([direct, withCA])
        gate.stop(withCA.networkStop, PollStop(reason: "certificate not trusted", health: .routeStopped))
        #expect(gate.earliestStart(on: withCA, due: .zero, now: .zero) == nil)
        #expect(gate.earliestStart(on: direct, due: .zero, now: .zero) == .zero, "another profile's trust is not this one's")
        #expect(gate.stopReason(of: direct.budgetKey) == "certificate not trusted", "the header names the stop of the budget")

        gate.stop(direct.credentialStop, PollStop(reason: "HTTP 401", health: .authStopped))
        #expect(gate.stop(of: withCA)?.health == .authStopped, "the credential's stop wins")
        let cleared = gate.clearStops(of: direct.budgetKey)
        #expect(cleared)
        #expect(gate.stop(of: direct) == nil && gate.stop(of: withCA) == nil)
        let clearedAgain = gate.clearStops(of: direct.budgetKey)
        #expect(!clearedAgain, "nothing left to clear")
    }

    @Test func aRouteIsWorkedOutOnceForEachProfileAndService() throws {
        var profile = try Self.profile("a", port: 8001)
        profile.endpoints = [.cce: try Endpoint(parsing: "http://127.0.0.1:8002")]
        let table = RouteTable([profile])
        let cce = try #require(table.route(profile: "a", service: .cce))
        #expect(cce.host == "127.0.0.1:8002")
        #expect(table.route(profile: "a", service: .ecs)?.host == "127.0.0.1:8001", "a service without its own endpoint uses the profile's")
        #expect(table.route(profile: "missing", service: .bms) == nil)
        #expect(table.defaultRoutes.map(\.service) == [.bms])
        #expect(cce.jobTarget(jobID: "j").endpoint.identity == "127.0.0.1:8002")
    }
}
