import JobModel

extension APIError {
    /// The `limit:N,time:T unit` a 429 message states, as requests per minute.
    public var statedRateLimitPerMinute: Double? {
        guard category == .throttled else { return nil }
        return RateLimitMessage.requestsPerMinute(in: message)
    }
}
