import JobModel
import JobAPI
import JobEngine

extension Session {
    /// Runs `body` with an HTTP client. The client and the demo's simulator are shut down
    /// whatever happens: AsyncHTTPClient must be shut down before it goes away.
    public func withClient<T>(_ body: (JobClient) async throws -> T) async throws -> T {
        let client = makeClient()
        let result: Result<T, any Error>
        do {
            result = .success(try await body(client))
        } catch {
            result = .failure(error)
        }
        await client.shutdown()
        await shutdown()
        return try result.get()
    }

    /// An engine over this session's profiles, already watching its jobs.
    ///
    /// - Parameters:
    ///   - state: where the state is kept and shared, with what the engine starts from.
    ///   - requireJobs: `get` and `wait` need at least one job to do anything.
    public func makeEngine(client: JobClient, state: OpenedState? = nil, requireJobs: Bool) async throws -> Engine {
        if requireJobs, entries.isEmpty {
            throw UsageError("no job IDs — give them as arguments, with - on standard input, or in the config's jobs")
        }
        let lookups = settings.names ? ResourceLookupClient(client: client) : nil
        let engine = Engine(
            profiles: profiles, client: client, lookups: lookups, settings: settings, state: state?.database, stateRole: state?.role ?? .ownJobs,
            restored: state?.restored, stateProblem: state?.problem, stateCursor: state?.cursor ?? .init(), logger: logger
        )
        try await engine.add(entries)
        return engine
    }
}
