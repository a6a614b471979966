import Foundation
import JobModel
import JobAPI
import JobEngine
import JobSession
import Testing

/// `--demo`: the simulator runs in this process on loopback; the session reads only it.
@Suite("Session.make: the demo")
struct DemoSessionTests {
    @Test("the demo's one profile on loopback, its scenario's jobs, then the arguments'; the config's profiles unused")
    func demo() async throws {
        let scratch = try SessionScratch()
        defer { scratch.remove() }
        // A config whose profile could not be resolved (AK/SK wanted, none given): the demo must not try it.
        let config = #"""
            {"profiles": {"p": {"endpoint": "http://127.0.0.1:18001", "auth": "aksk"}}, "poll": {"interval": "3s"}}
            """#
        let flags = SessionFlags.with {
            $0.demo = true
            $0.scenario = "quick"
            $0.speed = 100
        }
        let session = try await scratch.session(config: config, flags: flags, arguments: ["ecs/extra-1"], purpose: .watch)
        let demoEntries = session.demo?.entries ?? []
        await session.shutdown()

        #expect(session.demo != nil)
        #expect(session.defaultProfile == DemoServer.profileName)
        #expect(session.profiles.map(\.name) == [DemoServer.profileName])
        let endpoint = try #require(session.profiles.first?.endpoint)
        #expect(Endpoint.isLoopback(endpoint.host))
        #expect(session.profiles.first?.place == "demo simulator")
        #expect(session.entries.count >= 2)
        #expect(session.entries.allSatisfy { $0.profile == DemoServer.profileName })
        #expect(session.entries.last == WatchEntry(profile: DemoServer.profileName, jobID: "extra-1", service: .ecs))
        #expect(!demoEntries.isEmpty)
        #expect(Array(session.entries.dropLast()) == demoEntries)
        #expect(session.settings.interval == .seconds(3), "the config's poll settings still apply")
        #expect(session.resolutions.isEmpty)
    }
}
