import Crypto
import Foundation
import Testing
@testable import JobAPI

/// The signer's byte-level shortcuts give what the Unicode-aware calls they replace give.
struct SignerShortcutTests {
    @Test(arguments: [
        "plain", " lead", "trail ", "\ttab\t", "\u{A0}no-break\u{A0}", "\u{3000}ideographic", "é-edge", "end-é",
        "line\n", "", " ", "inner space kept",
    ])
    func trimmingMatchesFoundation(_ value: String) {
        #expect(Signer.trimmed(value) == value.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: ["GET", "get", "Post", "dElEtE", "ünicode"])
    func methodsAreUpperCasedAsFoundationDoes(_ method: String) {
        #expect(ASCIIName.uppercased(method) == method.uppercased())
    }

    @Test(arguments: [
        ("application/json", true), ("Application/JSON;charset=UTF-8", true), ("application/jso", false),
        ("text/plain", false), ("", false), ("APPLICATION/JSONé", true), ("\u{212A}", false),
    ])
    func contentTypePrefixIgnoresCase(_ contentType: String, _ isJSON: Bool) {
        #expect(ASCIIName.hasPrefix(contentType, lowercased: "application/json") == isJSON)
        #expect(contentType.lowercased().hasPrefix("application/json") == isJSON)
    }

    @Test func hexIsLowerCaseTwoDigitsPerByte() {
        #expect(Signer.hex([0x00, 0x0F, 0xA0, 0xFF] as [UInt8]) == "000fa0ff")
        #expect(Signer.hex(SHA256.hash(data: [UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
