import Foundation
import JobModel
import JobAPI
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import Logging
import NIOCore
import Synchronization

/// The simulated job API, served over real HTTP (Hummingbird) on loopback: the server behind
/// `--demo`, `jobwatch simulator` and every network test.
///
/// ```swift
/// let simulator = JobSimulator(options: SimulatorOptions(scenario: .quick, speed: 10))
/// let baseURL = try await simulator.start()      // "http://127.0.0.1:PORT"
/// defer { Task { await simulator.stop() } }
/// ```
public final class JobSimulator: Sendable {
    let core: SimulatorCore
    private let running = Mutex<Running?>(nil)

    private struct Running: Sendable {
        var task: Task<Void, Never>
        /// Stops accepting, lets every accepted connection finish, closes idle ones.
        var shutdownGracefully: @Sendable () async -> Void
        var baseURL: String
    }

    public init(options: SimulatorOptions) {
        core = SimulatorCore(options: options)
    }

    /// The scenario served.
    public var scenario: Scenario { core.scenario }

    /// The scenario's top-level jobs with their services and types, in display order: what
    /// `--demo` watches (`WatchEntry(profile:jobID:service:)`) and `jobwatch simulator` lists.
    public var topLevelJobs: [SimulatedJob] { core.scenario.topLevelJobs }

    /// The scenario's top-level jobs that the API knows now (the others answer 404 until their
    /// creation time).
    public var existingTopLevelJobs: [SimulatedJob] {
        let t = core.scenarioElapsed
        return topLevelJobs.filter { $0.createdAt <= t }
    }

    /// The scenario's top-level jobs as they come into being at its speed: first those the API
    /// knows now, then each when its creation time comes, so a watcher adds a job only once
    /// it can be read. Ends when the last one exists.
    public func arrivals() -> AsyncStream<[SimulatedJob]> {
        let core = self.core
        let waiting = topLevelJobs.sorted { $0.createdAt < $1.createdAt }
        let (stream, continuation) = AsyncStream.makeStream(of: [SimulatedJob].self)
        let task = Task {
            var pending = waiting[...]
            while let next = pending.first, !Task.isCancelled {
                let t = core.scenarioElapsed
                let ready = pending.prefix { $0.createdAt <= t }
                if ready.isEmpty {
                    // Real time to its creation at this speed, woken a little late rather than
                    // early; at least twice a second, as the injected clock may jump.
                    let wait = min(0.5, (next.createdAt - t) / core.clock.speed)
                    try? await Task.sleep(for: .seconds(wait) + .milliseconds(5))
                    continue
                }
                continuation.yield(Array(ready))
                pending = pending.dropFirst(ready.count)
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The scenario's top-level job IDs, in display order, of every service (CCE's are UUIDs).
    public var topLevelJobIDs: [String] { topLevelJobs.map(\.id) }

    /// Scenario seconds elapsed now (by the injected clock).
    public var scenarioElapsed: Double { core.scenarioElapsed }

    /// The base URL once started.
    public var baseURL: String? { running.withLock { $0?.baseURL } }

    /// Requests received for a job ID (any answer, faults and refusals included). A poller that
    /// respects terminal states stops adding to this once the job is SUCCESS or FAIL.
    public func requestCount(jobID: String) async -> Int {
        core.requestCount(jobID: jobID)
    }

    /// Every server and volume the lookup APIs know, in the order the scenario names them.
    public var resources: [SimulatedResource] {
        core.catalog.order.compactMap { core.catalog.entries[$0] }.map {
            SimulatedResource(api: $0.api, id: $0.id, name: $0.name, fixedAddress: $0.fixedAddress, floatingAddress: $0.floatingAddress, jobID: $0.plan.id, visibleFrom: $0.visibleFrom)
        }
    }

    /// Name lookups received on one of the three lookup APIs (any answer).
    public func lookupRequestCount(_ api: LookupAPI) async -> Int {
        core.lookupRequestCount(api)
    }

    /// Every request received.
    public func totalRequests() async -> Int {
        core.totalRequests
    }

    /// Requests refused with 429 because they went over the per-credential quota.
    public func overQuotaRequests() async -> Int {
        core.overQuotaRequests
    }

    /// Temporary credentials the metadata API has issued.
    public func metadataCredentialsIssued() async -> Int {
        core.metadata?.issuedCount ?? 0
    }

    /// Replaces the fault plan from the next request on.
    public func setFaults(_ faults: FaultPlan) {
        core.setFaults(faults)
    }

    /// Replaces the per-credential quota from the next request on.
    public func setQuota(_ quota: RateQuota) {
        core.setQuota(quota)
    }

    /// Starts listening and returns the base URL (`http://127.0.0.1:PORT`, `https://…` with
    /// `tls`) once it does. Port 0 picks a free port.
    public func start(host: String = "127.0.0.1", port: Int = 0, tls: SimulatorTLS? = nil) async throws -> String {
        if let url = baseURL { return url }
        let (bound, boundContinuation) = AsyncStream<Int?>.makeStream()
        let core = self.core
        let http = HTTP1Channel(responder: { request, writer, channel in
            try await HTTPExchange.respond(to: request, writer: writer, channel: channel, core: core)
        })
        let configuration = ServerConfiguration(address: .hostname(host, port: port))
        let onRunning: @Sendable (any Channel) async -> Void = { channel in boundContinuation.yield(channel.localAddress?.port) }
        let group = EventLoopGroupProvider.singleton.eventLoopGroup
        let logger = Logger(label: "jobwatch.simulator", factory: { _ in SwiftLogNoOpLogHandler() })
        let controls: ServerControls
        if let tls {
            let chain: [NIOSSLCertificateSource], key: NIOSSLPrivateKey
            do {
                chain = try NIOSSLCertificate.fromPEMFile(tls.certificateFile).map { .certificate($0) }
                key = try NIOSSLPrivateKey(file: tls.keyFile, format: .pem)
            } catch {
                throw SimulatorTLSProblem(description: "\(tls.certificateFile) / \(tls.keyFile) cannot be loaded as a PEM certificate and key")
            }
            let settings = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            controls = ServerControls(Server(childChannelSetup: try TLSChannel(http, tlsConfiguration: settings), configuration: configuration,
                                             onServerRunning: onRunning, eventLoopGroup: group, logger: logger))
        } else {
            controls = ServerControls(Server(childChannelSetup: http, configuration: configuration, onServerRunning: onRunning, eventLoopGroup: group, logger: logger))
        }
        let failure = Mutex<(any Error)?>(nil)
        let task = Task {
            do {
                try await controls.run()
            } catch {
                failure.withLock { $0 = error }
            }
            boundContinuation.finish()
        }
        var iterator = bound.makeAsyncIterator()
        guard let boundPort = await iterator.next() else {
            throw failure.withLock { $0 } ?? SimulatorStartProblem(description: "the simulator stopped before it was listening")
        }
        guard let boundPort else {
            task.cancel()
            throw SimulatorStartProblem(description: "the simulator is listening but its port is unknown")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let url = "\(tls == nil ? "http" : "https")://\(hostPart):\(boundPort)"
        running.withLock { $0 = Running(task: task, shutdownGracefully: controls.shutdownGracefully, baseURL: url) }
        return url
    }

    /// Stops listening, lets the connections already accepted finish (at most `patience`, then
    /// they are cut), and returns once the server is gone.
    ///
    /// Not a plain cancel: a connection the kernel had accepted but the server had not yet
    /// taken up was then dropped unhandled, which NIO treats as a programming error (SIGILL,
    /// about one stop in four with connections arriving).
    public func stop(patience: Duration = .seconds(3)) async {
        guard let current = running.withLock({ state -> Running? in
            defer { state = nil }
            return state
        }) else { return }
        let graceful = Task { await current.shutdownGracefully() }
        let deadline = Task {
            try? await Task.sleep(for: patience)
            if !Task.isCancelled { current.task.cancel() }
        }
        await current.task.value
        deadline.cancel()
        await graceful.value
    }
}

/// Run and stop of a Hummingbird server, whatever its channel (plain or TLS).
private struct ServerControls: Sendable {
    let run: @Sendable () async throws -> Void
    let shutdownGracefully: @Sendable () async -> Void

    init<Channel: ServerChildChannel>(_ server: Server<Channel>) {
        run = { try await server.run() }
        shutdownGracefully = { try? await server.shutdownGracefully() }
    }
}

/// The certificate (PEM chain) and key the simulator serves https with.
public struct SimulatorTLS: Sendable, Hashable {
    public var certificateFile: String
    public var keyFile: String

    public init(certificateFile: String, keyFile: String) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
    }
}

/// The certificate or key of `SimulatorTLS` cannot be loaded.
public struct SimulatorTLSProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Why `start` failed (the address is in use, or not a local one).
public struct SimulatorStartProblem: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A server or volume of a scenario, as its lookup API answers it.
public struct SimulatedResource: Sendable, Hashable {
    public var api: LookupAPI
    public var id: String
    public var name: String
    public var fixedAddress: String?
    public var floatingAddress: String?
    /// The job or sub-job naming it.
    public var jobID: String
    /// Scenario second before which it answers 404 (`-infinity`: always there).
    public var visibleFrom: Double
}
