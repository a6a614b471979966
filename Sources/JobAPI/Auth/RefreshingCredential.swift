import Foundation
import JobModel

/// Temporary credentials kept fresh: renewed in the background once most of their life has
/// passed, while the old ones (still valid) keep signing, so polling never waits or stops.
/// Times are the caller's `now` (the engine's clock), so virtual-time tests drive it.
public actor RefreshingCredential {
    private let fetcher: any TemporaryCredentialFetching
    public nonisolated let identity: String
    private var held: TemporaryCredential?
    private var heldSince: Date?
    private var refreshing: Task<Result<TemporaryCredential, APIError>, Never>?
    /// After a failed background renewal, the next try waits this long (the old one still works).
    private var quietUntil: Date?
    static let retryPause: TimeInterval = 5
    /// Renewals done, for tests and logs.
    public private(set) var renewals = 0

    public init(fetcher: any TemporaryCredentialFetching) {
        self.fetcher = fetcher
        self.identity = fetcher.identity
    }

    /// The credential to sign with at `now`: the held one while valid, else a new one.
    public func current(now: Date) async throws(APIError) -> Credential {
        if let held, now < held.expiresAt {
            if now >= renewalTime(of: held), refreshing == nil, quietUntil.map({ now >= $0 }) ?? true {
                _ = startRenewal(at: now)
            }
            return .accessKey(held.key)
        }
        let task = refreshing ?? startRenewal(at: now)
        switch await task.value {
        case .success(let credential): return .accessKey(credential.key)
        case .failure(let error): throw error
        }
    }

    /// A third of the lifetime before expiry, at most 5 minutes: a 60 s credential renews
    /// after 40 s, a day-long one 5 minutes before its end.
    private func renewalTime(of credential: TemporaryCredential) -> Date {
        let lifetime = credential.expiresAt.timeIntervalSince(heldSince ?? credential.expiresAt)
        return credential.expiresAt.addingTimeInterval(-min(300, max(0, lifetime) / 3))
    }

    private func startRenewal(at now: Date) -> Task<Result<TemporaryCredential, APIError>, Never> {
        let fetcher = self.fetcher
        let task = Task { () -> Result<TemporaryCredential, APIError> in
            let result: Result<TemporaryCredential, APIError>
            do throws(APIError) {
                result = .success(try await fetcher.fetchTemporary())
            } catch {
                result = .failure(error)
            }
            self.settle(result, at: now)
            return result
        }
        refreshing = task
        return task
    }

    private func settle(_ result: Result<TemporaryCredential, APIError>, at now: Date) {
        refreshing = nil
        switch result {
        case .success(let credential):
            held = credential
            heldSince = now
            quietUntil = nil
            renewals += 1
        case .failure:
            quietUntil = now.addingTimeInterval(Self.retryPause)
        }
    }
}

extension RefreshingCredential: Hashable {
    public static func == (a: RefreshingCredential, b: RefreshingCredential) -> Bool { a === b }
    public nonisolated func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
