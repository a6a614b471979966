import JobEngine

extension Engine {
    /// Waits until nothing more happens at this virtual instant (`isSettled`): every request
    /// due now went out and came back, and the timer is armed for later. `limit` only bounds a
    /// request that never comes back; it is generous, as a loaded machine can take seconds for
    /// one loopback request.
    func settle(limit: Duration = .seconds(20)) async {
        await waitInRealTime(atMost: limit) { isSettled }
    }
}
