import Foundation
import JobModel
import JobEngine
import Testing

/// A state file that is a symlink (to a synced folder, say) is written through to its target:
/// the link stays a link, and the target gets the new state. The database opens through the
/// link; the JSON writer (export) writes through it.
@Suite("State file behind a symlink")
struct StateFileSymlinkTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-link-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/real", withIntermediateDirectories: true)
        return path
    }

    @Test("saving through a relative link writes the target, atomically beside it")
    func writesThroughTheLink() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let target = base + "/real/state.json"
        #expect(FileManager.default.createFile(atPath: target, contents: Data("stale".utf8)))
        try FileManager.default.createSymbolicLink(atPath: base + "/state.json", withDestinationPath: "real/state.json")

        let store = StateStore(path: base + "/state.json")
        try store.save(StateFile(savedAt: Date(timeIntervalSince1970: 1_800_000_000), jobs: [], events: []))

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: base + "/state.json") == "real/state.json", "the link is still a link")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written != "stale" && written.contains("\"version\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/real") == ["state.json"], "no temporary file left")
        #expect(try store.load()?.savedAt == Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test("a link whose target does not exist yet creates the target")
    func danglingLink() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createSymbolicLink(atPath: base + "/state.json", withDestinationPath: base + "/real/new.json")
        try StateStore(path: base + "/state.json").save(StateFile(savedAt: Date(), jobs: [], events: []))
        #expect(FileManager.default.fileExists(atPath: base + "/real/new.json"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: base + "/state.json")) != nil)
    }

    @Test("a loop of links is refused with one line")
    func loop() throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createSymbolicLink(atPath: base + "/a", withDestinationPath: base + "/b")
        try FileManager.default.createSymbolicLink(atPath: base + "/b", withDestinationPath: base + "/a")
        #expect {
            try StateStore(path: base + "/a").save(StateFile(savedAt: Date(), jobs: [], events: []))
        } throws: { error in
            "\(error)".contains("loop of symlinks") && !"\(error)".contains("\n")
        }
    }

    @Test("the database opens through a relative link: the target is read and written, the link stays")
    func databaseThroughTheLink() async throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let target = base + "/real/state.db"
        let first = StateDatabase(path: target)
        try await first.apply(Self.batch("before"))
        await first.close()
        try FileManager.default.createSymbolicLink(atPath: base + "/state.db", withDestinationPath: "real/state.db")

        let linked = StateDatabase(path: base + "/state.db")
        #expect(try await linked.load(.watched).file.jobs.map(\.jobID) == ["before"], "the target is read")
        try await linked.apply(Self.batch("after"))
        await linked.close()

        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: base + "/state.db") == "real/state.db", "the link is still a link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).sorted() == ["real", "state.db"], "nothing beside the link")
        let direct = StateDatabase(path: target)
        #expect(try await direct.load(.watched).file.jobs.map(\.jobID) == ["before", "after"], "the target has the new state")
        await direct.close()
    }

    @Test("a link whose target does not exist yet creates the database, and its folder, at the target")
    func databaseBehindADanglingLink() async throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let target = base + "/real/later/new.db"
        try FileManager.default.createSymbolicLink(atPath: base + "/state.db", withDestinationPath: target)
        let linked = StateDatabase(path: base + "/state.db")
        try await linked.apply(Self.batch("new"))
        await linked.close()
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: base + "/state.db")) == target, "the link is still a link")
        #expect(FileManager.default.contents(atPath: target)?.starts(with: Data("SQLite format 3\0".utf8)) == true)
        let direct = StateDatabase(path: target)
        #expect(try await direct.load(.watched).file.jobs.map(\.jobID) == ["new"])
        await direct.close()
    }

    @Test("a damaged database behind a link is moved aside beside its target; the link stays")
    func damagedBehindALink() async throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let garbage = Data(repeating: 0xA5, count: 4_096)
        try garbage.write(to: URL(fileURLWithPath: base + "/real/state.db"))
        try FileManager.default.createSymbolicLink(atPath: base + "/state.db", withDestinationPath: "real/state.db")
        let linked = StateDatabase(path: base + "/state.db")
        try await linked.apply(Self.batch("afresh"))
        let notices = await linked.notices
        await linked.close()
        #expect(notices.count == 1 && notices.first?.contains("damaged") == true, "\(notices)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: base + "/state.db") == "real/state.db", "the link is still a link")
        let real = try FileManager.default.contentsOfDirectory(atPath: base + "/real").sorted()
        let aside = try #require(real.first { $0.hasPrefix("state.db.damaged-") }, "\(real)")
        #expect(FileManager.default.contents(atPath: base + "/real/" + aside) == garbage, "kept as it was")
        let direct = StateDatabase(path: base + "/real/state.db")
        #expect(try await direct.load(.watched).file.jobs.map(\.jobID) == ["afresh"], "the new database is at the target")
        await direct.close()
    }

    @Test("a loop of links is refused by the database with one line")
    func databaseLoop() async throws {
        let base = try folder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createSymbolicLink(atPath: base + "/a", withDestinationPath: base + "/b")
        try FileManager.default.createSymbolicLink(atPath: base + "/b", withDestinationPath: base + "/a")
        let database = StateDatabase(path: base + "/a")
        let problem = await #expect(throws: StateProblem.self) { try await database.load(.watched) }?.description ?? ""
        await database.close()
        #expect(problem.contains("loop of symlinks") && !problem.contains("\n"), "\(problem)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base).sorted() == ["a", "b", "real"], "nothing created")
    }

    static func batch(_ id: String) -> StateBatch {
        var batch = StateBatch()
        batch.jobs = [StateBatch.JobRow(
            key: JobKey(endpoint: "127.0.0.1:9", projectID: "p", jobID: id), profile: "p", label: nil,
            job: Job(id: id, status: .running), readAt: Date(timeIntervalSince1970: 1_800_000_000), watched: true
        )]
        return batch
    }
}
