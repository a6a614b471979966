import JobModel

/// The simulator's draws: IDs and durations like the real API's.
extension SeededRandom {

    /// 32 lowercase hex characters, like the job IDs of the real API.
    mutating func jobID() -> String {
        hex(next()) + hex(next())
    }

    /// A lowercase UUID, like server and volume IDs.
    mutating func uuid() -> String {
        let h = jobID()
        let c = Array(h)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }

    /// A value in `range`, uniformly.
    mutating func seconds(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &self).rounded()
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
