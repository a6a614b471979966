import JobModel

extension Engine {
    /// Sends the snapshot now to every subscriber.
    func publishNow() {
        pacing.sent(at: clock.elapsed)
        guard !snapshotSubscribers.isEmpty else { return }
        let snapshot = makeSnapshot()
        for continuation in snapshotSubscribers.values { continuation.yield(snapshot) }
    }

    /// A snapshot goes out at `deadline`, with every change until then.
    func owePublish(at deadline: Duration) {
        guard pacing.owedAt == nil else { return }
        pacing.owedAt = deadline
        let clock = self.clock
        // A deadline fixed now, as the schedule's timer: a task that starts late is not late.
        pacing.timer = Task { [weak self] in
            do {
                try await clock.sleep(untilElapsed: deadline)
                await self?.owedPublishDue(deadline)
            } catch {}
        }
    }

    private func owedPublishDue(_ deadline: Duration) {
        guard pacing.owedAt == deadline else { return }
        publishNow()
    }
}
