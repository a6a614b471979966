import Foundation
import Testing
import JobModel
@testable import JobAPI

struct ErrorBodyTests {
    static let now = Date(timeIntervalSince1970: 1_714_550_950) // 2024-05-01T08:09:10Z
    static let secretKey = "ExampleSecretKey0123456789abcdefghijABCD"
    static let redactor = Redactor(secrets: [secretKey, "tempSecurityToken-xyz"])

    static func error(
        _ status: Int, _ body: String, requestID: String? = nil, retryAfter: String? = nil
    ) -> APIError {
        JobClient.httpError(
            status: status, body: Data(body.utf8), requestID: requestID, retryAfter: retryAfter,
            host: "bms.cn-north-4.myhuaweicloud.com", redactor: redactor, now: now
        )
    }

    static func find(_ text: String) throws -> ErrorFields.Found? {
        ErrorFields.find(in: try JSONValue.parse(Data(text.utf8)))
    }

    // MARK: - ErrorFields

    @Test func gatewayPair() throws {
        let found = try Self.find(#"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail","request_id":"r1"}"#)
        #expect(found == .init(code: "APIGW.0301", message: "Incorrect IAM authentication information: verify aksk signature fail"))
    }

    @Test func camelCasePair() throws {
        #expect(try Self.find(#"{"errorCode":"IMS.0001","errorMsg":"image missing"}"#) == .init(code: "IMS.0001", message: "image missing"))
    }

    @Test func codeMessagePair() throws {
        #expect(try Self.find(#"{"code":"BMS.0040","message":"job not found"}"#) == .init(code: "BMS.0040", message: "job not found"))
    }

    @Test func nestedPair() throws {
        #expect(try Self.find(#"{"error":{"code":"BMS.0201","message":"project mismatch"}}"#) == .init(code: "BMS.0201", message: "project mismatch"))
    }

    @Test func theFirstPairInTheDocumentedOrderWins() throws {
        let found = try Self.find(#"{"code":"C","message":"M","errorCode":"EC","errorMsg":"EM","error_code":"GW","error_msg":"GM"}"#)
        #expect(found == .init(code: "GW", message: "GM"))
        let camel = try Self.find(#"{"code":"C","message":"M","errorCode":"EC","errorMsg":"EM"}"#)
        #expect(camel == .init(code: "EC", message: "EM"))
    }

    @Test func topLevelPairsWinOverNestedOnes() throws {
        #expect(try Self.find(#"{"error":{"code":"inner","message":"in"},"code":"outer","message":"out"}"#) == .init(code: "outer", message: "out"))
    }

    @Test func nullPairsAreSkipped() throws {
        #expect(try Self.find(#"{"error_code":null,"error_msg":null,"code":"C","message":"M"}"#) == .init(code: "C", message: "M"))
    }

    @Test func numericCodesAreText() throws {
        #expect(try Self.find(#"{"forbidden":{"code":403,"message":"Quota exceeded"}}"#) == .init(code: "403", message: "Quota exceeded"))
    }

    @Test(arguments: ["{}", #"{"status":"SUCCESS"}"#, "[1,2]", #""text""#])
    func noErrorFields(_ text: String) throws {
        #expect(try Self.find(text) == nil)
    }

    // MARK: - httpError

    @Test func gatewayErrorBecomesOneActionableLine() {
        let error = Self.error(401, #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"}"#, requestID: "req-0001")
        #expect(error.kind == .http)
        #expect(error.httpStatus == 401)
        #expect(error.code == "APIGW.0301")
        #expect(error.message == "Incorrect IAM authentication information: verify aksk signature fail")
        #expect(error.requestId == "req-0001")
        #expect(error.category == .unauthorized)
        #expect(error.description == "HTTP 401 APIGW.0301 Incorrect IAM authentication information: verify aksk signature fail [bms.cn-north-4.myhuaweicloud.com] (request req-0001) — check HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK (or the token) and that they belong to this region; polling with it stopped, since repeated failures lock the AK for 5 minutes")
    }

    @Test func anExpiredSignaturePointsAtTheClock() {
        let error = Self.error(401, #"{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: AuthorizationHeader signature expired"}"#)
        #expect(error.hint.contains("clock"))
    }

    @Test func nestedBMSError() {
        let error = Self.error(404, #"{"error":{"code":"BMS.0040","message":"The job does not exist"}}"#)
        #expect(error.code == "BMS.0040")
        #expect(error.message == "The job does not exist")
        #expect(error.category == .notFound)
    }

    @Test func htmlFromAProxyGivesTheStatusAndTheFirstBytes() {
        let error = Self.error(502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>")
        #expect(error.code == nil)
        #expect(error.httpStatus == 502)
        #expect(error.message == "body: <html> <head><title>502 Bad Gateway</title></head> <body><center><h1>502 Bad Gat…")
        #expect(error.category == .transient)
        #expect(error.description.hasPrefix("HTTP 502 body: <html>"))
        #expect(!error.description.contains("\n"))
    }

    @Test func anEmptyBodyGivesTheReasonPhrase() {
        let error = Self.error(503, "")
        #expect(error.message == "Service Unavailable")
        #expect(error.description.hasPrefix("HTTP 503 Service Unavailable [bms.cn-north-4.myhuaweicloud.com] — "))
    }

    @Test func jsonWithoutErrorFieldsShowsTheBody() {
        let error = Self.error(500, #"{"unexpected":true}"#)
        #expect(error.message == #"body: {"unexpected":true}"#)
    }

    @Test func aCodeWithoutMessageKeepsTheCode() {
        let error = Self.error(400, #"{"error_code":"APIGW.0101"}"#)
        #expect(error.code == "APIGW.0101")
        #expect(error.category == .permanent)
        #expect(error.description.hasPrefix("HTTP 400 APIGW.0101 "))
    }

    // MARK: - Retry-After and 429

    @Test func retryAfterInSeconds() {
        #expect(Self.error(429, "{}", retryAfter: "17").retryAfter == 17)
        #expect(Self.error(429, "{}", retryAfter: " 0 ").retryAfter == 0)
    }

    @Test func retryAfterAsAnHTTPDate() {
        #expect(Self.error(429, "{}", retryAfter: "Wed, 01 May 2024 08:10:40 GMT").retryAfter == 90)
        // A date already past means "now", never a negative wait.
        #expect(Self.error(429, "{}", retryAfter: "Wed, 01 May 2024 08:00:00 GMT").retryAfter == 0)
    }

    @Test(arguments: ["soon", "-5", "nan", "inf", ""])
    func unusableRetryAfterIsIgnored(_ value: String) {
        #expect(Self.error(429, "{}", retryAfter: value).retryAfter == nil)
    }

    @Test func throttledWithTheStatedQuota() {
        let error = Self.error(429, #"{"error_code":"APIGW.0308","error_msg":"The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute"}"#, retryAfter: "3")
        #expect(error.category == .throttled)
        #expect(error.statedRateLimitPerMinute == 100)
        #expect(error.retryAfter == 3)
        #expect(error.description.contains("— the API quota is exhausted"))
    }

    @Test func aQuotaIsOnlyReadFromA429() {
        let error = Self.error(500, #"{"error_msg":"limit:100,time:1 minute"}"#)
        #expect(error.statedRateLimitPerMinute == nil)
    }

    @Test(arguments: [
        ("The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute", 100.0),
        ("policy ip over ratelimit,limit:10,time:1 second", 600.0),
        ("policy user over ratelimit,limit:60,time:1 minute", 60.0),
        ("policy api over ratelimit,limit:1000,time:1 hour", 1000.0 / 60),
        ("policy user over ratelimit,limit:5,time:10 seconds", 30.0),
        ("limit:2400,time:1 day", 2400.0 / 1440),
        ("LIMIT:30,TIME:1 MINUTE", 30.0),
        ("policy user over ratelimit,limit:20", 20.0),
    ])
    func rateLimitMessages(_ message: String, _ perMinute: Double) throws {
        let parsed = try #require(RateLimitMessage.requestsPerMinute(in: message))
        #expect(abs(parsed - perMinute) < 1e-9)
    }

    @Test(arguments: ["Too Many Requests", "limit:0,time:1 minute", "limit:x", ""])
    func messagesWithoutAQuota(_ message: String) {
        #expect(RateLimitMessage.requestsPerMinute(in: message) == nil)
    }

    // MARK: - Secrets

    @Test func aServerEchoingTheSecretKeyNeverShowsIt() {
        let error = Self.error(401, #"{"error_code":"APIGW.0301","error_msg":"signature with key \#(Self.secretKey) is wrong"}"#)
        #expect(!error.description.contains(Self.secretKey))
        #expect(!error.message.contains(Self.secretKey))
        #expect(error.message == "signature with key <redacted> is wrong")
    }

    @Test func aSecretInTheCodeFieldIsRedactedToo() {
        let error = Self.error(400, #"{"code":"\#(Self.secretKey)","message":"x"}"#)
        #expect(!error.description.contains(Self.secretKey))
    }

    /// A body that is not JSON is cut to its first bytes: the secret must go before the cut,
    /// or its first half would show.
    @Test(arguments: [0, 30, 50, 70, 79])
    func aSecretCutByTheBodyPrefixNeverShows(_ offset: Int) {
        let body = String(repeating: "x", count: offset) + Self.secretKey + " trailing text to make the body long enough"
        let error = Self.error(500, body)
        let shown = error.description
        #expect(!shown.contains(Self.secretKey))
        #expect(!shown.contains(String(Self.secretKey.prefix(8))), "a piece of the SK shows: \(shown)")
    }

    @Test func theSecurityTokenIsRedacted() {
        let error = Self.error(403, #"{"error_msg":"token tempSecurityToken-xyz not allowed"}"#)
        #expect(error.message == "token <redacted> not allowed")
    }

    // MARK: - Description shape

    @Test func descriptionIsOneLineWithAHint() {
        let error = APIError(kind: .http, httpStatus: 500, code: "X", message: "line one\nline two\r\n  line three", requestId: "r")
        #expect(error.description == "HTTP 500 X line one line two line three (request r) — the server had a problem: if it lasts, check the cloud's status page")
    }

    @Test(arguments: [
        APIError(kind: .timeout, message: "request timed out"),
        APIError(kind: .transport, message: "connection refused"),
        APIError(kind: .invalidRequest, message: "bad job ID"),
        APIError(kind: .invalidResponse, httpStatus: 200, message: "answer is not a job"),
        APIError(kind: .bodyTooLarge, message: "too big"),
        APIError(kind: .http, httpStatus: 403, message: ""),
        APIError(kind: .http, httpStatus: 418, message: "teapot"),
    ])
    func everyErrorHasOneLineAndAHint(_ error: APIError) {
        let text = error.description
        #expect(!text.contains("\n"))
        #expect(text.contains(" — "))
        #expect(!error.hint.isEmpty)
    }

    @Test func categories() {
        #expect(APIError(kind: .http, httpStatus: 403, message: "").category == .forbidden)
        #expect(APIError(kind: .http, httpStatus: 408, message: "").category == .transient)
        #expect(APIError(kind: .http, httpStatus: 504, message: "").category == .transient)
        #expect(APIError(kind: .http, httpStatus: 400, message: "").category == .permanent)
        #expect(APIError(kind: .timeout, message: "").category == .transient)
        #expect(APIError(kind: .invalidRequest, message: "").category == .permanent)
        #expect(APIError(kind: .http, httpStatus: 403, message: "").description.contains("(no message)"))
    }
}
