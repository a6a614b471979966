import Foundation
/// The terminal's background, which decides the palette: colours that read on black vanish
/// on white (xterm's default yellow on white is 1.5:1).
public enum Background: String, Sendable, Hashable, CaseIterable {
    case dark, light

    /// From `COLORFGBG` (`fg;bg`, as rxvt, Konsole and others set it): the last field is the
    /// background's colour number; 7 (white) and 9–15 (the bright ones but 8, bright black) are
    /// light. `nil` when it is missing or unreadable.
    public init?(colorFGBG: String) {
        guard let last = colorFGBG.split(separator: ";").last, let number = Int(last), (0...255).contains(number) else { return nil }
        self = number == 7 || (9...15).contains(number) ? .light : .dark
    }

    /// From a terminal's answer to OSC 11 (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or
    /// ST; each channel 1–4 hex digits): light when its relative luminance is over a half.
    public init?(osc11Reply reply: String) {
        guard let start = reply.range(of: "rgb:") else { return nil }
        let channels = reply[start.upperBound...].prefix { $0.isHexDigit || $0 == "/" }.split(separator: "/")
        guard channels.count == 3 else { return nil }
        var values: [Double] = []
        for channel in channels {
            guard (1...4).contains(channel.count), let value = UInt32(channel, radix: 16) else { return nil }
            values.append(Double(value) / Double((1 << (4 * channel.count)) - 1))
        }
        self = RelativeLuminance.of(red: values[0], green: values[1], blue: values[2]) > 0.5 ? .light : .dark
    }
}

/// WCAG 2's relative luminance of an sRGB colour (channels 0…1), and the contrast of two.
public enum RelativeLuminance {
    public static func of(red: Double, green: Double, blue: Double) -> Double {
        func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// 1 (the same) to 21 (black on white).
    public static func contrast(_ a: Double, _ b: Double) -> Double {
        (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
