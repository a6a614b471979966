import Foundation
import JobModel

/// The top lines: who and what is watched, progress, and the engine's health. Each is made of
/// `LineField`s: on a narrow terminal whole fields go, the least important first.
enum HeaderView {
    static func rows(_ context: RenderContext, width: Int, count: Int) -> [Row] {
        let summary = line(summaryFields(context), context, width: width)
        guard count >= 3 else {
            // Health joins the progress line.
            return [summary, line(progressFields(context, width: width) + healthFields(context), context, width: width)]
        }
        return [
            summary,
            line(progressFields(context, width: width) + viewFields(context), context, width: width),
            line(healthFields(context), context, width: width),
        ]
    }

    private static func line(_ fields: [LineField], _ context: RenderContext, width: Int) -> Row {
        var line = LineBuilder(width: width)
        line.add(fields: fields, ellipsis: context.ellipsis)
        return line.row()
    }

    /// `PAUSED jobwatch prod · host  jobs 3: ✔1 ✖1 ▶1  sub-jobs 20: ✔12 ✖2 ▶6`. Narrower, the
    /// host goes first, then the jobs' counts (each job has its row below), the program's name
    /// and the profile; the sub-jobs' counts (every server's outcome) stay.
    private static func summaryFields(_ context: RenderContext) -> [LineField] {
        let palette = context.palette
        let space = LineField.Piece(text: " ", style: .plain)
        var fields: [LineField] = []
        if context.state.isPaused { fields.append(LineField(" PAUSED ", palette.paused, priority: .always)) }
        fields.append(LineField("jobwatch", palette.title, priority: .medium, lead: space))
        let where_ = context.state.context.isEmpty ? profiles(context.snapshot) : context.state.context
        if let (profile, separator, host) = split(where_) {
            fields.append(LineField(profile, palette.bold, priority: .high, lead: space))
            fields.append(LineField(host, palette.bold, priority: .least, lead: .init(text: separator, style: palette.bold)))
        } else if !where_.isEmpty {
            fields.append(LineField(where_, palette.bold, priority: .high, lead: space))
        }
        fields.append(LineField(forms: [counts("jobs", context.snapshot.jobCounts, context)], priority: .low))
        fields.append(LineField(forms: [counts("sub-jobs", context.snapshot.subJobCounts, context)], priority: .highest))
        return fields
    }

    /// `prod · bms.cn-north-4.myhuaweicloud.com` as the profile, its separator and the host;
    /// `nil` without a separator.
    private static func split(_ context: String) -> (String, String, String)? {
        for separator in [" · ", " - "] {
            if let range = context.range(of: separator) {
                return (String(context[..<range.lowerBound]), separator, String(context[range.upperBound...]))
            }
        }
        return nil
    }

    /// `jobs 3: ✔1 ✖1 ▶1 ○0`, one field: the label never without its counts.
    private static func counts(_ label: String, _ counts: StatusCounts, _ context: RenderContext) -> [LineField.Piece] {
        let palette = context.palette
        let unicode = context.unicode
        var pieces = [LineField.Piece(text: "\(label) \(counts.total):", style: .plain)]
        for (status, count) in [(JobStatus.success, counts.success), (.fail, counts.fail), (.running, counts.running), (.initial, counts.initial)] {
            pieces.append(.init(text: " " + StatusLook.symbol(status, unicode: unicode) + "\(count)", style: palette.status(status)))
        }
        if counts.other > 0 { pieces.append(.init(text: " ?\(counts.other)", style: palette.status(nil))) }
        return pieces
    }

    private static func profiles(_ snapshot: Snapshot) -> String {
        let seen = snapshot.digest.profiles
        return seen.count > 2 ? "\(seen[0]) +\(seen.count - 1)" : seen.joined(separator: ",")
    }

    /// `[██████░░░░] 14/20 70%  ETA 3m10s, 1 overdue`: the bar and the numbers always.
    private static func progressFields(_ context: RenderContext, width: Int) -> [LineField] {
        let snapshot = context.snapshot
        let barWidth = max(4, min(30, width / 5))
        let filled = Int((snapshot.progress * Double(barWidth)).rounded(.down))
        let progress: [LineField.Piece] = [
            .init(text: "[", style: .plain),
            .init(text: String(repeating: context.unicode ? "█" : "#", count: filled), style: context.palette.good),
            .init(text: String(repeating: context.unicode ? "░" : "-", count: barWidth - filled), style: context.palette.dim),
            .init(text: "] \(snapshot.subJobCounts.finished)/\(snapshot.subJobCounts.total) \(Int((snapshot.progress * 100).rounded(.down)))%", style: .plain),
        ]
        var fields = [LineField(forms: [progress], priority: .always)]
        guard !snapshot.isAllDone else { return fields }
        let overdue = "\(snapshot.overdue) overdue"
        if let eta = snapshot.eta {
            fields.append(LineField("ETA \(ClockText.duration(eta))", priority: .high))
            if snapshot.overdue > 0 {
                fields.append(LineField(overdue, context.palette.warning, priority: .medium, lead: .init(text: ", ", style: context.palette.warning)))
            }
        } else if snapshot.overdue > 0 {
            // Past their typical duration: no estimate, said so rather than "ETA 0s".
            fields.append(LineField("ETA ?, \(overdue)", context.palette.warning, priority: .high))
        }
        return fields
    }

    /// Filter, search and time zone: the filter (it hides rows) before the rest.
    private static func viewFields(_ context: RenderContext) -> [LineField] {
        let state = context.state
        var fields: [LineField] = []
        if state.filter != .all { fields.append(LineField("filter: \(state.filter.name)", context.palette.warning, priority: .highest)) }
        if !state.search.isEmpty { fields.append(LineField("search: \(state.search)", context.palette.bold, priority: .medium, cutTo: 12)) }
        fields.append(LineField(state.utc ? "times UTC" : "times local", context.palette.dim, priority: .least))
        return fields
    }

    /// `poll 2s ago · budget 12/30 per min · throttled 40s · host: error · clock 6m ahead`:
    /// problems first (cut rather than lost), the request budget last.
    private static func healthFields(_ context: RenderContext) -> [LineField] {
        let snapshot = context.snapshot
        let palette = context.palette
        let lead = LineField.Piece(text: context.separator, style: palette.dim)
        // A problem's label and the start of its message say more than nothing.
        let problemCut = 24
        var fields: [LineField] = []
        func part(_ text: String, _ style: Style, _ priority: LineField.Priority, cutTo: Int? = nil) {
            fields.append(LineField(text, style, priority: priority, lead: lead, cutTo: cutTo))
        }
        if let problem = snapshot.stateSaveProblem {
            part("state not saved: \(problem)", palette.error, .highest, cutTo: problemCut)
        }
        if !snapshot.nameNotices.isEmpty {
            part("names off (HTTP 403): IDs shown", palette.warning, .medium)
        }
        if context.snapshot.clockSkewWarning, let skew = snapshot.clockSkew {
            let direction = skew > 0 ? "ahead of" : "behind"
            part("clock \(ClockText.duration(abs(skew))) \(direction) server", palette.warning, .high)
        }
        if let lastPoll = snapshot.lastPollAt {
            part("poll \(ClockText.age(context.now.timeIntervalSince(lastPoll))) ago", palette.plain, .medium)
        } else {
            part("no poll yet", palette.dim, .medium)
        }
        if let until = snapshot.throttledUntil, until > context.now {
            let text = "throttled until \(ClockText.clock(until, context.zone))"
            var forms = [[LineField.Piece(text: text, style: palette.warning)]]
            if let asked = snapshot.throttleAskedFor, asked > until.timeIntervalSince(context.now) + 1 {
                forms.insert([.init(text: text + " (the server asked for \(ClockText.duration(asked)))", style: palette.warning)], at: 0)
            }
            fields.append(LineField(forms: forms, priority: .high, lead: lead))
        }
        for budget in snapshot.budgets {
            if let stopped = budget.stoppedReason {
                part("\(budget.credential) stopped: \(stopped)", palette.error, .highest, cutTo: problemCut)
            } else if let process = budget.polledByProcess {
                // Its quota is spent once, by the window that polls.
                part("polled by window \(process)", palette.plain, .low)
            } else {
                // Several hosts (ECS, RDS, ELB… of a region): each budget says whose it is.
                let name = Set(snapshot.budgets.map(\.endpoint)).count > 1 ? BudgetLabel.of(endpoint: budget.endpoint) : "budget"
                let slowed = budget.slowedFrom.map { ", slowed from \(Int($0)) (429s)" } ?? ""
                part("\(name) \(budget.used(at: context.now))/\(Int(budget.limitPerMinute)) per min\(slowed)", palette.plain, .low)
            }
        }
        for host in snapshot.endpointErrors.keys.sorted() {
            part("\(host): \(snapshot.endpointErrors[host]!.message)", palette.error, .highest, cutTo: problemCut)
        }
        return fields
    }
}
