import Foundation
import Testing
import JobModel
@testable import JobAPI

/// The byte scanner the one-pass readers stand on: what it reads must be what `JSONDecoder`
/// reads (checked against `JSONValue.parse` for every case), and what it cannot be sure of it
/// must say so, never guess.
struct JSONScannerTests {
    static func scanned(_ text: String) -> JSONValue? {
        if case .value(let value) = JSONScanner.document(text) { return value }
        return nil
    }

    static func isUnsure(_ text: String) -> Bool {
        if case .unsure = JSONScanner.document(text) { return true }
        return false
    }

    // MARK: - Strings

    @Test(arguments: [
        (#"["\u00e9"]"#, "é"),
        (#"["\u4e2d\u6587"]"#, "中文"),
        (#"["\ud83d\ude00"]"#, "😀"),
        (#"["\uD83D\uDE00 and \uDBFF\uDFFF"]"#, "😀 and \u{10FFFF}"),
        (#"["a\"b\\c\/d"]"#, "a\"b\\c/d"),
        (#"["\b\f\n\r\t"]"#, "\u{8}\u{C}\n\r\t"),
        (#"["\u0000"]"#, "\u{0}"),
        (#"["x\u0041y"]"#, "xAy"),
        (#"["所选规格的裸金属服务器库存不足"]"#, "所选规格的裸金属服务器库存不足"),
        (#"["配额\u4e0d足"]"#, "配额不足"),
    ])
    func stringEscapesAreDecoded(_ text: String, _ expected: String) throws {
        #expect(Self.scanned(text) == .array([.string(expected)]))
        #expect(try JSONValue.parse(Data(text.utf8)) == .array([.string(expected)]))
    }

    @Test(arguments: [
        #"["\ud800"]"#,  // a high surrogate alone
        #"["\udc00x"]"#,  // a low surrogate alone
        #"["\ud800\u0041"]"#,  // a high surrogate before no low one
        #"["\ud800\n"]"#,
        #"["\x"]"#,
        #"["\u12"]"#,
        #"["\u12G4"]"#,
        "[\"tab\there\"]",  // a raw control character
        #"["open"#,
    ])
    func badStringsAreNotGuessed(_ text: String) {
        #expect(Self.isUnsure(text))
        #expect((try? JSONValue.parse(Data(text.utf8))) == nil, "JSONDecoder refuses it too")
    }

    @Test func invalidUTF8IsLeftToTheTolerantPath() {
        let body = Data(#"{"status":"RUNNING","job_id":""#.utf8) + Data([0xFF, 0xFE]) + Data(#""}"#.utf8)
        #expect(throws: JSONScanner.Unsure.self) { try Job.decodeInOnePass(body, service: .bms).get() }
        // Read as U+FFFD, as browsers and most JSON readers do, rather than "not JSON".
        #expect((try? Job.decode(body))?.id == "\u{FFFD}\u{FFFD}")
    }

    /// A Chinese reason cut in the middle of its last character: the job is still FAIL, with
    /// the reason and a replacement character where the cut is.
    @Test func reasonCutMidCharacterStillFails() throws {
        let reason = Data("磁盘".utf8) + Data("超".utf8).prefix(2)
        let body = Data(#"{"status":"FAIL","job_id":"j","entities":{},"fail_reason":""#.utf8) + reason + Data(#""}"#.utf8)
        let job = try Job.decode(body)
        #expect(job.status == .fail)
        #expect(job.failReason == "磁盘\u{FFFD}")
    }

    // MARK: - Numbers

    @Test(arguments: [
        "0", "-0", "7", "-12", "3.25", "0.20", "-0.5", "1500", "123456789012345", "1234567890123456789", "0.000",
        "12345678901234567890123456789", "3.141592653589793238",
    ])
    func numbersReadAsJSONDecoderReadsThem(_ number: String) throws {
        let text = "[\(number)]"
        let scanned = try #require(Self.scanned(text))
        #expect(scanned == (try JSONValue.parse(Data(text.utf8))))
        guard case .array(let items) = scanned, case .number(let value)? = items.first else {
            Issue.record("not a number: \(scanned)")
            return
        }
        #expect(value == Double(number))
        #expect(value.sign == (number.hasPrefix("-") ? .minus : .plus))
    }

    /// Exponents follow `JSONDecoder`'s own range rules (`1e-400` and `0e5` fail, `-0.0e-400`
    /// passes); leading zeros, bare signs and dots are not numbers at all.
    @Test(arguments: ["1e5", "1E2", "0e5", "1e-400", "-0.0e-400", "01", "1.", ".5", "-", "+1", "1.2.3", "--1"])
    func otherNumbersAreNotGuessed(_ number: String) {
        #expect(Self.isUnsure("[\(number)]"))
    }

    // MARK: - Structure

    @Test(arguments: [
        #"{"a":[{"b":[1,[2,[3,{}]]]},[]],"c":{"d":{"e":null}},"f":true,"g":false}"#,
        #"  { "spaced" : [ 1 , 2 ] , "x" :"y" }  "#,
        "{\n\t\"lines\":\r\n[\"a\",\n\"b\"]\n}",
        "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "null", "\"top\"",
    ])
    func nestingReadsAsJSONDecoderReadsIt(_ text: String) throws {
        let scanned = try #require(Self.scanned(text))
        #expect(scanned == (try JSONValue.parse(Data(text.utf8))))
    }

    @Test func deepNestingIsReadUpToTheLimitAndNotPast() {
        func nested(_ depth: Int) -> String { String(repeating: "[", count: depth) + String(repeating: "]", count: depth) }
        #expect(Self.scanned(nested(JSONScanner.maxDepth)) != nil)
        #expect(Self.isUnsure(nested(JSONScanner.maxDepth + 1)))
    }

    /// `JSONDecoder` takes these (keeping the first of two keys): the tolerant path reads them.
    @Test(arguments: [#"{"a":1,}"#, #"[1,]"#, #"{"a":1,"a":2}"#, #"{"k\u0065y":1}"#, "\u{FEFF}{}"])
    func whatJSONDecoderAloneAcceptsIsLeftToIt(_ text: String) throws {
        #expect(Self.isUnsure(text))
        _ = try JSONValue.parse(Data(text.utf8))
    }

    @Test(arguments: ["{} x", "[1 2]", #"{"a" 1}"#, #"{"a":}"#, "{,}", "[,1]", "tru", "nul", "[1]]"])
    func malformedTextIsNotGuessed(_ text: String) {
        #expect(Self.isUnsure(text))
        #expect((try? JSONValue.parse(Data(text.utf8))) == nil)
    }

    @Test(arguments: ["", "   ", "Failed to power on", "disk attach timed out", "<html>", "配额不足"])
    func plainTextIsToldAtItsFirstByte(_ text: String) {
        switch JSONScanner.document(text) {
        case .notJSON: #expect(!text.utf8.contains(where: { $0 >= 0x80 }), "non-ASCII text is left to JSONDecoder")
        case .unsure: #expect(text.utf8.contains(where: { $0 >= 0x80 }))
        case .value(let value): Issue.record("read \(text.debugDescription) as \(value)")
        }
        #expect((try? JSONValue.parse(Data(text.utf8))) == nil)
    }
}
