import Foundation
import Testing
import JobModel
@testable import JobUI

struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("", 0), ("配额不足", 8), ("ｆｕｌｌ", 8), ("한국어", 6),
        ("e\u{301}", 1), ("👍", 2), ("👨‍👩‍👧", 2), ("🇨🇳", 2), ("❤️", 2), ("✔✖▶○", 4), ("…", 1), ("a\tb", 2),
    ])
    func widths(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func truncatesChineseWithoutBreakingACharacter() {
        let reason = "实例配额不足，请联系管理员"  // 13 wide characters, 26 columns
        for columns in 0...30 {
            let cut = DisplayWidth.truncate(reason, to: columns)
            #expect(DisplayWidth.of(cut) <= columns)
            #expect(cut.unicodeScalars.allSatisfy { $0 == "…" || reason.unicodeScalars.contains($0) })
            if columns >= 26 { #expect(cut == reason) } else if columns > 0 { #expect(cut.hasSuffix("…")) }
        }
        // 6 columns: two characters (4) + ellipsis (1); the third would straddle the limit.
        #expect(DisplayWidth.truncate(reason, to: 6) == "实例…")
        #expect(DisplayWidth.fit("实例配额", to: 6) == "实例… ")
        #expect(DisplayWidth.of(DisplayWidth.fit("实例配额", to: 6)) == 6)
    }

    @Test func asciiTextIsCutWithTheGivenEllipsis() {
        #expect(DisplayWidth.truncate("abcdefgh", to: 5) == "abcd…")
        #expect(DisplayWidth.truncate("abcdefgh", to: 5, ellipsis: "~") == "abcd~")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }
}

/// The generated table against Python's unicodedata (which names its Unicode version), on a
/// sample of code points: wide exactly where East_Asian_Width says W or F.
struct EastAsianWideTableTests {
    @Test func sampleAgreesWithUnicodedata() throws {
        let sample = stride(from: 0, to: 0x40000, by: 7).map { $0 } + [0x1100, 0x115F, 0x3000, 0x4E00, 0x9FFF, 0xAC00, 0xD7A3, 0xFF01, 0xFF60, 0x1F600, 0x1F64F]
        let script = """
        import sys, unicodedata
        print(unicodedata.unidata_version)
        for v in map(int, sys.argv[1:]):
            c = chr(v)
            print(v, "W" if unicodedata.category(c) != "Cn" and unicodedata.east_asian_width(c) in ("W", "F") else ("-" if unicodedata.category(c) == "Cn" else "N"))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + sample.map(String.init)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var lines = text.split(separator: "\n")
        let version = lines.removeFirst()
        #expect(String(version) == EastAsianWide.unicodeVersion, "regenerate the table: scripts/gen-east-asian-width")
        var compared = 0
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = UInt32(parts[0]), parts[1] != "-" else { continue }
            #expect(EastAsianWide.contains(value) == (parts[1] == "W"), "U+\(String(value, radix: 16, uppercase: true))")
            compared += 1
        }
        #expect(compared > 10_000)
    }
}
