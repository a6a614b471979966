import Foundation
import HTTPTypes
import HummingbirdCore
import JobModel
import JobAPI
import NIOCore

/// Reads one HTTP request, asks the core for the answer, and writes it — completely, late,
/// or broken off, as the answer says.
enum HTTPExchange {
    static let maxBodyBytes = 1 << 20

    static func respond(to request: Request, writer: consuming ResponseWriter, channel: any Channel, core: SimulatorCore) async throws {
        var request = request
        let body = try await request.collectBody(upTo: maxBodyBytes)
        let received = ReceivedRequest(
            method: request.method.rawValue,
            host: request.head.authority ?? "",
            target: request.head.path ?? "/",
            headers: request.headers.map { .init($0.name.rawName, $0.value) },
            body: Array(body.readableBytesView)
        )
        let requestID = randomRequestID()
        let answer = core.answer(received, requestID: requestID)
        core.options.requestLog?.record(at: core.options.now(), status: answer.status, method: received.method, path: received.path)
        if let delay = answer.delay {
            try await Task.sleep(for: delay)
        }

        var fields = HTTPFields()
        fields[.contentType] = answer.contentType
        fields[.contentLength] = String(answer.body.count)
        fields[.date] = HTTPDate.format(core.options.now())
        fields[HTTPField.Name("X-Request-Id")!] = requestID
        for header in answer.extraHeaders {
            if let name = HTTPField.Name(header.name) { fields[name] = header.value }
        }
        let head = HTTPResponse(status: .init(code: answer.status), headerFields: fields)

        switch answer.delivery {
        case .complete:
            try await writer.write(response: head, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        case .dropAfter(let bytes):
            var bodyWriter = try await writer.writeHead(head)
            try await bodyWriter.write(ByteBuffer(bytes: answer.body.prefix(bytes)))
            // Closing here, with the announced length unmet, is what a crashed proxy looks like.
            try? await channel.close()
            throw DroppedOnPurpose()
        }
    }

    private struct DroppedOnPurpose: Error {}

    /// 32 lowercase hex characters, like the gateway's request IDs.
    static func randomRequestID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let digits = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
