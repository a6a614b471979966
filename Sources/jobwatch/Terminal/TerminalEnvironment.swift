import Foundation
import JobModel
import JobSession

/// What the environment says about the terminal, before (and without) asking terminfo.
struct TerminalEnvironment: Sendable, Equatable {
    var term: String?
    var noColor: Bool
    /// Inside tmux (`$TMUX`): plain OSC 52 works there with `set-clipboard on`.
    var insideTmux: Bool
    /// Inside GNU screen (`$STY`): OSC sequences must be wrapped in a DCS passthrough.
    var insideScreen: Bool
    /// `fg;bg` colour numbers, as rxvt, Konsole and others say what the terminal shows.
    var colorFGBG: String?

    init(_ environment: [String: String]) {
        term = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        // https://no-color.org: present with any value, even empty, turns colour off.
        noColor = environment["NO_COLOR"] != nil
        insideTmux = environment["TMUX"].map { !$0.isEmpty } ?? false
        insideScreen = !insideTmux && (environment["STY"].map { !$0.isEmpty } ?? false)
        colorFGBG = environment["COLORFGBG"]
    }

    /// The environment the dashboard sees for `ui.color`: `never` sets `NO_COLOR`; `always`
    /// removes it, since a user's explicit setting overrides `NO_COLOR` (no-color.org); `auto`
    /// leaves it as it is.
    static func applying(_ choice: JobwatchConfig.UISettings.ColorChoice, to environment: [String: String]) -> [String: String] {
        var environment = environment
        switch choice {
        case .never: environment["NO_COLOR"] = "1"
        case .always: environment["NO_COLOR"] = nil
        case .auto: break
        }
        return environment
    }

    /// A full-screen dashboard makes sense: a known terminal type that is not `dumb`.
    var supportsFullScreen: Bool {
        guard let term else { return false }
        return term != "dumb" && term != "unknown"
    }

    /// Terminals that understand xterm's OSC 0/2 (title) and OSC 52 (clipboard). Terminfo has
    /// no reliable flag for either, so this goes by name; the Linux console would print them.
    var speaksXtermOSC: Bool {
        guard let term else { return false }
        let families = ["xterm", "tmux", "screen", "rxvt", "alacritty", "foot", "wezterm", "kitty",
                        "konsole", "gnome", "vte", "iterm", "st-", "contour", "ghostty"]
        return families.contains { term.hasPrefix($0) }
    }
}

extension Terminal {
    /// Whether the dashboard can run here: stdin and stdout are terminals and `TERM` names a real
    /// one. When `false`, the caller streams plain lines instead.
    nonisolated static func isUsable(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        standardStreamsAreTerminals: Bool = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    ) -> Bool {
        standardStreamsAreTerminals && TerminalEnvironment(environment).supportsFullScreen
    }
}
