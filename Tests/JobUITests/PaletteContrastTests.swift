import Foundation
import JobModel
@testable import JobUI
import Testing

/// Every colour the palette picks reads against the background it is picked for: at least
/// 3:1 (WCAG's floor for large text and symbols), measured on xterm's default colours.
struct PaletteContrastTests {
    /// xterm's defaults: the 8 basic colours, the 6×6×6 cube and the grey ramp.
    static func rgb(_ color: TerminalColor, colors: Int) -> (Double, Double, Double) {
        let basic: [TerminalColor: (Double, Double, Double)] = [
            .black: (0, 0, 0), .red: (205, 0, 0), .green: (0, 205, 0), .yellow: (205, 205, 0),
            .blue: (0, 0, 238), .magenta: (205, 0, 205), .cyan: (0, 205, 205), .white: (229, 229, 229),
        ]
        switch color {
        case .gray: return colors >= 256 ? rgb(.indexed(244), colors: colors) : (127, 127, 127)
        case .indexed(let index) where index >= 232:
            let level = Double(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        case .indexed(let index) where index >= 16:
            let levels: [Double] = [0, 95, 135, 175, 215, 255]
            let n = Int(index) - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        case .indexed(let index): return rgb([.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white][Int(index) % 8], colors: colors)
        default: return basic[color]!
        }
    }

    static func contrast(_ color: TerminalColor, colors: Int, on background: Background) -> Double {
        let (r, g, b) = rgb(color, colors: colors)
        let text = RelativeLuminance.of(red: r / 255, green: g / 255, blue: b / 255)
        return RelativeLuminance.contrast(text, background == .light ? 1 : 0)
    }

    static func styles(_ palette: Palette) -> [(String, Style)] {
        let statuses: [JobStatus?] = [.success, .fail, .running, .initial, .pendingPayment, JobStatus(word: "ROLLBACKING", outcome: .unknown), nil]
        return [("dim", palette.dim), ("title", palette.title), ("warning", palette.warning), ("error", palette.error),
                ("good", palette.good), ("key", palette.key), ("paused", palette.paused), ("reason", palette.reason), ("slow", palette.slow)]
            + statuses.map { ("status \($0?.description ?? "none")", palette.status($0)) }
    }

    @Test(arguments: [(Background.light, 256), (.light, 8), (.dark, 256), (.dark, 8)])
    func everyColourReads(_ background: Background, _ colors: Int) {
        let palette = Palette(capabilities: TerminalCapabilities(colors: colors, unicode: true, background: background))
        for (name, style) in Self.styles(palette) {
            guard let color = style.foreground else { continue }
            // Reverse video (PAUSED) shows the colour as the background of the default text.
            let ratio = Self.contrast(color, colors: colors, on: background)
            #expect(ratio >= 3, "\(name): \(color) at \(String(format: "%.1f", ratio)):1 on \(background)")
        }
    }

    @Test func aLightBackgroundGetsNoYellowAndNoWhite() {
        let palette = Palette(capabilities: TerminalCapabilities(colors: 256, unicode: true, background: .light))
        let used = Self.styles(palette).compactMap(\.1.foreground)
        #expect(!used.contains(.yellow) && !used.contains(.white) && !used.contains(.cyan))
        #expect(palette.status(.running).foreground == .indexed(130))
    }

    @Test func aDarkBackgroundKeepsTheBasicColours() {
        let palette = Palette(capabilities: TerminalCapabilities(colors: 256, unicode: true, background: .dark))
        #expect(palette.status(.running).foreground == .yellow)
        #expect(palette.status(.success).foreground == .green)
    }
}
