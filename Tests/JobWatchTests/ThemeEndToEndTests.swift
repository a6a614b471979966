import Foundation
import Testing

/// On a light background (`COLORFGBG`, or `ui.theme`) the dashboard draws in the darker shades
/// of the 256-colour palette: RUNNING in 130 (#af5f00), never xterm's yellow, which reads at
/// 1.5:1 on white. tmux passes the SGR codes through: `capture-pane -e` shows them.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct ThemeEndToEndTests {
    static let lightRunning = "38;5;130"
    static let basicYellow = "[33m"

    @Test func colorFGBGSaysTheBackgroundIsLight() async throws {
        try await DashboardSession.with(environment: ["COLORFGBG": "0;15"]) { dashboard in
            try await dashboard.waitForDashboard()
            let screen = try await dashboard.tmux.screenWithAttributes()
            #expect(screen.contains(Self.lightRunning), "\(screen)")
            #expect(!screen.contains(Self.basicYellow), "\(screen)")
        }
    }

    @Test func uiThemeWinsOverTheEnvironment() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let config = scratch.file("light.json")
        try Data(#"{"ui": {"theme": "light"}}"#.utf8).write(to: URL(fileURLWithPath: config))
        try await DashboardSession.with(arguments: ["--speed", "10", "--config", config], environment: ["COLORFGBG": "15;0"]) { dashboard in
            try await dashboard.waitForDashboard()
            #expect(try await dashboard.tmux.screenWithAttributes().contains(Self.lightRunning))
        }
    }

    @Test func aDarkBackgroundKeepsTheBasicColours() async throws {
        try await DashboardSession.with(environment: ["COLORFGBG": "15;0"]) { dashboard in
            try await dashboard.waitForDashboard()
            let screen = try await dashboard.tmux.screenWithAttributes()
            #expect(screen.contains(Self.basicYellow), "\(screen)")
            #expect(!screen.contains(Self.lightRunning), "\(screen)")
        }
    }
}
