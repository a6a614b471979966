import Foundation
import JobModel

/// What every part of one frame needs to know.
struct RenderContext {
    let snapshot: Snapshot
    let state: ViewState
    let palette: Palette
    let now: Date

    var unicode: Bool { palette.capabilities.unicode }
    var ellipsis: String { unicode ? "…" : "~" }
    var arrow: String { unicode ? "→" : "->" }
    var separator: String { unicode ? " · " : " | " }
    /// The zone times are shown in.
    var zone: TimeZone { state.utc ? TimeZone(identifier: "UTC")! : state.localTimeZone }

    func shortID(_ id: String) -> String { JobID.short(id, unicode: unicode) }
}
