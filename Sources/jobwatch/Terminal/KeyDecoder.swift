import JobModel
import CNcursesw
import JobUI

/// Maps what `wget_wch` returns to `Key`s. Pure: the reading itself is in `Terminal+Input`.
enum KeyDecoder {
    /// Key codes given to the bracketed-paste markers with `define_key` (above `KEY_MAX` and
    /// the codes ncurses hands out to terminfo's extended keys; its key table holds 16 bits).
    static let pasteStartCode: Int32 = 0x7E00
    static let pasteEndCode: Int32 = 0x7E01

    /// A curses function key (`wget_wch` returned `KEY_CODE_YES`); `nil` for keys we do not use.
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME, KEY_A1: .home
        case KEY_END, KEY_C1: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_BTAB: .tab
        default: nil
        }
    }

    /// The key a control character stands for; `nil` for those we do not use.
    static func controlKey(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 0x0D, 0x0A: .enter  // nonl(): Enter is \r; \n comes from Ctrl-J and some pastes
        case 0x7F, 0x08: .backspace
        case 0x1B: .escape
        case 0x09: .tab
        case 0x01...0x1A: Unicode.Scalar(scalar.value + 0x60).map { .ctrl(Character($0)) }
        default: nil
        }
    }

    /// Printable text read in one go (typing or a paste): one `.character` per grapheme, so a
    /// letter and the combining accents after it arrive together.
    static func characters(_ scalars: String.UnicodeScalarView) -> [Key] {
        String(scalars).map { .character($0) }
    }
}
