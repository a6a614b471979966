/// A key press as the driver reads it; the driver maps curses codes to these. Resizes and
/// pastes are messages of their own (`Message.resize`, `Message.paste`).
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab
    /// Control plus a letter, lower case: `.ctrl("c")`.
    case ctrl(Character)
}
