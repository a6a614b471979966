import Foundation
import JobModel
import SQLiteNIO
import Algorithms

/// One poller per budget key (a credential at an endpoint) among every process on the
/// database: it holds a lease it renews, polls what every live process wants, and writes the
/// answers; the others read them. A process that dies (SIGKILL included) stops renewing, and
/// another takes its lease over once it has expired.
extension StateDatabase {
    /// A job a process wants answered, and the budget that pays for it.
    public struct Want: Sendable, Hashable {
        public var key: JobKey
        public var profile: String
        public var budget: String

        public init(key: JobKey, profile: String, budget: String) {
            self.key = key
            self.profile = profile
            self.budget = budget
        }
    }

    public struct LeaseRound: Sendable {
        /// The budgets this process polls until the next round.
        public var held: Set<String>
        /// What other live processes want of those budgets.
        public var othersWant: [Want]
        /// Who polls each of the other budgets asked for: its process ID.
        public var pollers: [String: Int] = [:]
        /// This process's wants that their budget's poller cannot answer.
        public var refused: Set<JobKey> = []
        /// Jobs of the budgets this process polls that another window asked to be read now.
        public var refreshes: Set<JobKey> = []
    }

    /// A process is alive while it says so at least this often.
    public static let processTimeout: TimeInterval = 10

    /// Says this process is alive, updates what it wants, renews or takes the leases of
    /// `budgets` (an expired one is taken over), gives up the others it held. One transaction.
    /// - Parameter refusing: other processes' wants of the budgets this one polls that it has
    ///   no profile for: they are told, and poll those budgets themselves.
    /// - Parameter refreshing: this process's wants to be read now (`r`), by their poller.
    public func leaseRound(
        holder: String, pid: Int32, now: Date, budgets: Set<String>, wanted: [Want], unwanted: [JobKey], refusing: [Want] = [],
        refreshing: [JobKey] = [], leaseFor duration: TimeInterval
    ) async throws(StateProblem) -> LeaseRound {
        try await exclusive { () async throws(StateProblem) in
            try await leasing(
                holder: holder, pid: pid, now: now, budgets: budgets, wanted: wanted, unwanted: unwanted, refusing: refusing,
                refreshing: refreshing, leaseFor: duration
            )
        }
    }

    private func leasing(
        holder: String, pid: Int32, now: Date, budgets: Set<String>, wanted: [Want], unwanted: [JobKey], refusing: [Want],
        refreshing: [JobKey], leaseFor duration: TimeInterval
    ) async throws(StateProblem) -> LeaseRound {
        let connection = try await connect()
        let time = now.timeIntervalSince1970
        var round = LeaseRound(held: [], othersWant: [])
        do {
            try await transaction(connection) {
                _ = try await connection.query(
                    "INSERT INTO processes (holder, pid, seen_at) VALUES (?1, ?2, ?3) ON CONFLICT (holder) DO UPDATE SET seen_at = ?3",
                    [.text(holder), .integer(Int(pid)), .float(time)]
                )
                // Gone without a word: their wants go with them (ON DELETE CASCADE).
                _ = try await connection.query("DELETE FROM processes WHERE seen_at < ?1", [.float(time - Self.processTimeout)])
                for key in unwanted {
                    _ = try await connection.query("DELETE FROM wants WHERE holder = ?1 AND key = ?2", [.text(holder), .text(StateCoding.key(key))])
                }
                for chunk in wanted.chunks(ofCount: 200) {
                    let values = Array(repeating: "(?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
                    let binds = chunk.flatMap { want in
                        [SQLiteData.text(holder), .text(StateCoding.key(want.key)), .text(want.profile), .text(want.budget)]
                    }
                    _ = try await connection.query("INSERT OR REPLACE INTO wants (holder, key, profile, budget) VALUES \(values)", binds)
                }
                for want in refusing {
                    _ = try await connection.query(
                        "UPDATE wants SET refused = 1 WHERE key = ?1 AND budget = ?2 AND holder != ?3",
                        [.text(StateCoding.key(want.key)), .text(want.budget), .text(holder)]
                    )
                }
                for key in refreshing {
                    _ = try await connection.query("UPDATE wants SET refresh = 1 WHERE holder = ?1 AND key = ?2", [.text(holder), .text(StateCoding.key(key))])
                }
                for row in try await connection.query("SELECT key FROM wants WHERE holder = ?1 AND refused = 1", [.text(holder)]) {
                    if let key = row.column("key")?.string.flatMap(StateCoding.jobKey) { round.refused.insert(key) }
                }
                for budget in budgets.sorted() {
                    let before = try await connection.query("SELECT holder FROM leases WHERE budget = ?1", [.text(budget)]).first?.column("holder")?.string
                    let rows = try await connection.query(
                        """
                        INSERT INTO leases (budget, holder, pid, expires_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (budget) DO UPDATE SET holder = ?2, pid = ?3, expires_at = ?4
                            WHERE leases.holder = ?2 OR leases.expires_at < ?5
                        RETURNING holder
                        """,
                        [.text(budget), .text(holder), .integer(Int(pid)), .float(time + duration), .float(time)]
                    )
                    if rows.first?.column("holder")?.string == holder {
                        round.held.insert(budget)
                        // A new poller may reach what the last one refused: it says so itself.
                        if before != holder {
                            _ = try await connection.query("UPDATE wants SET refused = 0 WHERE budget = ?1", [.text(budget)])
                        }
                    } else if let pid = try await connection.query("SELECT pid FROM leases WHERE budget = ?1", [.text(budget)]).first?.column("pid")?.integer {
                        round.pollers[budget] = pid
                    }
                }
                let held = try await connection.query("SELECT budget FROM leases WHERE holder = ?1", [.text(holder)])
                for row in held {
                    guard let budget = row.column("budget")?.string, !budgets.contains(budget) else { continue }
                    _ = try await connection.query("DELETE FROM leases WHERE budget = ?1 AND holder = ?2", [.text(budget), .text(holder)])
                }
                for budget in round.held {
                    let rows = try await connection.query(
                        "SELECT key, profile, refresh FROM wants WHERE budget = ?1 AND holder != ?2", [.text(budget), .text(holder)]
                    )
                    for row in rows {
                        guard let keyText = row.column("key")?.string, let key = StateCoding.jobKey(keyText),
                              let profile = row.column("profile")?.string else { continue }
                        round.othersWant.append(Want(key: key, profile: profile, budget: budget))
                        if row.column("refresh")?.integer == 1 { round.refreshes.insert(key) }
                    }
                    if !round.refreshes.isEmpty {
                        _ = try await connection.query("UPDATE wants SET refresh = 0 WHERE budget = ?1 AND refresh = 1", [.text(budget)])
                    }
                }
            }
        } catch {
            throw StateProblem(Self.describe(error, path: path))
        }
        return round
    }

    /// The budgets a live process polls now (its lease has not expired).
    public func polledBudgets(now: Date) async throws(StateProblem) -> Set<String> {
        try await exclusive { () async throws(StateProblem) in
            let connection = try await connect()
            do {
                let rows = try await connection.query("SELECT budget FROM leases WHERE expires_at >= ?1", [.float(now.timeIntervalSince1970)])
                return Set(rows.compactMap { $0.column("budget")?.string })
            } catch {
                throw StateProblem(Self.describe(error, path: path))
            }
        }
    }

    /// The process stops: its leases are free at once and its wants gone.
    public func leave(holder: String) async {
        await exclusive {
            guard let connection else { return }
            await Task {
                _ = try? await connection.query("DELETE FROM leases WHERE holder = ?1", [.text(holder)])
                _ = try? await connection.query("DELETE FROM processes WHERE holder = ?1", [.text(holder)])
            }.value
        }
    }
}
