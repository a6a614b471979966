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
