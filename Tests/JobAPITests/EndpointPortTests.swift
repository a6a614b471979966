import JobModel
import JobAPI
import Testing

/// A port outside 1…65535 is refused when the endpoint is parsed: NIO would trap on it later.
struct EndpointPortTests {
    @Test(arguments: ["http://127.0.0.1:65536", "http://127.0.0.1:99999", "https://bms.example.com:0", "http://localhost:70000/base"])
    func portsThatDoNotExistAreRefused(_ text: String) {
        #expect {
            try Endpoint(parsing: text)
        } throws: { error in
            let line = String(describing: error)
            return line.contains("port") && line.contains("1 to 65535") && !line.contains("\n")
        }
    }

    @Test func aHugePortIsRefusedNotTrapped() {
        // Whatever URLComponents makes of it, it must not come back as an endpoint.
        #expect(throws: Endpoint.Problem.self) { try Endpoint(parsing: "http://127.0.0.1:99999999999999999999999") }
        #expect(throws: Endpoint.Problem.self) { try Endpoint(parsing: "http://127.0.0.1:-1") }
    }

    @Test(arguments: [1, 8080, 65535])
    func theWholeRangeIsAccepted(_ port: Int) throws {
        #expect(try Endpoint(parsing: "http://127.0.0.1:\(port)").port == port)
    }
}
