import Foundation
import JobModel
import JobAPI

/// How much sooner or later than the base interval a job is asked again.
///
/// A poll is worth making when an answer is likely to differ: soon after INIT, when a running
/// job (or one of a batch's sub-jobs) nears the duration such jobs usually take, and rarely
/// when it is far past it or keeps answering the same. Each step is a factor on the interval.
enum PollPace {
    /// Where a job's unfinished parts stand against their typical duration.
    enum Phase: Equatable {
        /// Nothing known to compare with.
        case unknown
        /// Everything well before its typical end: no change expected yet.
        case early
        /// Something is near its typical end: a change is due.
        case due
        /// Everything is far past its typical end (the least overdue part's multiple).
        case overdue(Double)
        case midway
    }

    /// - Parameters:
    ///   - fractions: elapsed ÷ typical duration of each unfinished part.
    ///   - starting: a part is still in INIT, which it leaves soon.
    static func phase(of fractions: [Double], starting: Bool = false) -> Phase {
        if starting { return .due }
        guard !fractions.isEmpty else { return .unknown }
        if fractions.contains(where: { $0 >= 0.75 && $0 <= 1.5 }) { return .due }
        if fractions.allSatisfy({ $0 < 0.4 }) { return .early }
        if let least = fractions.min(), least > 1.5 { return .overdue(least) }
        return .midway
    }

    /// The factor on the base interval.
    /// - Parameter unchanged: answers in a row that were the same as the one before.
    static func factor(status: JobStatus, phase: Phase, unchanged: Int) -> Double {
        let hurry: Double
        switch (status, phase) {
        case (.initial, _): hurry = 0.5
        case (.running, .due): hurry = 0.95
        case (.running, .early): hurry = 2
        case (.running, .midway): hurry = 1.5
        case (.running, .overdue(let multiple)): hurry = min(6, multiple)
        default: hurry = 1
        }
        // Patience: the same answer again and again is asked for less and less often — but
        // not while a change is due, when the next answer is the likely one to differ. Jobs
        // far overdue or in a state no document lists are the ones that sit still for hours.
        let settled: Bool
        switch (status, phase) {
        case (.other, _), (.pendingPayment, _), (_, .overdue): settled = true
        default: settled = false
        }
        let patience = phase == .due || status == .initial ? 1 : min(settled ? 30 : 3, Double(1 << min(max(0, unchanged - 2), 10)))
        return hurry * patience
    }

    /// No job waits longer than this between polls, however patient the engine is.
    static let longest: Duration = .seconds(300)
}

