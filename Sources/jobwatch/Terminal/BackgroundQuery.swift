import Foundation
import JobUI
import JobSession

/// Which background the dashboard draws for: `ui.theme` when it says; else `COLORFGBG`; else
/// the terminal's answer to OSC 11, asked on the tty before curses starts, followed by a DA1
/// query that every terminal answers, so one that ignores OSC 11 costs no wait; else dark.
enum BackgroundQuery {
    /// The longest wait for the answers (a terminal over a slow SSH link).
    static let patience: Duration = .milliseconds(250)

    static func background(theme: JobwatchConfig.UISettings.ThemeChoice, colorFGBG: String?) -> Background {
        switch theme {
        case .dark: return .dark
        case .light: return .light
        case .auto: break
        }
        if let colorFGBG, let background = Background(colorFGBG: colorFGBG) { return background }
        return askTerminal().flatMap(Background.init(osc11Reply:)) ?? .dark
    }

    /// What the terminal answered to OSC 11 and DA1, or `nil` when it cannot be asked.
    private static func askTerminal() -> String? {
        let tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        var saved = termios()
        guard tcgetattr(tty, &saved) == 0 else { return nil }
        // No echo, no line buffering: the answers are read as they come and never shown.
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(tty, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(tty, TCSANOW, &saved) }

        let query = Array("\u{1B}]11;?\u{1B}\\\u{1B}[c".utf8)
        guard write(tty, query, query.count) == query.count else { return nil }
        var reply: [UInt8] = []
        let deadline = ContinuousClock.now + patience
        while !DeviceAttributes.answered(in: reply) {
            let left = deadline - .now
            guard left > .zero else { break }
            var ready = pollfd(fd: tty, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Int32(max(1, left.seconds * 1000))) > 0 else { break }
            var buffer = [UInt8](repeating: 0, count: 256)
            let count = read(tty, &buffer, buffer.count)
            guard count > 0 else { break }
            reply += buffer[..<count]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}

/// The answer to DA1 (`ESC [ ? … c`): once it is in, nothing more is coming.
enum DeviceAttributes {
    static func answered(in bytes: [UInt8]) -> Bool {
        guard let start = bytes.indices.first(where: { bytes[$0] == 0x1B && $0 + 2 < bytes.count && bytes[$0 + 1] == 0x5B && bytes[$0 + 2] == 0x3F }) else {
            return false
        }
        return bytes[(start + 3)...].contains(0x63)  // "c"
    }
}
