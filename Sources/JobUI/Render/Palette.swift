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

    var plain: Style { .plain }
    var bold: Style { Style(bold: true) }
    /// Secondary text: ages, column separators.
    var dim: Style { Style(foreground: color(.gray), dim: true) }
    /// Header bar and section titles.
    var title: Style { Style(foreground: color(.cyan), bold: true) }
    var warning: Style { Style(foreground: color(.yellow), bold: true) }
    var error: Style { Style(foreground: color(.red), bold: true) }
    var good: Style { Style(foreground: color(.green)) }
    /// Key names in the footer and help.
    var key: Style { Style(foreground: color(.cyan), bold: true) }
    /// The PAUSED marker: reverse so it shows without colour too.
    var paused: Style { Style(foreground: color(.yellow), bold: true, reverse: true) }
    var prompt: Style { Style(bold: true) }

    /// The status symbol and word of a job. Without colour FAIL is bold, INIT dim, so the
    /// symbols stay the distinguishing mark.
    func status(_ status: JobStatus?) -> Style {
        switch status?.outcome {
        case .success?: Style(foreground: color(.green))
        case .fail?: Style(foreground: color(.red), bold: true)
        case .running?: Style(foreground: color(.yellow))
        case .initial?: Style(foreground: color(.cyan), dim: !hasColor)
        case .pendingPayment?: Style(foreground: color(.magenta))
        case .unknown?, nil: Style(foreground: color(.white))
        }
    }

    /// The failure reason text.
    var reason: Style { Style(foreground: color(.red)) }
    /// Rows whose data is not current (stale, purged, not found, auth stopped).
    var staleRow: Style { Style(dim: true) }
    /// The marker of slow jobs.
    var slow: Style { Style(foreground: color(.yellow), bold: true) }
}
