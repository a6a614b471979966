import Foundation
import Testing
import JobModel
@testable import JobAPI

/// Each service's documented error body (docs/api/SERVICES.md §1–§5), read by `ErrorFields` and
/// turned into one `APIError` by `JobClient.httpError`.
struct ServiceErrorBodyTests {
    static func error(_ status: Int, _ body: String) -> APIError {
        JobClient.httpError(
            status: status, body: Data(body.utf8), requestID: nil, retryAfter: nil,
            host: "ecs.cn-north-4.myhuaweicloud.com", redactor: Redactor(secrets: []), now: Date(timeIntervalSince1970: 0)
        )
    }

    static func find(_ text: String) throws -> ErrorFields.Found? {
        ErrorFields.find(in: try JSONValue.parse(Data(text.utf8)))
    }

    @Test(arguments: [
        // CCE: camelCase, errorMessage (not errorMsg).
        (#"{ "errorMessage": "The format of message is error", "errorCode": "CCE.01400001" }"#, "CCE.01400001", "The format of message is error"),
        // EVS: the wrapper key varies.
        (#"{"itemNotFound": {"message": "Volume not found", "code": "EVS.5404"}}"#, "EVS.5404", "Volume not found"),
        (#"{"badrequest": {"message": "XXXX", "code": "XXX"}}"#, "XXX", "XXXX"),
        // VPC/EIP: flat.
        (#"{"code": "VPC.0504", "message": "Floating IP could not be found."}"#, "VPC.0504", "Floating IP could not be found."),
        // ECS: wrapped, with details.
        (#"{"error": {"message": "privateIp [%s] is not in this subnet [%s]", "code": "Ecs.0005", "details": [{"code": "Ecs.0039"}]}}"#, "Ecs.0005", "privateIp [%s] is not in this subnet [%s]"),
        (#"{"error": {"message": "request body is illegal.", "code": "Ecs.0005"}}"#, "Ecs.0005", "request body is illegal."),
        // ECS batch: the wrapper, not the per-item errors.
        (#"{"error":{"code":"Ecs.0001","message":"batch failed"},"internalError":[{"id":"s1","error_code":"ECS.1234","error_message":"one"}]}"#, "Ecs.0001", "batch failed"),
        // IMS.
        (#"{"error": {"message": "The imagetype is invalid.", "code": "IMG.0024"}}"#, "IMG.0024", "The imagetype is invalid."),
        // The gateway, and the boilerplate every service copies.
        (#"{"error_msg": "The request message format is invalid.", "error_code": "IMG.0001"}"#, "IMG.0001", "The request message format is invalid."),
        (#"{"error_code":"APIGW.0101","error_msg":"The API does not exist or has not been published in the environment"}"#, "APIGW.0101", "The API does not exist or has not been published in the environment"),
    ] as [(String, String, String)])
    func documentedBodies(_ body: String, _ code: String, _ message: String) throws {
        #expect(try Self.find(body) == .init(code: code, message: message))
        let error = Self.error(400, body)
        #expect(error.code == code)
        #expect(error.message == message)
        #expect(!error.description.contains("{"), "the body's text, not its JSON: \(error.description)")
    }

    @Test(arguments: [
        #"{"error": {"code": "request body is illegal.", "message": "Ecs.0005"}}"#,
        #"{"code": "request body is illegal.", "message": "Ecs.0005"}"#,
    ])
    func swappedCodeAndMessageAreSwappedBack(_ body: String) throws {
        #expect(try Self.find(body) == .init(code: "Ecs.0005", message: "request body is illegal."))
        let error = Self.error(400, body)
        #expect(error.code == "Ecs.0005")
        #expect(error.message == "request body is illegal.")
    }

    @Test(arguments: [
        // A code without a digit, a message that is a sentence, a code without a space: as sent.
        (#"{"code": "bad request", "message": "InvalidParameter"}"#, "bad request", "InvalidParameter"),
        (#"{"code": "request body is illegal.", "message": "see the docs"}"#, "request body is illegal.", "see the docs"),
        (#"{"code": "Ecs.0005", "message": "Ecs.0006"}"#, "Ecs.0005", "Ecs.0006"),
    ] as [(String, String, String)])
    func pairsThatDoNotReadSwappedAreKept(_ body: String, _ code: String, _ message: String) throws {
        #expect(try Self.find(body) == .init(code: code, message: message))
    }

    @Test func cceWithTheOlderSpellingStillReads() throws {
        #expect(try Self.find(#"{"errorCode":"CCE.01404001","errorMsg":"Resource not found."}"#) == .init(code: "CCE.01404001", message: "Resource not found."))
        #expect(try Self.find(#"{"errorCode":"CCE.01404001","errorMessage":"new","errorMsg":"old"}"#) == .init(code: "CCE.01404001", message: "new"))
    }
}
