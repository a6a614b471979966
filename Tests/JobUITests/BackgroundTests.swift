import JobUI
import Testing

/// What the terminal says of its background: `COLORFGBG` and the answer to OSC 11.
struct BackgroundTests {
    @Test(arguments: [("15;0", Background.dark), ("0;15", .light), ("default;7", .light), ("7;8", .dark), ("0;default;15", .light), ("12;4", .dark)])
    func colorFGBG(_ text: String, _ expected: Background) {
        #expect(Background(colorFGBG: text) == expected)
    }

    @Test(arguments: ["", "light", "0;300", ";"])
    func unreadableColorFGBG(_ text: String) {
        #expect(Background(colorFGBG: text) == nil)
    }

    @Test(arguments: [
        ("\u{1B}]11;rgb:ffff/ffff/ffff\u{07}", Background.light),
        ("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\", .dark),
        ("\u{1B}]11;rgb:fd/f6/e3\u{07}\u{1B}[?62;22c", .light),  // Solarized light, with DA1 after it
        ("\u{1B}]11;rgb:2828/2c2c/3434\u{07}", .dark),
        ("\u{1B}]11;rgb:8080/8080/8080\u{07}", .dark),  // mid grey is 0.22 in luminance
    ])
    func osc11(_ reply: String, _ expected: Background) {
        #expect(Background(osc11Reply: reply) == expected)
    }

    @Test(arguments: ["\u{1B}[?62;22c", "\u{1B}]11;rgb:ffff/ffff\u{07}", "\u{1B}]11;rgb:fffff/0/0\u{07}", "\u{1B}]11;?\u{07}"])
    func noAnswer(_ reply: String) {
        #expect(Background(osc11Reply: reply) == nil)
    }
}
