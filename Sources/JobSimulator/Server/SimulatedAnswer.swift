import Foundation
import JobModel
import JobAPI

/// What the simulator sends back for one request, decided before anything is written.
struct SimulatedAnswer: Sendable {
    enum Delivery: Sendable, Hashable {
        case complete
        /// Announce the whole body, send the first `bytes`, then close the connection.
        case dropAfter(bytes: Int)
    }

    var status: Int
    var contentType: String
    var body: [UInt8]
    var extraHeaders: [SigningRequest.Header] = []
    var delivery: Delivery = .complete
    /// Wait this long (wall time) before answering.
    var delay: Duration?

    static func json(_ status: Int, _ json: OrderedJSON) -> SimulatedAnswer {
        SimulatedAnswer(status: status, contentType: "application/json;charset=UTF-8", body: Array(json.text.utf8))
    }

    static func html(_ status: Int, _ text: String) -> SimulatedAnswer {
        SimulatedAnswer(status: status, contentType: "text/html", body: Array(text.utf8))
    }
}

/// The error bodies of the gateway and of the services, as the real ones word them.
enum ErrorBodies {
    /// `{"error_msg":…,"error_code":…,"request_id":…}`, the API gateway's shape.
    static func gateway(_ status: Int, code: String, message: String, requestID: String) -> SimulatedAnswer {
        .json(status, .object([
            .init("error_msg", .string(message)),
            .init("error_code", .string(code)),
            .init("request_id", .string(requestID)),
        ]))
    }

    static func unauthorized(_ refusal: AuthRefusal, requestID: String) -> SimulatedAnswer {
        gateway(401, code: "APIGW.0301", message: refusal.message, requestID: requestID)
    }

    static func throttled(_ quota: RateQuota, retryAfter: Int, requestID: String) -> SimulatedAnswer {
        var answer = gateway(
            429, code: "APIGW.0308",
            message: "The throttling threshold has been reached: policy user over ratelimit,\(quota.gatewayWording)",
            requestID: requestID
        )
        answer.extraHeaders.append(.init("Retry-After", String(retryAfter)))
        return answer
    }

    static func noSuchAPI(requestID: String) -> SimulatedAnswer {
        gateway(404, code: "APIGW.0101", message: "The API does not exist or has not been published in the environment", requestID: requestID)
    }

    static func methodNotAllowed(requestID: String) -> SimulatedAnswer {
        gateway(405, code: "APIGW.0101", message: "The API does not exist or has not been published in the environment", requestID: requestID)
    }

    /// A proxy's error page.
    static func proxyError(_ status: Int) -> SimulatedAnswer {
        let reason = status == 502 ? "Bad Gateway" : status == 503 ? "Service Temporarily Unavailable" : status == 504 ? "Gateway Time-out" : "Internal Server Error"
        return .html(status, "<html>\r\n<head><title>\(status) \(reason)</title></head>\r\n<body>\r\n<center><h1>\(status) \(reason)</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
    }

    /// A 200 that is a web page, not the API.
    static let portalPage = SimulatedAnswer.html(
        200, "<!DOCTYPE html><html><head><title>Sign in to the network</title></head><body><p>Please sign in to continue.</p></body></html>"
    )
}
