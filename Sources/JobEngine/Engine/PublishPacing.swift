/// When snapshots go out: at once after a quiet spell, else at most one per `spacing`, the
/// changes in between gathered into the one owed. A burst of answers costs one snapshot, and
/// a watch of thousands of jobs is not copied out per answer.
struct PublishPacing: Sendable {
    static let spacing: Duration = .milliseconds(200)

    /// When the last snapshot went out.
    var lastAt: Duration?
    /// A snapshot is owed at this time, its timer armed.
    var owedAt: Duration?
    var timer: Task<Void, Never>?

    /// When a snapshot asked for at `now` may go: `nil` at once.
    func slot(at now: Duration) -> Duration? {
        guard let lastAt, now < lastAt + Self.spacing else { return nil }
        return lastAt + Self.spacing
    }

    /// Nothing owed at `now` or before: a test on virtual time may move on.
    func isSettled(at now: Duration) -> Bool {
        owedAt.map { $0 > now } ?? true
    }

    mutating func sent(at now: Duration) {
        timer?.cancel()
        timer = nil
        owedAt = nil
        lastAt = now
    }
}
