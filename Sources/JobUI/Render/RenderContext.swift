import Foundation
import JobModel

/// What every part of one frame needs to know.
struct RenderContext {
    let snapshot: Snapshot
    let state: ViewState
    let palette: Palette
    let now: Date
    /// Jobs are titled with their service's tag once any is not BMS: a BMS-only watch reads
    /// as it always did, a mixed one says which is which. Once per frame, not per row.
    let tagsServices: Bool

    init(snapshot: Snapshot, state: ViewState, palette: Palette, now: Date) {
        self.snapshot = snapshot
        self.state = state
        self.palette = palette
        self.now = now
        self.tagsServices = JobTitle.tagsServices(snapshot)
    }

    var unicode: Bool { palette.capabilities.unicode }
    var ellipsis: String { unicode ? "…" : "~" }
    var arrow: String { unicode ? "→" : "->" }
    var separator: String { unicode ? " · " : " | " }
    /// The zone times are shown in.
    var zone: TimeZone { state.zone }

    func shortID(_ id: String) -> String { JobID.short(id, unicode: unicode) }

    /// A job's failure reason as this terminal can show it. Without a UTF-8 locale a Chinese
    /// reason would draw as a row of `?`: its error code and what to do say more.
    func failureReason(of job: Job) -> String? {
        guard let reason = job.failureReason else { return nil }
        if unicode || reason.unicodeScalars.allSatisfy(\.isASCII) { return reason }
        return [job.failureCode, "(reason not in ASCII: use a UTF-8 locale, LANG=C.UTF-8)"].compactMap { $0 }.joined(separator: " ")
    }
}
