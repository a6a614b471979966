import Benchmark
import BenchFixtures
import Foundation
import JobModel
import JobAPI
import JobEngine
import JobUI

// Decode, render and sign: the CPU-bound work of one poll and one frame.
// Run with `scripts/bench` (or `swift package benchmark` inside Benchmarks/).

let benchmarks: @Sendable () -> Void = {
    let quick = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal],
        warmupIterations: 3,
        scalingFactor: .one,
        maxDuration: .seconds(3),
        maxIterations: 2_000
    )
    Benchmark.defaultConfiguration = quick

    decodeBenchmarks()
    renderBenchmarks()
    signBenchmarks()
}

// MARK: - Decode

/// The body is read from `BENCH_BODY` when scripts/bench names one (WriteBenchBody wrote it, and
/// the CPython anchor reads the same file), else built: the same bytes either way.
func decodeBenchmarks() {
    let body = benchBody()
    Benchmark("Decode 1,500 sub-jobs (\(body.count / 1024) KiB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Job.decode(body))
        }
    }
}

func benchBody() -> Data {
    guard let path = ProcessInfo.processInfo.environment["BENCH_BODY"], !path.isEmpty else { return BatchBody.standard }
    guard let data = FileManager.default.contents(atPath: path) else { fatalError("BENCH_BODY names \(path), which cannot be read") }
    return data
}

// MARK: - Render

/// One frame of the tree at 200×60: the batch unfolded, the selection in the middle of it.
func renderBenchmarks() {
    for count in [1_000, 10_000, 100_000] {
        let job = BigSnapshot.job(subJobs: count)
        let snapshot = BigSnapshot.snapshot(of: job)
        let model = RenderSetup.model(snapshot, RenderSetup.state(selecting: count / 2))
        Benchmark("Render frame 200x60, \(count.formatted()) sub-jobs") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(Dashboard.view(model))
            }
        }
    }

    // One sub-job on screen changes status between two snapshots: the dashboard takes the new
    // snapshot, renders the frame and finds the rows that differ (what the blitter then writes).
    let count = 10_000
    let selected = count / 2
    let before = BigSnapshot.job(subJobs: count)
    var after = before
    let changing = selected + 2
    after.entities.subJobs[changing].status = before.subJobs[changing].status == .running ? .success : .running
    let snapshots = [BigSnapshot.snapshot(of: before), BigSnapshot.snapshot(of: after)]
    let first = RenderSetup.model(snapshots[0], RenderSetup.state(selecting: selected))
    Benchmark("Render one changed row, 10,000 sub-jobs") { benchmark in
        var model = first
        var previous = Dashboard.view(model)
        var changedRows = 0
        var flip = 1
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            model = Dashboard.update(model, .snapshot(snapshots[flip])).0
            let frame = Dashboard.view(model)
            changedRows = zip(frame.rows, previous.rows).count { $0 != $1 }
            previous = frame
            flip ^= 1
        }
        benchmark.stopMeasurement()
        blackHole(changedRows)
        precondition(changedRows >= 1 && changedRows <= 4, "expected a handful of changed rows, got \(changedRows)")
    }
}

enum RenderSetup {
    static let capabilities = TerminalCapabilities(colors: 256, unicode: true)

    static func state(selecting index: Int) -> ViewState {
        var state = ViewState()
        state.localTimeZone = TimeZone(identifier: "UTC")!
        state.screen = ScreenSize(width: 200, height: 60)
        state.foldOverrides[.job(BigSnapshot.key)] = true
        state.selection = .subJob(BigSnapshot.key, BigSnapshot.subJobID(index))
        return state
    }

    /// The model as the dashboard holds it: the snapshot arrived as a message.
    static func model(_ snapshot: Snapshot, _ state: ViewState) -> Model {
        let empty = Model(snapshot: snapshot, state: state, capabilities: capabilities, now: BigSnapshot.now)
        return Dashboard.update(empty, .snapshot(snapshot)).0
    }
}

// MARK: - Sign

/// One `SDK-HMAC-SHA256` signature of a job GET, headers as the client sends them (the request
/// WriteBenchBody writes for the Python anchor).
func signBenchmarks() {
    let request = SignFixture.request
    let key = SignFixture.accessKey
    let projectID = SignFixture.projectID
    Benchmark("Sign one request") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Signer.sign(request, with: key, projectID: projectID))
        }
    }
}
