import Foundation
import JobModel
import Synchronization

extension Scenario {
    /// No fixed jobs: any job ID of 32 hex digits is a job, created when it is first asked for,
    /// whose type, length, sub-jobs and outcome follow from the ID alone. Lets a soak test add
    /// thousands of jobs (a jobs file appended in a loop) to one simulator.
    static func soak() -> Scenario {
        Scenario(name: .soak, jobs: [])
    }
}

/// The jobs of the `soak` scenario: each one's plan is a pure function of its ID and of the
/// scenario time it was first asked for (kept here, one number per ID).
final class SyntheticJobs: Sendable {
    private let firstSeen = Mutex<[String: Double]>([:])

    /// 32 hex digits, upper or lower case.
    static func accepts(_ id: String) -> Bool {
        id.utf8.count == 32 && id.allSatisfy(\.isHexDigit)
    }

    /// The job `id` at scenario time `t`; `nil` for IDs of another shape.
    func plan(for id: String, at t: Double) -> JobPlan? {
        guard Self.accepts(id) else { return nil }
        let created = firstSeen.withLock { seen in
            if let known = seen[id] { return known }
            seen[id] = t
            return t
        }
        return Self.plan(for: id, createdAt: created)
    }

    /// Jobs asked for so far.
    var count: Int { firstSeen.withLock { $0.count } }

    /// One job in four is a batch of 2…8 sub-jobs; one sub-job in ten fails (and its batch
    /// with it); single jobs run 1–15 scenario minutes.
    static func plan(for id: String, createdAt: Double) -> JobPlan {
        var random = SeededRandom(seed: seed(of: id))
        let initFor = random.seconds(2...10)
        guard random.next() % 4 == 0 else {
            let fails = random.next() % 10 == 0
            return JobPlan(
                id: id, type: "baremetalAttachVolume", createdAt: createdAt, initFor: initFor,
                runFor: random.seconds(60...900),
                outcome: fails ? .fail(errorCode: "BMS.0219", failReason: "attach volume failed", errorcodeMessage: nil) : .success,
                attributes: [.init("server_id", .string(random.uuid())), .init("volume_id", .string(random.uuid()))]
            )
        }
        let count = Int(2 + random.next() % 7)
        let subJobs = (0..<count).map { index in
            let fails = random.next() % 10 == 0
            return JobPlan(
                id: random.jobID(), type: "baremetalSingleCreate", createdAt: createdAt + initFor,
                initFor: Double(index), runFor: random.seconds(60...900),
                outcome: fails ? .fail(errorCode: nil, failReason: "create server failed", errorcodeMessage: FailureMessages.quota) : .success,
                attributes: [.init("server_id", .string(random.uuid()))]
            )
        }
        return JobPlan.batch(
            id: id, type: "baremetalBatchCreate", createdAt: createdAt, initFor: initFor, subJobs: subJobs,
            failure: .fail(errorCode: nil, failReason: "some sub-jobs failed", errorcodeMessage: nil)
        )
    }

    /// FNV-1a over the lower-cased ID.
    private static func seed(of id: String) -> UInt64 {
        id.lowercased().utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
