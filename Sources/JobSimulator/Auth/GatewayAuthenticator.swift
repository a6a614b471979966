import Foundation
import JobModel
import JobAPI

/// Why the gateway refused a request; each answers 401 `APIGW.0301`.
enum AuthRefusal: Sendable, Hashable {
    case badSignature
    case signatureExpired
    case badToken
    case locked
    case missing

    var message: String {
        let prefix = "Incorrect IAM authentication information: "
        return switch self {
        case .badSignature: prefix + "verify aksk signature fail"
        case .signatureExpired: prefix + "signature expired: X-Sdk-Date is more than 15 minutes away from the server time"
        case .badToken: prefix + "decrypt token fail"
        case .locked: prefix + "the AK is locked for 5 minutes after 5 failed signature attempts"
        case .missing: prefix + "no Authorization or X-Auth-Token header"
        }
    }
}

enum AuthVerdict: Sendable, Hashable {
    /// `principal` names the credential for the quota (never a secret).
    case accepted(principal: String)
    /// `failedAccessKey` is set when the attempt counts toward locking that AK.
    case refused(AuthRefusal, failedAccessKey: String?)
}

/// Checks a request the way the API gateway does: rebuilds the canonical request from what
/// was received (method, encoded path, query, the headers named in `SignedHeaders`, body)
/// with JobAPI's `Signer`, and compares signatures; or looks up an `X-Auth-Token`.
struct GatewayAuthenticator: Sendable {
    static let maxSkew: TimeInterval = 15 * 60

    let credentials: SimulatorCredentials

    func verify(_ request: ReceivedRequest, now: Date, isLocked: (String) -> Bool) -> AuthVerdict {
        if let authorization = request.header("Authorization") {
            return verifySignature(authorization, request: request, now: now, isLocked: isLocked)
        }
        if let token = request.header("X-Auth-Token") {
            let known = credentials.tokens.contains { constantTimeEqual($0.exposed, token) }
            return known ? .accepted(principal: "IAM token") : .refused(.badToken, failedAccessKey: nil)
        }
        return .refused(.missing, failedAccessKey: nil)
    }

    private func verifySignature(_ authorization: String, request: ReceivedRequest, now: Date, isLocked: (String) -> Bool) -> AuthVerdict {
        guard let header = AuthorizationHeader(parsing: authorization) else {
            return .refused(.badSignature, failedAccessKey: nil)
        }
        let ak = header.accessKeyID
        if isLocked(ak) { return .refused(.locked, failedAccessKey: nil) }
        let failure = AuthVerdict.refused(.badSignature, failedAccessKey: ak)
        guard let secretKey = credentials.accessKeys[ak] else { return failure }

        let signed = Set(header.signedHeaders)
        // The date and the host must be signed, and so must a security token that is sent.
        guard signed.contains("host"), signed.contains("x-sdk-date"),
              let dateText = request.header("X-Sdk-Date"), let date = SDKDate.parse(dateText)
        else { return failure }
        let securityToken = request.header("X-Security-Token")
        if securityToken != nil, !signed.contains("x-security-token") { return failure }
        if let required = credentials.securityTokens[ak] {
            guard let securityToken, constantTimeEqual(required.exposed, securityToken) else { return failure }
        }
        let signingRequest = request.signingRequest
        guard header.signedHeaders.allSatisfy({ signingRequest.header($0) != nil }) else { return failure }

        let parts = Signer.canonicalParts(of: signingRequest, onlySigning: header.signedHeaders)
        let expected = Signer.signature(of: parts.canonicalRequest, date: dateText, secretKey: secretKey).signature
        guard constantTimeEqual(expected, header.signature.lowercased()) else { return failure }

        if abs(now.timeIntervalSince(date)) > Self.maxSkew {
            return .refused(.signatureExpired, failedAccessKey: nil)
        }
        return .accepted(principal: "AK \(ak)")
    }

    /// Compares without stopping at the first difference, so timing tells nothing.
    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
