/// Checks `condition` until it holds or `limit` of real time has passed: yields at first,
/// then sleeps a millisecond at a time (real HTTP needs real time to answer). Runs on the
/// caller's actor, so the condition may read its state.
func waitInRealTime(atMost limit: Duration, isolation: isolated (any Actor)? = #isolation, until condition: () -> Bool) async {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: limit)
    var spins = 0
    while !condition(), clock.now < deadline {
        spins += 1
        if spins < 200 {
            await Task.yield()
        } else {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}

/// The same for a condition that must await (a read of the state database), a few
/// milliseconds apart: each check is a query on SQLite's threads.
func waitForRead(atMost limit: Duration, until condition: () async -> Bool) async {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: limit)
    while await !condition(), clock.now < deadline {
        try? await Task.sleep(for: .milliseconds(5))
    }
}
