import JobModel
/// Short IDs, with an ASCII ellipsis when the terminal cannot draw `…`.
enum ShortID {
    static func of(_ id: String, unicode: Bool) -> String {
        guard id.count > 12 else { return id }
        return "\(id.prefix(4))\(unicode ? "…" : "~")\(id.suffix(4))"
    }
}
