import Foundation

/// The state of a job as the API reports it.
///
/// Statuses the documentation does not list are kept verbatim and treated as not finished,
/// so a new server-side state never makes jobwatch stop watching too early.
public enum JobStatus: Sendable, Hashable {
    case initial
    case running
    case success
    case fail
    case pendingPayment
    /// Any other value, exactly as received (may be empty when the field was missing).
    case other(String)

    public init(raw: String) {
        switch raw.trimmingCharacters(in: .whitespaces).uppercased() {
        case "INIT": self = .initial
        case "RUNNING": self = .running
        case "SUCCESS": self = .success
        case "FAIL": self = .fail
        case "PENDING_PAYMENT": self = .pendingPayment
        default: self = .other(raw)
        }
    }

    /// The string the API uses for this status.
    public var rawValue: String {
        switch self {
        case .initial: "INIT"
        case .running: "RUNNING"
        case .success: "SUCCESS"
        case .fail: "FAIL"
        case .pendingPayment: "PENDING_PAYMENT"
        case .other(let raw): raw
        }
    }

    /// SUCCESS and FAIL never change again: such a job is never requested again.
    public var isTerminal: Bool {
        self == .success || self == .fail
    }
}

extension JobStatus: CustomStringConvertible {
    public var description: String { rawValue.isEmpty ? "UNKNOWN" : rawValue }
}

extension JobStatus: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(raw: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
