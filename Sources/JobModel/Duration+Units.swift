/// The one conversion of a `Duration` to plain numbers, for every layer.
extension Duration {
    /// Seconds as a floating-point number.
    public var seconds: Double {
        let (whole, atto) = components
        return Double(whole) + Double(atto) / 1e18
    }

    /// Whole nanoseconds: what NIO's `TimeAmount` takes.
    public var nanoseconds: Int64 {
        let (whole, atto) = components
        return whole * 1_000_000_000 + atto / 1_000_000_000
    }
}
