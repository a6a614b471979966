import BenchFixtures
import Foundation
import JobAPI

/// Writes the inputs of the Decode and Sign benchmarks for scripts/bench-anchors.py:
/// `PATH`, the very 1,500-sub-job body the Decode benchmark reads (it reads this file when
/// `BENCH_BODY` names it), and `PATH.sign.json`, the Sign benchmark's request with every header
/// that is signed (`Host` included), its keys and date, and our signature of it.
///
/// usage: WriteBenchBody PATH
@main
enum WriteBenchBody {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: WriteBenchBody PATH\n".utf8))
            exit(64)
        }
        let path = arguments[1]
        try BatchBody.standard.write(to: URL(fileURLWithPath: path))
        try SignInput.current().encoded().write(to: URL(fileURLWithPath: path + ".sign.json"))
    }
}

/// The sign request as plain JSON: headers as `[name, value]` pairs in the order sent.
struct SignInput: Encodable {
    var method: String
    var host: String
    var path: String
    var query: [[String]]
    var headers: [[String]]
    var body: String
    var ak: String
    var sk: String
    var date: String
    var signedHeaders: String
    var canonicalRequest: String
    var signature: String
    var authorization: String

    static func current() -> SignInput {
        let request = SignFixture.request
        let signed = SignFixture.sign()
        return SignInput(
            method: request.method, host: request.host, path: request.path,
            query: request.query.map { [$0.name, $0.value] },
            headers: signed.headers.filter { $0.name != "Authorization" }.map { [$0.name, $0.value] },
            body: String(decoding: request.body, as: UTF8.self),
            ak: SignFixture.accessKeyID, sk: SignFixture.secretKey,
            date: SignFixture.date, signedHeaders: signed.signedHeaders, canonicalRequest: signed.canonicalRequest,
            signature: signed.signature, authorization: signed.authorization
        )
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
