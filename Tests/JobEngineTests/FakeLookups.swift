import Foundation
import Synchronization
import JobModel
import JobAPI
import JobEngine

/// A job source with no network: every job is a RUNNING batch of `servers` ECS sub-jobs, and
/// each read is recorded with the engine time it was made at.
final class FakeJobs: JobFetching {
    let clock: EngineClock
    let servers: Int
    let polls = Mutex<[(String, Duration)]>([])

    init(clock: EngineClock, servers: Int) {
        self.clock = clock
        self.servers = servers
    }

    static func serverID(_ job: String, _ index: Int) -> String { "srv-\(job.suffix(6))-\(index)" }

    func fetch(_ target: JobTarget, credential: Credential, now: Date) async throws(APIError) -> FetchedJob {
        polls.withLock { $0.append((target.jobID, clock.elapsed)) }
        let subs = (0..<servers).map { index in
            Job(id: "\(target.jobID)-\(index)", type: "createSingleServer", status: .running, beginTime: now,
                entities: JobEntities(attributes: [EntityAttribute(key: "server_id", value: Self.serverID(target.jobID, index))]))
        }
        return FetchedJob(job: Job(id: target.jobID, type: "createServer", status: .running, beginTime: now, entities: JobEntities(subJobs: subs)))
    }

    var pollTimes: [String] { polls.withLock { $0.map { "\($0.0)@\($0.1)" } } }
}

/// Names for every ID, each found only from its `findAfter`-th ask (0: at once); or a 403.
final class FakeLookups: ResourceLooking {
    let findAfter: Int
    let forbidden: Bool
    let calls = Mutex<[(ids: [String], at: Duration)]>([])
    private let asked = Mutex<[String: Int]>([:])
    let clock: EngineClock

    init(clock: EngineClock, findAfter: Int = 0, forbidden: Bool = false) {
        self.clock = clock
        self.findAfter = findAfter
        self.forbidden = forbidden
    }

    func lookUp(_ ids: [String], at target: LookupTarget, credential: Credential, now: Date) async throws(APIError) -> ResourceLookup {
        calls.withLock { $0.append((ids, clock.elapsed)) }
        if forbidden { throw APIError(kind: .http, httpStatus: 403, code: "APIGW.0302", message: "not allowed") }
        var found: [String: Resource] = [:]
        for id in ids {
            let count = asked.withLock { asked -> Int in
                asked[id, default: 0] += 1
                return asked[id]!
            }
            if count > findAfter { found[id] = Resource(kind: .server, id: id, name: "name-\(id)", status: "ACTIVE", fixedAddress: "192.0.2.1") }
        }
        return ResourceLookup(resources: found, requests: 1)
    }

    var askedIDs: [String] { calls.withLock { $0.flatMap(\.ids) } }
}
