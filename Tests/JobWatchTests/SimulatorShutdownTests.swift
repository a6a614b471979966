import Foundation
import Testing

/// The simulator (in `--demo`, in `jobwatch simulator`) stops while connections keep arriving:
/// a connection accepted but not yet taken up was dropped unhandled, which NIO traps on
/// (SIGILL, about one stop in four, sometimes a hang). Stopped in a loop, it must always exit 0.
@Suite("Simulator shutdown", .timeLimit(.minutes(5)))
struct SimulatorShutdownTests {
    @Test func stopsCleanlyWhileConnectionsArrive() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let runner = try BinaryRunner(scratch: scratch)
        for run in 0..<20 {
            let simulator = try runner.start(["simulator", "--port", "0", "--scenario", "quick"])
            defer { simulator.stop() }
            guard await simulator.waitForOutput(timeout: .seconds(30), { $0.contains("\n") }),
                  let port = simulator.stdout.split(separator: "\n").first.flatMap({ $0.split(separator: ":").last }).flatMap({ Int($0) })
            else {
                Issue.record("run \(run): no URL\n\(simulator.transcript)")
                return
            }
            // Connections the kernel accepts faster than the server takes them up, and the stop
            // in the middle of them.
            var sockets: [Int32] = []
            for index in 0..<60 {
                sockets.append(Self.connect(port: port))
                if index == 30 { simulator.send(SIGTERM) }
            }
            let termination = await simulator.waitForExit(timeout: .seconds(30))
            for fd in sockets where fd >= 0 { close(fd) }
            #expect(termination == .exited(0), "run \(run): \(termination.map { "\($0)" } ?? "hung (killed)")\n\(simulator.transcript)")
            if termination != .exited(0) { return }
        }
    }

    /// A non-blocking connect to 127.0.0.1: the handshake completes in the kernel.
    static func connect(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return fd }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        return fd
    }
}
