import Foundation
import JobModel

/// The top lines: who and what is watched, progress, and the engine's health.
enum HeaderView {
    static func rows(_ context: RenderContext, width: Int, count: Int) -> [Row] {
        let first = summaryLine(context, width: width)
        guard count >= 3 else {
            var progress = progressLine(context, width: width)
            healthParts(context, into: &progress)
            return [first, progress.row()]
        }
        var progress = progressLine(context, width: width)
        progressTail(context, into: &progress)
        var health = LineBuilder(width: width)
        healthParts(context, into: &health)
        return [first, progress.row(), health.row()]
    }

    /// `PAUSED jobwatch prod · jobs 3: ✔1 ✖1 ▶1  sub-jobs 20: ✔12 ✖2 ▶6`
    private static func summaryLine(_ context: RenderContext, width: Int) -> Row {
        let palette = context.palette
        var line = LineBuilder(width: width)
        // First, so that no width can cut it off.
        if context.state.isPaused { line.add(" PAUSED ", palette.paused); line.add(" ") }
        line.add("jobwatch", palette.title)
        let where_ = context.state.context.isEmpty ? profiles(context.snapshot) : context.state.context
        if !where_.isEmpty { line.add(" " + where_, palette.bold) }
        line.add("  jobs \(context.snapshot.jobCounts.total):")
        counts(context.snapshot.jobCounts, context, into: &line)
        line.add("  sub-jobs \(context.snapshot.subJobCounts.total):")
        counts(context.snapshot.subJobCounts, context, into: &line)
        return line.row()
    }

    private static func counts(_ counts: StatusCounts, _ context: RenderContext, into line: inout LineBuilder) {
        let palette = context.palette
        let unicode = context.unicode
        line.add(" " + StatusLook.symbol(.success, unicode: unicode) + "\(counts.success)", palette.status(.success))
        line.add(" " + StatusLook.symbol(.fail, unicode: unicode) + "\(counts.fail)", palette.status(.fail))
        line.add(" " + StatusLook.symbol(.running, unicode: unicode) + "\(counts.running)", palette.status(.running))
        line.add(" " + StatusLook.symbol(.initial, unicode: unicode) + "\(counts.initial)", palette.status(.initial))
        if counts.other > 0 { line.add(" ?\(counts.other)", palette.status(nil)) }
    }

    private static func profiles(_ snapshot: Snapshot) -> String {
        var seen: [String] = []
        for job in snapshot.jobs where !seen.contains(job.entry.profile) {
            seen.append(job.entry.profile)
            if seen.count > 2 { break }
        }
        return seen.count > 2 ? "\(seen[0]) +\(seen.count - 1)" : seen.joined(separator: ",")
    }

    /// `[██████░░░░] 14/20 70%`
    private static func progressLine(_ context: RenderContext, width: Int) -> LineBuilder {
        let snapshot = context.snapshot
        var line = LineBuilder(width: width)
        let barWidth = max(4, min(30, width / 5))
        let filled = Int((snapshot.progress * Double(barWidth)).rounded(.down))
        line.add("[")
        line.add(String(repeating: context.unicode ? "█" : "#", count: filled), context.palette.good)
        line.add(String(repeating: context.unicode ? "░" : "-", count: barWidth - filled), context.palette.dim)
        line.add("] \(snapshot.subJobCounts.finished)/\(snapshot.subJobCounts.total) \(Int((snapshot.progress * 100).rounded(.down)))%")
        if !snapshot.isAllDone {
            if let eta = snapshot.eta { line.add("  ETA \(ClockText.duration(eta))") }
            // Past their typical duration: no estimate, said so rather than "ETA 0s".
            if snapshot.overdue > 0 {
                line.add("\(snapshot.eta == nil ? "  ETA ?" : ""), \(snapshot.overdue) overdue", context.palette.warning)
            }
        }
        return line
    }

    /// Filter, search and time zone, when not the defaults.
    private static func progressTail(_ context: RenderContext, into line: inout LineBuilder) {
        let state = context.state
        if state.filter != .all { line.add("  filter: \(state.filter.name)", context.palette.warning) }
        if !state.search.isEmpty { line.add("  search: \(state.search)", context.palette.bold) }
        line.add(state.utc ? "  times UTC" : "  times local", context.palette.dim)
    }

    /// `poll 2s ago · budget 12/30 per min · throttled 40s · host: error · clock 6m ahead`
    private static func healthParts(_ context: RenderContext, into line: inout LineBuilder) {
        let snapshot = context.snapshot
        let palette = context.palette
        func part(_ text: String, _ style: Style) {
            if line.used > 0 { line.add(context.separator, palette.dim) }
            line.add(text, style)
        }
        if let problem = snapshot.stateSaveProblem {
            part("state not saved: \(problem)", palette.error)
        }
        if !snapshot.nameNotices.isEmpty {
            part("names off (HTTP 403): IDs shown", palette.warning)
        }
        if context.snapshot.clockSkewWarning, let skew = snapshot.clockSkew {
            let direction = skew > 0 ? "ahead of" : "behind"
            part("clock \(ClockText.duration(abs(skew))) \(direction) server", palette.warning)
        }
        if let lastPoll = snapshot.lastPollAt {
            part("poll \(ClockText.age(context.now.timeIntervalSince(lastPoll))) ago", palette.plain)
        } else {
            part("no poll yet", palette.dim)
        }
        if let until = snapshot.throttledUntil, until > context.now {
            var text = "throttled until \(ClockText.clock(until, context.zone))"
            if let asked = snapshot.throttleAskedFor, asked > until.timeIntervalSince(context.now) + 1 {
                text += " (the server asked for \(ClockText.duration(asked)))"
            }
            part(text, palette.warning)
        }
        for budget in snapshot.budgets {
            if let stopped = budget.stoppedReason {
                part("\(budget.credential) stopped: \(stopped)", palette.error)
            } else {
                part("budget \(budget.used(at: context.now))/\(Int(budget.limitPerMinute)) per min", palette.plain)
            }
        }
        for host in snapshot.endpointErrors.keys.sorted() {
            part("\(host): \(snapshot.endpointErrors[host]!.message)", palette.error)
        }
    }
}
