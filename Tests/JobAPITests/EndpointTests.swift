import Testing
import JobModel
import JobAPI

struct EndpointTests {
    @Test func regionGivesThePublicBMSEndpoint() throws {
        let endpoint = try Endpoint.region("cn-north-4")
        #expect(endpoint.description == "https://bms.cn-north-4.myhuaweicloud.com")
        #expect(endpoint.hostHeader == "bms.cn-north-4.myhuaweicloud.com")
        #expect(endpoint.url(path: endpoint.jobPath(projectID: "p1", jobID: "j1"))
            == "https://bms.cn-north-4.myhuaweicloud.com/v1/p1/jobs/j1")
        #expect(try Endpoint.region("ap-southeast-1").host == "bms.ap-southeast-1.myhuaweicloud.com")
    }

    @Test(arguments: ["", "CN-NORTH-4", "cn north 4", "cn-north-4.evil.com/", "cn_north_4", "cn-north-4/x"])
    func badRegionsAreRefusedWithAnExample(_ region: String) {
        #expect {
            try Endpoint.region(region)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("is not a region name") && text.contains("cn-north-4") && !text.contains("\n")
        }
    }

    @Test(arguments: [
        ("https://bms.cn-north-4.myhuaweicloud.com", "https", "bms.cn-north-4.myhuaweicloud.com", nil, "", "bms.cn-north-4.myhuaweicloud.com"),
        ("https://bms.example.com/", "https", "bms.example.com", nil, "", "bms.example.com"),
        ("HTTPS://bms.example.com:443", "https", "bms.example.com", 443, "", "bms.example.com"),
        ("https://bms.example.com:8443/proxy/bms/", "https", "bms.example.com", 8443, "/proxy/bms", "bms.example.com:8443"),
        ("http://127.0.0.1:8080", "http", "127.0.0.1", 8080, "", "127.0.0.1:8080"),
        ("http://localhost:80", "http", "localhost", 80, "", "localhost"),
        ("http://localhost", "http", "localhost", nil, "", "localhost"),
        ("  http://127.0.0.1:9/base  ", "http", "127.0.0.1", 9, "/base", "127.0.0.1:9"),
    ] as [(String, String, String, Int?, String, String)])
    func parsesEndpointURLs(_ text: String, _ scheme: String, _ host: String, _ port: Int?, _ base: String, _ hostHeader: String) throws {
        let endpoint = try Endpoint(parsing: text)
        #expect(endpoint.scheme == scheme)
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
        #expect(endpoint.basePath == base)
        #expect(endpoint.hostHeader == hostHeader)
    }

    @Test func ipv6LoopbackIsAllowedOverHTTP() throws {
        let endpoint = try Endpoint(parsing: "http://[::1]:8080")
        #expect(endpoint.hostHeader == "[::1]:8080")
        #expect(endpoint.url(path: "/v1/p/jobs/j") == "http://[::1]:8080/v1/p/jobs/j")
    }

    @Test func theBasePathIsKeptInFrontOfTheJobPath() throws {
        let endpoint = try Endpoint(parsing: "https://gw.example.com/bms/")
        let path = endpoint.jobPath(projectID: "p", jobID: "j")
        #expect(path == "/bms/v1/p/jobs/j")
        #expect(endpoint.url(path: path) == "https://gw.example.com/bms/v1/p/jobs/j")
        #expect(endpoint.description == "https://gw.example.com/bms")
    }

    @Test(arguments: [
        "http://bms.cn-north-4.myhuaweicloud.com",
        "http://10.0.0.5:8080",
        "http://127.evil.example.com",
        "http://127.0.0.1.nip.io",
        "http://localhost.example.com",
    ])
    func plainHTTPIsRefusedOffLoopback(_ text: String) {
        #expect {
            try Endpoint(parsing: text)
        } throws: { error in
            let text = String(describing: error)
            return text.contains("plain http") && text.contains("use https://")
        }
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"])
    func loopbackHosts(_ host: String) {
        #expect(Endpoint.isLoopback(host))
    }

    @Test(arguments: ["127.evil.com", "127.0.0.1.example.com", "1127.0.0.1", "128.0.0.1", "::2", "localhostx", "127.0.0.256"])
    func hostsThatAreNotLoopback(_ host: String) {
        #expect(!Endpoint.isLoopback(host))
    }

    @Test(arguments: [
        ("bms.cn-north-4.myhuaweicloud.com", "is not a URL"),
        ("", "is not a URL"),
        ("ftp://bms.example.com", "has scheme ftp"),
        ("https://user:pw@bms.example.com", "query or user part"),
        ("https://bms.example.com/?x=1", "query or user part"),
    ])
    func malformedEndpoints(_ text: String, _ reason: String) {
        #expect {
            try Endpoint(parsing: text)
        } throws: { error in
            let description = String(describing: error)
            return description.contains(reason) && description.contains(" — ")
        }
    }

    @Test(arguments: [
        "https://admin:SuperSecretPw@bms.example.com",
        "http://admin:SuperSecretPw@10.0.0.1",
        "ftp://admin:SuperSecretPw@bms.example.com",
        "https://bms.example.com/?token=SuperSecretPw",
    ])
    func aPasswordOrTokenInTheURLIsNeverEchoed(_ text: String) {
        #expect {
            try Endpoint(parsing: text)
        } throws: { error in
            !String(describing: error).contains("SuperSecretPw")
        }
    }

    @Test func jobPathsArePercentEncoded() throws {
        let endpoint = try Endpoint.region("cn-north-4")
        #expect(endpoint.jobPath(projectID: "0a1b", jobID: "job id:+@(1)!é~_.-")
            == "/v1/0a1b/jobs/job%20id%3A%2B%40%281%29%21%C3%A9~_.-")
        #expect(endpoint.jobPath(projectID: "p/q", jobID: "a/b%41") == "/v1/p%2Fq/jobs/a%2Fb%2541")
    }

    @Test func hostHeaderAddsOnlyANonDefaultPort() {
        #expect(Endpoint(scheme: "https", host: "h", port: 443, basePath: "").hostHeader == "h")
        #expect(Endpoint(scheme: "https", host: "h", port: 80, basePath: "").hostHeader == "h:80")
        #expect(Endpoint(scheme: "http", host: "h", port: 80, basePath: "").hostHeader == "h")
        #expect(Endpoint(scheme: "http", host: "h", port: 443, basePath: "").hostHeader == "h:443")
        #expect(Endpoint(scheme: "http", host: "::1", port: nil, basePath: "").hostHeader == "[::1]")
    }
}
