/// C0 controls, DEL and C1 controls: what a terminal may act on instead of showing. One
/// definition for everything that keeps text from the outside off the terminal raw.
public enum ControlCharacters {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
