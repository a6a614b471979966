import Foundation
import JobModel

/// The detail pane: everything about the selected row, one fact a line.
enum DetailView {
    /// Lines the pane needs for `ref` below its title: it takes no more, so a small terminal
    /// keeps its tree rows (the tree's top stays put as the pane's height follows the selection).
    static func lineCount(_ ref: NodeRef?, _ snapshot: Snapshot, _ state: ViewState) -> Int {
        guard let ref else { return 1 }
        // Which lines there are depends on the row alone, not on colours, symbols or the clock:
        // any palette and time count them.
        let context = RenderContext(snapshot: snapshot, state: state, palette: Palette(capabilities: TerminalCapabilities(colors: 0, unicode: true)), now: snapshot.takenAt)
        return lines(for: ref, context).count
    }

    static func rows(_ context: RenderContext, ref: NodeRef?, width: Int, height: Int) -> [Row] {
        guard height > 0 else { return [] }
        let palette = context.palette
        var title = LineBuilder(width: width)
        let rule = context.unicode ? "─" : "-"
        title.add(rule + " details ", palette.title)
        title.add(String(repeating: rule, count: max(0, width)), palette.dim)
        var rows = [title.row()]
        let facts = ref.map { lines(for: $0, context) } ?? [("", "nothing selected")]
        let nameWidth = 11
        for (name, value) in facts.prefix(height - 1) {
            var line = LineBuilder(width: width)
            line.add(name, columns: nameWidth, palette.dim)
            line.add(value, columns: line.remaining, name == "reason" || name == "last error" ? palette.reason : palette.plain, ellipsis: context.ellipsis)
            rows.append(line.row())
        }
        while rows.count < height { rows.append(LineBuilder(width: width).row()) }
        return rows
    }

    /// (name, value) pairs, most important first: the pane may show only the first few.
    static func lines(for ref: NodeRef, _ context: RenderContext) -> [(String, String)] {
        let snapshot = context.snapshot
        let state = snapshot.jobs[ref.job]
        var out: [(String, String)] = []
        if let entity = snapshot.entity(at: ref) {
            out.append((entity.key, entity.value))
            if let resource = state.resources[entity.value] { out.append(contentsOf: resourceLines(resource, context)) }
            if let owner = snapshot.owner(of: ref) {
                out.append((ref.subJob == nil ? "of job" : "of sub-job", owner.id ?? state.key.jobID))
            }
            return out
        }
        let job = snapshot.apiJob(at: ref)
        if ref.isJob {
            out.append(("job", "\(state.key.jobID)  (profile \(state.entry.profile))"))
            out.append(("service", "\(state.key.service.tag)\(context.separator)\(state.key.service.title)"))
            if state.key.isPlaced {
                // Global EIP jobs and orders are the account's: their key holds the domain ID.
                let owner = state.key.service.scope == .account
                    ? (state.key.projectID.isEmpty ? "account" : "account \(state.key.projectID)")
                    : "project \(state.key.projectID)"
                out.append(("where", "\(state.key.endpoint)  \(owner)"))
            }
            if let reason = state.detachedReason { out.append(("not polled", reason)) }
            if let label = state.entry.label { out.append(("name", label)) }
        } else {
            out.append(("sub-job", job?.id ?? "(no ID)"))
            out.append(("of job", state.key.jobID))
            if let parent = job?.parentID { out.append(("under", parent)) }
        }
        if let job {
            let label = state.key.service.label(for: job.type)
            out.append(("type", job.type.map { "\($0) (\(label))" } ?? label))
            if let progress = job.entities.progress, !job.status.isTerminal {
                out.append(("progress", "\(Int((progress * 100).rounded())) %"))
            }
            var status = job.status.description
            if let elapsed = job.elapsed(now: context.now) {
                status += "\(context.separator)\(job.status.isTerminal ? "took" : "running for") \(ClockText.duration(elapsed))"
            }
            if ref.isJob, let marker = StatusLook.markerText(health: state.health, slow: state.isSlow) {
                status += context.separator + marker
            }
            out.append(("status", status))
            if let reason = context.failureReason(of: job) { out.append(("reason", reason)) }
            for resource in state.resources(of: job) {
                out.append((resource.kind.rawValue, resource.id))
                out.append(contentsOf: resourceLines(resource, context))
            }
            if let code = job.failureCode { out.append(("error", code)) }
            if let begin = job.beginTime { out.append(("begin", both(begin, context))) }
            if let end = job.endTime { out.append(("end", both(end, context))) }
            if ref.isJob, !job.subJobs.isEmpty { out.append(("sub-jobs", TreeView.batchSummary(state))) }
        } else {
            out.append(("status", StatusLook.word(nil, health: state.health)))
        }
        if let error = state.lastError {
            var text = error.message
            if let status = error.httpStatus { text = "HTTP \(status) " + (error.code.map { "\($0) " } ?? "") + text }
            out.append(("last error", text))
            if let request = error.requestId { out.append(("request", request)) }
        }
        if let readAt = state.readAt {
            out.append(("data age", "\(ClockText.age(context.now.timeIntervalSince(readAt))) (read \(ClockText.clock(readAt, context.zone)))"))
        } else {
            out.append(("data age", "never read"))
        }
        return out
    }

    /// What a lookup said of a server or volume (its ID is on the line before).
    static func resourceLines(_ resource: Resource, _ context: RenderContext) -> [(String, String)] {
        var out: [(String, String)] = []
        if let name = resource.name { out.append(("name", OneLine.of(name))) }
        if let status = resource.status { out.append(("state", OneLine.of(status))) }
        if !resource.addresses.isEmpty {
            let parts = [resource.fixedAddress.map { "\($0) (fixed)" }, resource.floatingAddress.map { "\($0) (floating)" }].compactMap { $0 }
            out.append(("address", OneLine.of(parts.joined(separator: context.separator))))
        }
        if let zone = resource.availabilityZone { out.append(("zone", OneLine.of(zone))) }
        return out
    }

    /// A time in the local zone and in UTC.
    private static func both(_ date: Date, _ context: RenderContext) -> String {
        "\(ClockText.dateTime(date, context.state.localTimeZone))  \(ClockText.iso(date))"
    }
}
