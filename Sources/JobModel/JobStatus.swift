import Foundation

/// The state of a job: the word the service sent, verbatim, and what it means.
///
/// Words no service documents are kept and treated as not finished (`Outcome.unknown`), so a
/// new server-side state never makes jobwatch stop watching too early. Two statuses are equal
/// when they mean the same: CCE's `Success` equals BMS's `SUCCESS`.
public struct JobStatus: Sendable {
    /// What a status word means, the same for every service.
    public enum Outcome: String, Sendable, Hashable, CaseIterable, Codable {
        /// Accepted, not started (`INIT`, CCE `Initializing`).
        case initial
        case running
        case success
        case fail
        /// An order not yet paid (ECS/BMS yearly/monthly): not finished, and may sit for days.
        case pendingPayment
        /// A word no service documents, or none at all.
        case unknown

        /// The normalised outcome JSON output carries beside the verbatim word.
        public var jsonName: String {
            switch self {
            case .initial: "waiting"
            case .running: "running"
            case .success: "succeeded"
            case .fail: "failed"
            case .pendingPayment: "awaiting_payment"
            case .unknown: "unknown"
            }
        }
    }

    /// The word as received (may be empty when the field was missing).
    public let word: String
    public let outcome: Outcome

    public init(word: String, outcome: Outcome) {
        self.word = word
        self.outcome = outcome
    }

    /// Reads a word with one service's vocabulary (`Service.statusWords`, upper-cased keys):
    /// a word it does not document is `unknown`, so it is polled on.
    public init(raw: String, words: [String: Outcome]) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        self.init(word: trimmed.isEmpty ? raw : trimmed, outcome: words[trimmed.uppercased()] ?? .unknown)
    }

    /// Reads a word with every service's vocabulary, for a status read back from a file: the
    /// services' words do not collide.
    public init(raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        self.init(word: trimmed.isEmpty ? raw : trimmed, outcome: Service.outcome(ofWord: trimmed))
    }

    public static let initial = JobStatus(word: "INIT", outcome: .initial)
    public static let running = JobStatus(word: "RUNNING", outcome: .running)
    public static let success = JobStatus(word: "SUCCESS", outcome: .success)
    public static let fail = JobStatus(word: "FAIL", outcome: .fail)
    public static let pendingPayment = JobStatus(word: "PENDING_PAYMENT", outcome: .pendingPayment)

    /// A word no service documents.
    public static func other(_ word: String) -> JobStatus { JobStatus(word: word, outcome: .unknown) }

    /// The word the service used for this status.
    public var rawValue: String { word }

    /// Success and failure never change again: such a job is never requested again.
    public var isTerminal: Bool {
        outcome == .success || outcome == .fail
    }
}

extension JobStatus: Hashable {
    public static func == (a: JobStatus, b: JobStatus) -> Bool {
        a.outcome == b.outcome && (a.outcome != .unknown || a.word == b.word)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(outcome)
        if outcome == .unknown { hasher.combine(word) }
    }
}

extension JobStatus: CustomStringConvertible {
    public var description: String { word.isEmpty ? "UNKNOWN" : word }
}

extension JobStatus: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(raw: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(word)
    }
}
