import Foundation
import JobModel
import JobAPI
import Testing
@testable import JobSimulator

struct AuthTests {
    static let ak = "QTWAOYTTINDUT2QVKYUC"
    static let sk = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"
    static let securityToken = "temporary-security-token-0123456789"
    static let iamToken = "MIIEiam-token-for-the-simulator-tests"

    static var options: SimulatorOptions {
        SimulatorOptions(scenario: .quick, credentials: SimulatorCredentials(
            accessKeys: [ak: Secret(sk), "TEMPORARYAK000000001": Secret(sk)],
            securityTokens: ["TEMPORARYAK000000001": Secret(securityToken)],
            tokens: [Secret(iamToken)]
        ))
    }

    static func key(_ ak: String = ak, sk: String = sk, token: String? = nil) -> Credential {
        .accessKey(.init(accessKeyID: ak, secretKey: Secret(sk), securityToken: token.map(Secret.init)))
    }

    @Test func aCorrectSignatureIsAccepted() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            let job = try await h.fetch(h.simulator.topLevelJobIDs[0], credential: Self.key())
            #expect(job.id == h.simulator.topLevelJobIDs[0])
        }
    }

    @Test func temporaryCredentialsNeedTheirSecurityToken() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            let id = h.simulator.topLevelJobIDs[0]
            _ = try await h.fetch(id, credential: Self.key("TEMPORARYAK000000001", token: Self.securityToken))
            let missing = try #require(await h.fetchError(id, credential: Self.key("TEMPORARYAK000000001")))
            #expect(missing.category == .unauthorized)
            let wrong = try #require(await h.fetchError(id, credential: Self.key("TEMPORARYAK000000001", token: "another-token")))
            #expect(wrong.category == .unauthorized)
        }
    }

    @Test func anIAMTokenIsAcceptedAndAnUnknownOneRefused() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            let id = h.simulator.topLevelJobIDs[0]
            _ = try await h.fetch(id, credential: .token(Secret(Self.iamToken)))
            let error = try #require(await h.fetchError(id, credential: .token(Secret("not-a-token-we-know"))))
            #expect(error.category == .unauthorized)
            #expect(error.code == "APIGW.0301")
            let anonymous = try #require(await h.fetchError(id))
            #expect(anonymous.category == .unauthorized)
        }
    }

    @Test func aWrongSecretKeyIs401WithoutTheSecretInTheError() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            let wrongSK = "WrongSecretKeyValue000000000000000000000"
            let error = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0], credential: Self.key(sk: wrongSK)))
            #expect(error.httpStatus == 401)
            #expect(error.code == "APIGW.0301")
            #expect(error.message.contains("verify aksk signature fail"))
            #expect(!error.description.contains(wrongSK))
            #expect(!error.description.contains(Self.sk))
            let unknownAK = try #require(await h.fetchError(h.simulator.topLevelJobIDs[0], credential: Self.key("UNKNOWNAK00000000000")))
            #expect(unknownAK.code == "APIGW.0301")
        }
    }

    @Test func aDateMoreThanFifteenMinutesOffIsRefused() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            let id = h.simulator.topLevelJobIDs[0]
            _ = try await h.fetch(id, credential: Self.key(), signedAt: h.clock.now.addingTimeInterval(-14 * 60))
            let late = try #require(await h.fetchError(id, credential: Self.key(), signedAt: h.clock.now.addingTimeInterval(-16 * 60)))
            #expect(late.httpStatus == 401)
            #expect(late.code == "APIGW.0301")
            #expect(late.message.contains("expired"))
            let early = try #require(await h.fetchError(id, credential: Self.key(), signedAt: h.clock.now.addingTimeInterval(16 * 60)))
            #expect(early.message.contains("expired"))
        }
    }

    @Test func fiveFailuresLockTheAKForFiveMinutes() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            let id = h.simulator.topLevelJobIDs[0]
            for _ in 0..<5 {
                let error = await h.fetchError(id, credential: Self.key(sk: "WrongSecretKeyValue000000000000000000000"))
                #expect(error?.message.contains("verify aksk signature fail") == true)
            }
            let locked = try #require(await h.fetchError(id, credential: Self.key()))
            #expect(locked.httpStatus == 401)
            #expect(locked.message.contains("locked"))
            h.clock.advance(by: 4 * 60)
            #expect(await h.fetchError(id, credential: Self.key())?.message.contains("locked") == true)
            h.clock.advance(by: 61)
            #expect(await h.fetchError(id, credential: Self.key()) == nil)
        }
    }

    @Test func aSuccessClearsEarlierFailures() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            let id = h.simulator.topLevelJobIDs[0]
            for _ in 0..<4 { _ = await h.fetchError(id, credential: Self.key(sk: "WrongSecretKeyValue000000000000000000000")) }
            _ = try await h.fetch(id, credential: Self.key())
            for _ in 0..<4 { _ = await h.fetchError(id, credential: Self.key(sk: "WrongSecretKeyValue000000000000000000000")) }
            #expect(await h.fetchError(id, credential: Self.key()) == nil)
        }
    }

    @Test func encodedJobIDsAreVerifiedOnThePathAsReceived() async throws {
        try await SimulatorHarness.with(Self.options) { h in
            // Passes the signature check (so: 404, not 401) although the client encoded it.
            let error = try #require(await h.fetchError("job/with%odd:chars?&é", credential: Self.key()))
            #expect(error.category == .notFound)
            #expect(await h.simulator.requestCount(jobID: "job/with%odd:chars?&é") == 1)
        }
    }

    @Test func aSignatureForAnotherHostIsRefused() {
        let authenticator = GatewayAuthenticator(credentials: Self.options.credentials!)
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let path = "/v1/p/jobs/j"
        let signed = Signer.sign(
            SigningRequest(method: "GET", host: "127.0.0.1:8080", path: path, headers: [.init("X-Sdk-Date", SDKDate.format(now))]),
            with: .init(accessKeyID: Self.ak, secretKey: Secret(Self.sk))
        )
        func arriving(host: String) -> ReceivedRequest {
            ReceivedRequest(method: "GET", host: host, target: path, headers: signed.headers.filter { $0.name != "Host" }, body: [])
        }
        #expect(authenticator.verify(arriving(host: "127.0.0.1:8080"), now: now) { _ in false } == .accepted(principal: "AK \(Self.ak)"))
        #expect(authenticator.verify(arriving(host: "127.0.0.1:9090"), now: now) { _ in false } == .refused(.badSignature, failedAccessKey: Self.ak))
    }

    @Test func anUnsignedSecurityTokenIsRefused() {
        let authenticator = GatewayAuthenticator(credentials: Self.options.credentials!)
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let signed = Signer.sign(
            SigningRequest(method: "GET", host: "h", path: "/v1/p/jobs/j", headers: [.init("X-Sdk-Date", SDKDate.format(now))]),
            with: .init(accessKeyID: Self.ak, secretKey: Secret(Self.sk))
        )
        let request = ReceivedRequest(
            method: "GET", host: "h", target: "/v1/p/jobs/j",
            headers: signed.headers + [.init("X-Security-Token", "added-after-signing")], body: []
        )
        #expect(authenticator.verify(request, now: now) { _ in false } == .refused(.badSignature, failedAccessKey: Self.ak))
    }
}
