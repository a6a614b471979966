import JobModel

/// Every style the dashboard uses, derived from what the terminal can do. The only place
/// colours are chosen, so `colors == 0` really means no colour anywhere.
struct Palette {
    let capabilities: TerminalCapabilities

    var hasColor: Bool { capabilities.colors > 0 }

    private func color(_ c: TerminalColor) -> TerminalColor? {
        guard hasColor else { return nil }
        if c == .gray, capabilities.colors < 256 { return nil }
        return c
    }

    /// A role's colour for the background. On a light one xterm's yellow, cyan, green and
    /// white read at under 3:1 against white, so darker shades of the 256-colour palette stand
    /// in (each at least 4:1), or, with 8 colours, one that reads (`nil`: the terminal's own
    /// text colour); `Tests/JobUITests/PaletteContrastTests` checks every one.
    private func role(_ dark: TerminalColor, light256: UInt8, light8: TerminalColor?) -> TerminalColor? {
        guard hasColor else { return nil }
        guard capabilities.background == .light else { return color(dark) }
        return capabilities.colors >= 256 ? .indexed(light256) : light8
    }

    private var accent: TerminalColor? { role(.cyan, light256: 25, light8: .blue) }
    private var caution: TerminalColor? { role(.yellow, light256: 130, light8: .magenta) }
    private var danger: TerminalColor? { role(.red, light256: 160, light8: .red) }

    var plain: Style { .plain }
    var bold: Style { Style(bold: true) }
    /// Secondary text: ages, column separators.
    var dim: Style { Style(foreground: role(.gray, light256: 240, light8: nil), dim: true) }
    /// Header bar and section titles.
    var title: Style { Style(foreground: accent, bold: true) }
    var warning: Style { Style(foreground: caution, bold: true) }
    var error: Style { Style(foreground: danger, bold: true) }
    var good: Style { Style(foreground: role(.green, light256: 28, light8: nil)) }
    /// Key names in the footer and help.
    var key: Style { Style(foreground: accent, bold: true) }
    /// The PAUSED marker: reverse so it shows without colour too.
    var paused: Style { Style(foreground: caution, bold: true, reverse: true) }
    var prompt: Style { Style(bold: true) }

    /// The status symbol and word of a job. Without colour FAIL is bold, INIT dim, so the
    /// symbols stay the distinguishing mark.
    func status(_ status: JobStatus?) -> Style {
        switch status?.outcome {
        case .success?: Style(foreground: role(.green, light256: 28, light8: nil))
        case .fail?: Style(foreground: danger, bold: true)
        case .running?: Style(foreground: role(.yellow, light256: 130, light8: .blue))
        case .initial?: Style(foreground: waiting, dim: waiting == nil)
        case .pendingPayment?: Style(foreground: role(.magenta, light256: 90, light8: .magenta))
        // White is no colour on white: the terminal's own text colour there.
        case .unknown?, nil: Style(foreground: capabilities.background == .light ? nil : color(.white))
        }
    }

    /// INIT; dim where it has no colour of its own.
    private var waiting: TerminalColor? { role(.cyan, light256: 31, light8: nil) }

    /// The failure reason text.
    var reason: Style { Style(foreground: danger) }
    /// Rows whose data is not current (stale, purged, not found, auth stopped).
    var staleRow: Style { Style(dim: true) }
    /// The marker of slow jobs.
    var slow: Style { Style(foreground: caution, bold: true) }
}
