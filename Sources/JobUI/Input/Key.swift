import JobModel
/// A key press (or a terminal event) as the driver reads it; the driver maps curses codes to these.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// The terminal changed size: set `ViewState.screen` first, then send this.
    case resize
    /// Control plus a letter, lower case: `.ctrl("c")`.
    case ctrl(Character)
    /// Text the terminal marked as pasted (bracketed paste), verbatim: one event, so nothing in
    /// it runs as a command.
    case paste(String)
}
