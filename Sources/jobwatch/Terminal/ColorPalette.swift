import JobModel
import CNcursesw
import JobUI

/// Turns a `Style` into curses attributes and a colour pair, allocating pairs as styles appear.
@CursesActor
struct ColorPalette {
    /// 0 (no colour calls at all), 8 or 256, as reported in `TerminalCapabilities`.
    let colors: Int
    /// `use_default_colors()` worked: `nil` colours are the terminal's own (-1).
    let defaultColors: Bool
    /// The terminal has at least 16 colours: colour 8 is "bright black", a grey.
    let hasBrightColors: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    /// No colours: attributes only.
    init() {
        colors = 0
        defaultColors = false
        hasBrightColors = false
    }

    /// Starts curses colour; call once after `newterm`, only when colour is wanted.
    static func start() -> ColorPalette? {
        guard has_colors(), start_color() == jw_ok() else { return nil }
        return ColorPalette(terminalColors: Int(jw_colors()), defaultColors: use_default_colors() == jw_ok())
    }

    private init(terminalColors: Int, defaultColors: Bool) {
        colors = terminalColors >= 256 ? 256 : 8
        self.defaultColors = defaultColors
        hasBrightColors = terminalColors >= 16
    }

    mutating func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = jw_a_normal()
        if style.bold { attributes |= jw_a_bold() }
        if style.dim { attributes |= jw_a_dim() }
        if style.reverse { attributes |= jw_a_reverse() }
        if style.underline { attributes |= jw_a_underline() }
        guard colors > 0, style.foreground != nil || style.background != nil else {
            return (attributes, 0)
        }
        // Without a grey, gray text is dim white (most terminals show that as grey).
        if style.foreground == .gray, colors < 256, !hasBrightColors { attributes |= jw_a_dim() }
        let key = PairKey(
            foreground: number(style.foreground, defaultColor: defaultColors ? -1 : Int16(COLOR_WHITE)),
            background: number(style.background, defaultColor: defaultColors ? -1 : Int16(COLOR_BLACK))
        )
        return (attributes, pair(for: key))
    }

    private mutating func pair(for key: PairKey) -> Int16 {
        if let pair = pairs[key] { return pair }
        // Out of pairs (or of what a short holds): the default colours are better than a crash.
        guard nextPair < min(jw_color_pairs(), Int32(Int16.max)) else { return 0 }
        let pair = Int16(nextPair)
        guard init_pair(pair, key.foreground, key.background) == jw_ok() else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    private func number(_ color: TerminalColor?, defaultColor: Int16) -> Int16 {
        switch color {
        case nil: defaultColor
        case .black?: Int16(COLOR_BLACK)
        case .red?: Int16(COLOR_RED)
        case .green?: Int16(COLOR_GREEN)
        case .yellow?: Int16(COLOR_YELLOW)
        case .blue?: Int16(COLOR_BLUE)
        case .magenta?: Int16(COLOR_MAGENTA)
        case .cyan?: Int16(COLOR_CYAN)
        case .white?: Int16(COLOR_WHITE)
        case .gray?: colors >= 256 ? 244 : hasBrightColors ? 8 : Int16(COLOR_WHITE)
        // The palette asks for these only with 256 colours.
        case .indexed(let index)?: colors >= 256 ? Int16(index) : defaultColor
        }
    }
}
