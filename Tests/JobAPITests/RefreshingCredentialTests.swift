import Foundation
import JobModel
import JobAPI
import Synchronization
import Testing

/// Renewal rules on the caller's clock, with a stand-in for the metadata service.
@Suite struct RefreshingCredentialTests {
    final class Script: TemporaryCredentialFetching {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let answers: Mutex<[Result<TemporaryCredential, APIError>]>
        let calls = Mutex(0)
        var identity: String { "metadata@http://127.0.0.1:9" }

        init(_ answers: [Result<TemporaryCredential, APIError>]) { self.answers = Mutex(answers) }

        func fetchTemporary() async throws(APIError) -> TemporaryCredential {
            calls.withLock { $0 += 1 }
            let next = answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            guard let next else { throw APIError(kind: .timeout, message: "script ran out") }
            return try next.get()
        }
    }

    static func temporary(_ ak: String, expiresAt: Date) -> TemporaryCredential {
        TemporaryCredential(key: .init(accessKeyID: ak, secretKey: Secret("sk-\(ak)"), securityToken: Secret("token-\(ak)")), expiresAt: expiresAt)
    }

    @Test func aFailedRenewalKeepsTheValidCredentialThenStops() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let down = APIError(kind: .timeout, message: "no answer within 3s")
        let script = Script([.success(Self.temporary("AK1", expiresAt: start.addingTimeInterval(60))), .failure(down), .failure(down)])
        let source = RefreshingCredential(fetcher: script)
        #expect(try await source.current(now: start).identity == "AK AK1")
        // Renewal is due after 40 s of 60; it fails, the old one still signs.
        #expect(try await source.current(now: start.addingTimeInterval(45)).identity == "AK AK1")
        await Task.yield()
        let error = await #expect(throws: APIError.self) { try await source.current(now: start.addingTimeInterval(61)) }
        #expect(error?.message == "no answer within 3s")
        #expect(await source.renewals == 1)
    }

    @Test func renewedBeforeExpiryAndOneFetchForManyCallers() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let script = Script([
            .success(Self.temporary("AK1", expiresAt: start.addingTimeInterval(60))),
            .success(Self.temporary("AK2", expiresAt: start.addingTimeInterval(120))),
        ])
        let source = RefreshingCredential(fetcher: script)
        let first = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { (try? await source.current(now: start).identity) ?? "failed" } }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(first == ["AK AK1"])
        #expect(script.calls.withLock { $0 } == 1)
        #expect(try await source.current(now: start.addingTimeInterval(30)).identity == "AK AK1")
        #expect(script.calls.withLock { $0 } == 1, "no renewal before two thirds of the lifetime")
        _ = try await source.current(now: start.addingTimeInterval(41))
        // The background renewal lands before the old one expires.
        // Real time bounds the wait, not a count of yields: a loaded machine runs the renewal late.
        let deadline = ContinuousClock.now + .seconds(20)
        var renewed = await source.renewals == 2
        while !renewed, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
            renewed = await source.renewals == 2
        }
        #expect(renewed)
        #expect(try await source.current(now: start.addingTimeInterval(59)).identity == "AK AK2")
        #expect(CredentialSource.refreshing(source).budgetIdentity == "metadata@http://127.0.0.1:9")
    }
}
