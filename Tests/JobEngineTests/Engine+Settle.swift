import JobEngine

extension Engine {
    /// Waits until nothing more happens at this virtual instant (`isSettled`): every request
    /// due now went out and came back, and the timer is armed for later. Real HTTP needs real
    /// time, so after a few yields it sleeps a little. `limit` only bounds a request that never
    /// comes back; it is generous, as a loaded machine can take seconds for one loopback request.
    func settle(limit: Duration = .seconds(20)) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        var spins = 0
        while !isSettled, clock.now < deadline {
            spins += 1
            if spins < 200 {
                await Task.yield()
            } else {
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
    }
}
