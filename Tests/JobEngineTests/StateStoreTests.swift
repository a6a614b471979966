import Foundation
import JobModel
import JobAPI
@testable import JobEngine
import Testing

@Suite("State file")
struct StateStoreTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-state-\(UUID().uuidString)/state.json").path
    }

    func sample(at date: Date) -> StateFile {
        let key = JobKey(endpoint: "bms.cn-north-4.myhuaweicloud.com:443", projectID: "0a1b", jobID: "2c9eb2c5544cbf6101544f0602af2b4f")
        let sub = Job(id: "2c9eb2c5544cbf6101544f0635672b60", type: "baremetalSingleCreate", status: .fail,
                      entities: JobEntities(attributes: [.init(key: "server_id", value: "bae5")],
                                            errorMessage: ErrorcodeMessage(raw: "{}", code: "BMS.0213", message: "库存不足")))
        let job = Job(id: key.jobID, type: "baremetalBatchCreate", status: .running,
                      beginTime: date.addingTimeInterval(-60), entities: JobEntities(subJobsTotal: 1, subJobs: [sub]))
        let transition = Transition(at: date, key: key, profile: "prod", subJobID: sub.id, jobType: sub.type, from: .running, to: .fail, reason: "库存不足")
        return StateFile(savedAt: date, jobs: [.init(profile: "prod", key: key, jobID: key.jobID, label: "web tier", job: job, readAt: date)], events: [transition])
    }

    @Test("saves and loads the same state, with owner-only permissions")
    func roundTrip() throws {
        let store = StateStore(path: temporaryPath())
        let now = Date(timeIntervalSince1970: 1_800_000_000.5)
        #expect(try store.load() == nil)
        try store.save(sample(at: now))
        let loaded = try #require(try store.load())
        #expect(loaded == sample(at: now))
        let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (store.path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["state.json"], "no temporary file left behind")
    }

    @Test("temporary files of writers that died are cleared at load; a live writer's are kept")
    func leftovers() throws {
        let store = StateStore(path: temporaryPath())
        try store.save(sample(at: Date(timeIntervalSince1970: 1_800_000_000)))
        let dead = store.path + ".tmp-2147483646"
        let alive = store.path + ".tmp-1"  // init is always alive
        #expect(FileManager.default.createFile(atPath: dead, contents: Data("{".utf8)))
        #expect(FileManager.default.createFile(atPath: alive, contents: Data("{".utf8)))
        #expect(try store.load() != nil)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive))
    }

    @Test("a damaged file gives a one-line error that says what to do")
    func damaged() throws {
        let store = StateStore(path: temporaryPath())
        try store.save(sample(at: Date()))
        try Data("{\"version\": 1, \"jobs\": [".utf8).write(to: URL(fileURLWithPath: store.path))
        #expect {
            _ = try store.load()
        } throws: { error in
            "\(error)".contains("damaged") && "\(error)".contains("move it away") && !"\(error)".contains("\n")
        }
    }

    @Test("retention drops finished jobs and events older than the cutoff, keeps running ones")
    func retention() {
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        var file = sample(at: old)
        var finished = file.jobs[0]
        finished.jobID = "aaaa"
        finished.key?.jobID = "aaaa"
        finished.job?.status = .success
        finished.job?.endTime = old
        file.jobs.append(finished)
        let kept = file.retaining(after: old.addingTimeInterval(3600))
        #expect(kept.jobs.map(\.jobID) == ["2c9eb2c5544cbf6101544f0602af2b4f"])
        #expect(kept.events.isEmpty)
        #expect(kept.droppedEvents == 1, "the dropped event is counted")
    }

    @Test("the default path follows XDG_STATE_HOME, else ~/.local/state")
    func defaultPath() {
        #expect(StateStore.defaultPath(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"]) == "/x/state/jobwatch/state.json")
        #expect(StateStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/state/jobwatch/state.json")
    }
}

@Suite("State file encoding")
struct StateFileEncodingTests {
    /// Made piece by piece to keep memory down, the file is still exactly the whole value's JSON.
    @Test func piecewiseEncodingIsTheWholeValue() throws {
        let key = JobKey(endpoint: "bms.cn-north-4.myhuaweicloud.com:443", projectID: "0a1b", jobID: "2c9eb2c5544cbf6101544f0602af2b4f")
        let date = Date(timeIntervalSince1970: 1_800_000_000.25)
        let job = Job(id: key.jobID, type: "baremetalBatchCreate", status: .running, beginTime: date)
        let file = StateFile(savedAt: date, jobs: [
            .init(profile: "prod", key: key, jobID: key.jobID, label: "web \\\"tier\\\"", job: job, readAt: date),
            .init(profile: "old", key: nil, jobID: "aaaa", label: nil, job: nil, readAt: nil),
        ], events: [Transition(at: date, key: key, profile: "prod", from: nil, to: .running)], droppedEvents: 7)
        let piecewise = try StateStore.encode(file)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601withFractions
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: piecewise, as: UTF8.self) == String(decoding: try encoder.encode(file), as: UTF8.self))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601withFractions
        #expect(try decoder.decode(StateFile.self, from: piecewise) == file)
    }

    /// A relative XDG_STATE_HOME is ignored, as the XDG spec says (the config's already was).
    @Test func relativeStateHomeIsIgnored() {
        #expect(StateStore.defaultPath(environment: ["XDG_STATE_HOME": "/xdg", "HOME": "/home/u"]) == "/xdg/jobwatch/state.json")
        #expect(StateStore.defaultPath(environment: ["XDG_STATE_HOME": "relative/state", "HOME": "/home/u"]) == "/home/u/.local/state/jobwatch/state.json")
        #expect(StateStore.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/home/u"]) == "/home/u/.local/state/jobwatch/state.json")
    }

    /// A state file past the cap is refused in one line before it is read (a 200 MB file took
    /// 10 s and 988 MB), and left as it is.
    @Test func oversizedStateFileIsRefusedUnread() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobwatch-state-\(UUID().uuidString)/state.json").path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        // Sparse: the size without the disk.
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(StateStore.largestLoaded + 1))
        try handle.close()
        do {
            _ = try StateStore(path: path).load()
            Issue.record("an oversized state file must be refused")
        } catch {
            #expect("\(error)".contains("over the 128 MiB jobwatch loads"), "\(error)")
            #expect("\(error)".contains(path), "\(error)")
        }
        #expect(FileManager.default.fileExists(atPath: path), "left as it is")
    }
}
