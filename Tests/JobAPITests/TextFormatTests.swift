import Foundation
import Testing
import JobModel
import JobAPI

/// The small text formats: job IDs, HTTP dates, `X-Sdk-Date`, percent-encoding.
struct TextFormatTests {
    // MARK: - JobID

    @Test(arguments: [
        "2c9eb2c5544cbf6101544f0602af2b4f", "ff80808288d41e1b018a8ec1c6c30f2d",
        "bae51750-0089-41a1-9b18-5c777978ff6d", "a/b%41", "job:+@(1)!é~_.-", "x",
    ])
    func opaqueJobIDsAreAccepted(_ id: String) {
        #expect(JobID.problem(with: id) == nil)
    }

    @Test(arguments: [
        ("", "is empty"), (" ", "contains whitespace"), ("abc def", "contains whitespace"),
        ("abc\n", "contains whitespace"), ("abc\t", "contains whitespace"), ("a\u{00A0}b", "contains whitespace"),
        ("a\u{0007}b", "contains control characters"), ("a\u{200B}b", "contains control characters"),
        (String(repeating: "a", count: 129), "is longer than 128 bytes"),
    ])
    func impossibleJobIDsAreRefused(_ id: String, _ problem: String) {
        #expect(JobID.problem(with: id) == problem)
    }

    @Test func theLongestJobID() {
        #expect(JobID.problem(with: String(repeating: "a", count: 128)) == nil)
        #expect(JobID.problem(with: String(repeating: "é", count: 64)) == nil)
        #expect(JobID.problem(with: String(repeating: "é", count: 65)) == "is longer than 128 bytes")
    }

    @Test func shortJobIDs() {
        #expect(JobID.short("2c9eb2c5544cbf6101544f0602af2b4f") == "2c9e…2b4f")
        #expect(JobID.short("abcdefghijkl") == "abcdefghijkl")
    }

    // MARK: - HTTPDate

    @Test func httpDateRoundTrip() throws {
        let date = Date(timeIntervalSince1970: 784_111_777) // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(HTTPDate.format(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("  Sun, 06 Nov 1994 08:49:37 GMT ") == date)
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_714_550_950)) == "Wed, 01 May 2024 08:09:10 GMT")
    }

    @Test(arguments: [
        "", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 PST", "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT", "120",
    ])
    func notHTTPDates(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func retryAfter() {
        let now = Date(timeIntervalSince1970: 1_714_550_950)
        #expect(HTTPDate.retryAfterSeconds("120", now: now) == 120)
        #expect(HTTPDate.retryAfterSeconds("1.5", now: now) == 1.5)
        #expect(HTTPDate.retryAfterSeconds("Wed, 01 May 2024 08:09:40 GMT", now: now) == 30)
        #expect(HTTPDate.retryAfterSeconds(nil, now: now) == nil)
        #expect(HTTPDate.retryAfterSeconds("-1", now: now) == nil)
    }

    // MARK: - SDKDate

    @Test func sdkDate() throws {
        let date = Date(timeIntervalSince1970: 1_714_550_950.999)
        #expect(SDKDate.format(date) == "20240501T080910Z")
        #expect(SDKDate.parse("20240501T080910Z") == Date(timeIntervalSince1970: 1_714_550_950))
        #expect(SDKDate.format(Date(timeIntervalSince1970: 1_136_214_245)) == "20060102T150405Z")
        #expect(Signer.sdkDate(date) == "20240501T080910Z")
    }

    @Test(arguments: ["", "20240501T080910", "20240501 080910Z", "2024-05-01T08:09Z", "20241301T080910Z", "20240501T250910Z", "2024050xT080910Z"])
    func notSDKDates(_ text: String) {
        #expect(SDKDate.parse(text) == nil)
    }

    // MARK: - PercentEncoding

    @Test(arguments: [
        ("abcXYZ019-_.~", "abcXYZ019-_.~"),
        ("a b", "a%20b"), ("+/=*,", "%2B%2F%3D%2A%2C"), ("ä", "%C3%A4"), ("é", "%C3%A9"),
        ("%", "%25"), ("😀", "%F0%9F%98%80"), ("", ""),
    ])
    func encodesLikeTheSDK(_ text: String, _ encoded: String) {
        #expect(PercentEncoding.encode(text) == encoded)
        #expect(PercentEncoding.decode(encoded) == text)
    }

    @Test(arguments: [("%zz", "%zz"), ("100%", "100%"), ("%4", "%4"), ("%41%42", "AB"), ("a%2fb", "a/b"), ("%C3%A4", "ä")])
    func decodesLeavingMalformedSequences(_ text: String, _ decoded: String) {
        #expect(PercentEncoding.decode(text) == decoded)
    }
}
