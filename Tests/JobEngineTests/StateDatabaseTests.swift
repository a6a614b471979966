import Foundation
import JobModel
import JobAPI
@testable import JobEngine
import SQLiteNIO
import Testing

/// The state database on real files in a folder of the test's own: what a save writes, what a
/// load gives back, old JSON state files, damaged, newer, read-only and locked databases, and
/// two processes (two connections) sharing one file.
///
/// Serialized: a connection waiting for another's lock blocks one of SQLite's pool threads
/// (as many as cores); two such tests at once on two cores leave none for the holders.
@Suite("State database", .serialized)
struct StateDatabaseTests {
    @Test("a save after one sub-job of 1,500 changed writes the job's row and that sub-job, not the whole job")
    func oneChangedSubJobIsWhatIsWritten() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let database = StateDatabase(path: path)
        var job = Sample.job("batch", subJobs: 1_500)
        let jobJSON = try StateCoding.text(job).utf8.count
        try await database.apply(Sample.batch(Sample.row(job, readAt: Sample.at(10))))
        let other = try await Self.connection(to: path)

        // For scale: a job of the same size saved whole, as a new row. (Each truncation waits
        // for the checkpoint a save started beside it: two checkpoints at once, one is busy.)
        await database.checkpointer?.finished()
        try await Self.truncateWAL(other, of: path)
        var copy = job
        copy.id = "copy"
        try await database.apply(Sample.batch(Sample.row(copy, readAt: Sample.at(10))))
        let whole = Self.size(of: path + "-wal")
        #expect(whole >= jobJSON / 2, "a whole job's save writes about its JSON: \(whole) bytes of WAL, \(jobJSON) of JSON")

        await database.checkpointer?.finished()
        try await Self.truncateWAL(other, of: path)
        job.entities.subJobs[700].status = .success
        job.entities.subJobs[700].endTime = Sample.at(20)
        try await database.apply(Sample.batch(Sample.row(job, readAt: Sample.at(20))))
        let oneChanged = Self.size(of: path + "-wal")
        #expect(oneChanged > 0, "the save went to the WAL")
        #expect(oneChanged * 10 < whole, "one sub-job's change wrote \(oneChanged) bytes; the whole job \(whole)")

        // A restarted process has not seen the rows: it reads them once, and writes as little.
        await database.close()
        let restarted = StateDatabase(path: path)
        await database.checkpointer?.finished()
        try await Self.truncateWAL(other, of: path)
        job.entities.subJobs[701].status = .fail
        try await restarted.apply(Sample.batch(Sample.row(job, readAt: Sample.at(30))))
        let afterRestart = Self.size(of: path + "-wal")
        #expect(afterRestart > 0)
        #expect(afterRestart * 10 < whole, "after a restart one sub-job's change wrote \(afterRestart) bytes; the whole job \(whole)")

        // The rows are the job as it is now, every sub-job once.
        let count = try await other.query(
            "SELECT count(*) AS n FROM sub_jobs WHERE job = (SELECT id FROM jobs WHERE key = ?1)", [.text(StateCoding.key(Sample.key("batch")))]
        )
        #expect(count.first?.column("n")?.integer == 1_500)
        let loaded = try await restarted.load(.jobs([Sample.key("batch")]))
        #expect(loaded.file.jobs.first?.job == job)
        #expect(loaded.file.jobs.first?.readAt == Sample.at(30))
        await restarted.close()
        try await other.close()
    }

    /// SQLite's own checkpoint ran inside the save that crossed 1,000 pages (the slowest save by
    /// far); now one runs beside the saves, on a connection of its own, and the WAL still reaches
    /// the file while the database stays open.
    @Test("the WAL is copied into the file beside the saves, while the database stays open")
    func checkpointsRunBesideTheSaves() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let database = StateDatabase(path: path, busyTimeout: .seconds(5), checkpointSpacing: .zero)
        try await database.apply(Sample.batch(Sample.row(Sample.job("first", subJobs: 1), readAt: Sample.at(10))))
        await database.checkpointer?.finished()
        let before = Self.size(of: path)
        // ~700 KB of sub-jobs: 170 pages, far below the automatic checkpoint's 10,000.
        try await database.apply(Sample.batch(Sample.row(Sample.job("batch", subJobs: 1_500), readAt: Sample.at(20))))
        #expect(Self.size(of: path + "-wal") > 500_000, "the save went to the WAL")
        let copied = await Self.eventually { Self.size(of: path) > before + 500_000 }
        #expect(copied, "the file grew from \(before) to \(Self.size(of: path)) bytes")
        let times = await database.takeSaveTimes()
        #expect(times.times.count == 2)
        await database.close()
    }

    @Test("a load of the watch list gives back what was saved: jobs with sub-jobs, events, names")
    func watchedRoundTrip() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state/jobwatch/state.db")
        let writer = StateDatabase(path: path)
        let watched = Sample.job("watched", subJobs: 3)
        let event = Transition(at: Sample.at(5), key: Sample.key("watched"), profile: "p", subJobID: watched.subJobs[1].id, from: .running, to: .success, label: "web")
        let resource = StateFile.SavedResource(
            key: ResourceKey(api: .bmsServer, endpoint: "127.0.0.1:9", projectID: "p", id: "srv-1"),
            resource: Resource(kind: .server, id: "srv-1", name: "web-07", fixedAddress: "10.0.0.7")
        )
        var batch = Sample.batch(
            Sample.row(watched, readAt: Sample.at(10), label: "web"),
            // A wait's own job: answers are shared, but it is not on the dashboards' list.
            Sample.row(Sample.job("own", subJobs: 1), readAt: Sample.at(11), watched: nil),
            Sample.row(nil, id: "removed", readAt: nil)
        )
        batch.events = [event]
        batch.resources = [resource]
        try await writer.apply(batch)
        var removal = StateBatch()
        removal.unwatched = [Sample.key("removed")]
        try await writer.apply(removal)
        await writer.close()

        // Owner-only: it names jobs and projects.
        #expect(Self.mode(of: path) == 0o600)
        #expect(Self.mode(of: folder.file("state/jobwatch")) == 0o700)

        let reader = StateDatabase(path: path)
        let loaded = try await reader.load(.watched)
        #expect(loaded.file.jobs == [
            StateFile.SavedJob(profile: "p", key: Sample.key("watched"), jobID: "watched", label: "web", job: watched, readAt: Sample.at(10)),
        ])
        #expect(loaded.watched == [Sample.key("watched")])
        #expect(loaded.file.events == [event])
        #expect(loaded.file.resources == [resource])
        #expect(loaded.cursor.change == 2 && loaded.cursor.eventSeq == 1, "two saves, one event: \(loaded.cursor)")
        let all = try await reader.load(.all)
        #expect(all.file.jobs.map(\.jobID) == ["watched", "own", "removed"], "the others' answers are kept")
        #expect(all.watched == [Sample.key("watched")])
        let own = try await reader.load(.jobs([Sample.key("own"), Sample.key("unknown")]))
        #expect(own.file.jobs.map(\.jobID) == ["own"])
        #expect(own.file.jobs.first?.job?.subJobs.count == 1)
        #expect(own.file.events.isEmpty, "a run of its own jobs does not take the dashboards' log")
        await reader.close()
    }

    @Test("a version-1 state.json beside a new state.db is imported once and kept as state.json.migrated")
    func versionOneBesideIsImportedOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let json = folder.file("state.json"), path = folder.file("state.db")
        try Data(Sample.versionOne.utf8).write(to: URL(fileURLWithPath: json))
        let first = StateDatabase(path: path)
        let loaded = try await first.load(.watched)
        let notices = await first.notices
        await first.close()
        #expect(notices.count == 1 && notices.first?.contains("imported") == true && notices.first?.contains(json + ".migrated") == true, "\(notices)")
        #expect(!FileManager.default.fileExists(atPath: json))
        #expect(FileManager.default.contents(atPath: json + ".migrated") == Data(Sample.versionOne.utf8), "kept as it was")
        let saved = try #require(loaded.file.jobs.first)
        #expect(loaded.file.jobs.count == 1)
        #expect(saved.jobID == "aaaa" && saved.key == nil && saved.profile == "old" && saved.label == "web")
        #expect(saved.job?.status == .success)
        #expect(loaded.file.events.map(\.key) == [.unplaced(jobID: "aaaa")])

        // Opened again with the old file put back beside it: nothing is imported twice.
        try FileManager.default.copyItem(atPath: json + ".migrated", toPath: json)
        let second = StateDatabase(path: path)
        let again = try await second.load(.watched)
        let secondNotices = await second.notices
        await second.close()
        #expect(secondNotices.isEmpty, "\(secondNotices)")
        #expect(again.file.jobs.map(\.jobID) == ["aaaa"])
        #expect(again.file.events.count == 1)
        #expect(FileManager.default.fileExists(atPath: json), "left where it was")
    }

    @Test("--state-file naming a version-2 JSON state imports it once; the database takes its path")
    func versionTwoAtThePathIsImportedOnce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("mine.json")
        let file = Sample.versionTwo
        try StateStore(path: path).save(file)
        let original = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: original, as: UTF8.self).contains("\"version\":2"))

        let first = StateDatabase(path: path)
        let loaded = try await first.load(.watched)
        let notices = await first.notices
        await first.close()
        #expect(notices.count == 1 && notices.first?.contains("imported into \(path)") == true && notices.first?.contains(path + ".migrated") == true, "\(notices)")
        #expect(FileManager.default.contents(atPath: path + ".migrated") == original, "kept as it was")
        #expect(FileManager.default.contents(atPath: path)?.starts(with: Data("SQLite format 3\0".utf8)) == true, "a database at the path now")
        #expect(loaded.file.jobs == file.jobs)
        #expect(loaded.file.events == file.events)
        #expect(loaded.file.droppedEvents == file.droppedEvents)
        #expect(loaded.file.resources == file.resources)

        let second = StateDatabase(path: path)
        let again = try await second.load(.watched)
        let secondNotices = await second.notices
        await second.close()
        #expect(secondNotices.isEmpty, "\(secondNotices)")
        #expect(again.file.jobs == file.jobs)
        #expect(again.file.events == file.events)
        #expect(again.file.droppedEvents == file.droppedEvents, "dropped events counted once")
        #expect(folder.names() == ["mine.json", "mine.json.migrated"])
    }

    @Test("a damaged database is moved aside, never deleted, and a new one begins")
    func damagedIsMovedAside() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        var generator = SystemRandomNumberGenerator()
        // Not `{`: it must not pass for an old JSON state file.
        let garbage = Data([0xA5] + (0..<8_191).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: URL(fileURLWithPath: path))

        let database = StateDatabase(path: path)
        let loaded = try await database.load(.watched)
        let notices = await database.notices
        #expect(loaded.file.jobs.isEmpty)
        let aside = try #require(folder.names().first { $0.hasPrefix("state.db.damaged-") }, "\(folder.names())")
        #expect(notices.count == 1 && notices.first?.contains("damaged") == true && notices.first?.contains(folder.file(aside)) == true, "\(notices)")
        #expect(FileManager.default.contents(atPath: folder.file(aside)) == garbage, "kept as it was")

        try await database.apply(Sample.batch(Sample.row(Sample.job("new"), readAt: Sample.at(1))))
        #expect(try await database.load(.watched).file.jobs.map(\.jobID) == ["new"], "the new database works")
        await database.close()
    }

    @Test("a database of a newer jobwatch is refused in one line and left as it is")
    func newerSchemaIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let newer = try await Self.connection(to: path)
        _ = try await newer.query("PRAGMA application_id = \(0x4A57_5354)")
        _ = try await newer.query("CREATE TABLE jobs (id INTEGER PRIMARY KEY, future TEXT)")
        _ = try await newer.query("PRAGMA user_version = 99")
        try await newer.close()
        let before = try #require(FileManager.default.contents(atPath: path))

        let database = StateDatabase(path: path)
        let problem = await #expect(throws: StateProblem.self) { try await database.load(.watched) }?.description ?? ""
        #expect(problem.contains("newer jobwatch") && problem.contains("99"), "\(problem)")
        #expect(problem.contains(path) && !problem.contains("\n"), "\(problem)")
        await #expect(throws: StateProblem.self, "a save is refused too") {
            try await database.apply(Sample.batch(Sample.row(Sample.job("new"), readAt: Sample.at(1))))
        }
        #expect(await database.notices.isEmpty, "not moved aside")
        await database.close()
        #expect(FileManager.default.contents(atPath: path) == before, "left as it is")
        #expect(folder.names() == ["state.db"])
    }

    @Test("another program's SQLite database is refused in one line and left as it is")
    func foreignDatabaseIsRefused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let foreign = try await Self.connection(to: path)
        _ = try await foreign.query("CREATE TABLE notes (body TEXT)")
        _ = try await foreign.query("INSERT INTO notes VALUES ('mine')")
        try await foreign.close()
        let before = try #require(FileManager.default.contents(atPath: path))

        let database = StateDatabase(path: path)
        let problem = await #expect(throws: StateProblem.self) { try await database.load(.watched) }?.description ?? ""
        await database.close()
        #expect(problem.contains("not jobwatch's state") && !problem.contains("\n"), "\(problem)")
        #expect(FileManager.default.contents(atPath: path) == before, "left as it is")
    }

    @Test("a database file that cannot be written is still read, and a save says read-only")
    func readOnlyFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let writer = StateDatabase(path: path)
        try await writer.apply(Sample.batch(Sample.row(Sample.job("kept"), readAt: Sample.at(1))))
        // The last connection folds the WAL into the file and removes it.
        await writer.close()
        #expect(folder.names() == ["state.db"])
        let undo = try Self.makeReadOnly(path)
        defer { undo() }

        let database = StateDatabase(path: path)
        let loaded = try await database.load(.watched)
        #expect(loaded.file.jobs.map(\.jobID) == ["kept"], "still read")
        let problem = await #expect(throws: StateProblem.self) {
            try await database.apply(Sample.batch(Sample.row(Sample.job("new"), readAt: Sample.at(2))))
        }?.description ?? ""
        await database.close()
        #expect(problem.contains("read-only") && problem.contains(path), "\(problem)")
        #expect(!problem.contains("\n"))
    }

    @Test("two processes writing different jobs both keep theirs")
    func twoWritersKeepBoth() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let first = StateDatabase(path: path), second = StateDatabase(path: path)
        // Both create and read the (empty) database at once, as two windows opened together.
        async let firstOpened = first.load(.watched)
        async let secondOpened = second.load(.watched)
        #expect(try await firstOpened.file.jobs.isEmpty)
        #expect(try await secondOpened.file.jobs.isEmpty)

        var mine = Sample.batch(Sample.row(Sample.job("first", subJobs: 2), readAt: Sample.at(1)))
        mine.events = [Transition(at: Sample.at(1), key: Sample.key("first"), profile: "p", from: nil, to: .running)]
        try await first.apply(mine)
        var theirs = Sample.batch(Sample.row(Sample.job("second", subJobs: 2), readAt: Sample.at(2)))
        theirs.events = [Transition(at: Sample.at(2), key: Sample.key("second"), profile: "p", from: nil, to: .running)]
        try await second.apply(theirs)
        // Each saves its own job again, knowing nothing of the other's.
        try await first.apply(Sample.batch(Sample.row(Sample.job("first", status: .success, subJobs: 2), readAt: Sample.at(3))))
        try await second.apply(Sample.batch(Sample.row(Sample.job("second", status: .fail, subJobs: 2), readAt: Sample.at(4))))

        let reader = StateDatabase(path: path)
        let loaded = try await reader.load(.watched)
        await reader.close()
        #expect(loaded.file.jobs.map(\.jobID) == ["first", "second"])
        #expect(loaded.file.jobs.map { $0.job?.status } == [.success, .fail])
        #expect(loaded.file.jobs.map { $0.job?.subJobs.count } == [2, 2])
        #expect(loaded.file.events.map(\.key.jobID) == ["first", "second"])
        #expect(try await first.load(.watched).file.jobs.map(\.jobID) == ["first", "second"], "each sees the other's")
        await first.close()
        await second.close()
    }

    /// Two windows started together on a new database: one read another's half-made file as
    /// another program's (about one start in twelve). A race, so tried many times.
    @Test("two processes creating a new database at once both open it")
    func concurrentFirstOpens() async throws {
        var problems: [String] = []
        for _ in 0..<60 {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let path = folder.file("state.db")
            let first = StateDatabase(path: path), second = StateDatabase(path: path)
            async let firstOpened = Result { () async throws(StateProblem) in try await first.load(.watched) }
            async let secondOpened = Result { () async throws(StateProblem) in try await second.load(.watched) }
            for case .failure(let problem) in await [firstOpened, secondOpened] { problems.append(problem.description) }
            await first.close()
            await second.close()
        }
        #expect(problems.isEmpty, "\(problems.count) of 120 opens failed: \(problems.first ?? "")")
    }

    /// One engine's database is used by its save, its lease round and its reads of other
    /// windows' changes at once: each awaits SQLite, and the actor takes the next meanwhile.
    /// They opened the connection twice (one dropped unclosed) or began a transaction inside
    /// another's ("cannot start a transaction within a transaction").
    @Test("saves, lease rounds and reads at once on one database run one after another")
    func concurrentOperationsOnOneDatabase() async throws {
        var problems: [String] = []
        for round in 0..<20 {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let database = StateDatabase(path: folder.file("state.db"))
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        do throws(StateProblem) {
                            try await database.apply(Sample.batch(Sample.row(Sample.job("job-\(index)"), readAt: Sample.at(Double(round)))))
                            return nil
                        } catch { return "apply: \(error)" }
                    }
                    group.addTask {
                        do throws(StateProblem) {
                            _ = try await database.leaseRound(
                                holder: "holder-\(index)", pid: 1, now: Date(), budgets: ["budget"],
                                wanted: [StateDatabase.Want(key: Sample.key("job-\(index)"), profile: "p", budget: "budget")], unwanted: [], leaseFor: 6
                            )
                            return nil
                        } catch { return "leaseRound: \(error)" }
                    }
                    group.addTask {
                        do throws(StateProblem) {
                            _ = try await database.dataVersion()
                            _ = try await database.changes(after: StateDatabase.Cursor(), keys: [], watchList: true)
                            _ = try await database.load(.watched)
                            return nil
                        } catch { return "read: \(error)" }
                    }
                }
                return await group.reduce(into: [String]()) { if let problem = $1 { $0.append(problem) } }
            }
            problems += outcomes
            let saved = try await database.load(.watched).file.jobs.map(\.jobID).sorted()
            if saved != (0..<4).map({ "job-\($0)" }) { problems.append("saved \(saved)") }
            await database.close()
        }
        #expect(problems.isEmpty, "\(problems.count) problems: \(problems.prefix(3))")
    }

    @Test("a database dropped without close() closes its connection all the same")
    func droppedWithoutClose() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        var database: StateDatabase? = StateDatabase(path: path)
        try await database?.apply(Sample.batch(Sample.row(Sample.job("kept"), readAt: Sample.at(1))))
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "open, in WAL mode")
        database = nil
        // The last connection to close folds the WAL into the file and removes it.
        let closed = await Self.eventually { !FileManager.default.fileExists(atPath: path + "-wal") }
        #expect(closed, "\(folder.names())")
        let reader = StateDatabase(path: path)
        #expect(try await reader.load(.watched).file.jobs.map(\.jobID) == ["kept"])
        await reader.close()
    }

    @Test("a save with a retention cutoff drops finished old jobs, unwatched old answers and old events")
    func retentionCutoff() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = StateDatabase(path: folder.file("state.db"))
        let now = Sample.at(30 * 86_400), old = Sample.at(0), recent = now.addingTimeInterval(-3_600)
        var batch = Sample.batch(
            Sample.row(Sample.job("done-old", status: .success, endTime: old), readAt: old),
            // Ended long ago but read since: kept, as `Retention.isExpired` says.
            Sample.row(Sample.job("done-read-since", status: .success, endTime: old), readAt: recent),
            Sample.row(Sample.job("running-old"), readAt: old),
            Sample.row(Sample.job("answer-nobody-watches"), readAt: old, watched: nil),
            Sample.row(Sample.job("done-recent", status: .fail, endTime: recent), readAt: recent)
        )
        let key = Sample.key("done-old")
        batch.events = [
            Transition(at: old, key: key, profile: "p", from: nil, to: .running),
            Transition(at: old.addingTimeInterval(60), key: key, profile: "p", from: .running, to: .success),
            Transition(at: recent, key: Sample.key("done-recent"), profile: "p", from: .running, to: .fail),
        ]
        try await database.apply(batch)
        var retention = StateBatch()
        retention.retentionCutoff = now.addingTimeInterval(-7 * 86_400)
        try await database.apply(retention)

        let loaded = try await database.load(.all)
        await database.close()
        #expect(loaded.file.jobs.map(\.jobID) == ["done-read-since", "running-old", "done-recent"])
        #expect(loaded.file.events == [batch.events[2]])
        #expect(loaded.file.droppedEvents == 2, "dropped events are counted")
    }

    @Test("a database deleted while open is begun again at its path; a folder that became a file is said")
    func deletedWhileOpen() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let stateFolder = folder.file("state"), path = folder.file("state/state.db")
        let database = StateDatabase(path: path)
        try await database.apply(Sample.batch(Sample.row(Sample.job("before"), readAt: Sample.at(1))))

        // Deleted under it (its folder cleaned up): the next save is not written to the
        // deleted file, where nobody would read it.
        try FileManager.default.removeItem(atPath: stateFolder)
        try await database.apply(Sample.batch(Sample.row(Sample.job("after"), readAt: Sample.at(2))))
        let reader = StateDatabase(path: path)
        #expect(try await reader.load(.all).file.jobs.map(\.jobID) == ["after"], "written where it is read")
        await reader.close()

        // Its folder replaced by a file: the save fails, in one line that says why.
        try FileManager.default.removeItem(atPath: stateFolder)
        #expect(FileManager.default.createFile(atPath: stateFolder, contents: Data()))
        let problem = await #expect(throws: StateProblem.self) {
            try await database.apply(Sample.batch(Sample.row(Sample.job("lost"), readAt: Sample.at(3))))
        }?.description ?? ""
        await database.close()
        #expect(problem.contains("\(stateFolder): is a file, not a folder") && !problem.contains("\n"), "\(problem)")
    }

    /// Another window's cursor counted the old file's changes: the new file's counter began
    /// again below it, and its rows were never read.
    @Test("a window reading changes of a database deleted and begun again reads the new one whole")
    func changesOfADatabaseBegunAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let writer = StateDatabase(path: path), reader = StateDatabase(path: path)
        for second in 1...5 {
            try await writer.apply(Sample.batch(Sample.row(Sample.job("old-\(second)"), readAt: Sample.at(Double(second)))))
        }
        let cursor = try await reader.load(.watched).cursor
        #expect(cursor.change >= 5)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try await writer.apply(Sample.batch(Sample.row(Sample.job("new"), readAt: Sample.at(10))))
        let changes = try await reader.changes(after: cursor, keys: [], watchList: true)
        #expect(changes.jobs.map(\.job.jobID) == ["new"])
        let again = try await reader.changes(after: changes.cursor, keys: [], watchList: true)
        #expect(again.jobs.isEmpty, "read once")
        await writer.close()
        await reader.close()
    }

    @Test("a save while another process holds the write lock fails after the busy timeout, saying it is locked")
    func lockedDatabase() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("state.db")
        let database = StateDatabase(path: path, busyTimeout: .seconds(1))
        try await database.apply(Sample.batch(Sample.row(Sample.job("before"), readAt: Sample.at(1))))
        let other = try await Self.connection(to: path)
        _ = try await other.query("BEGIN IMMEDIATE")

        let clock = ContinuousClock()
        let started = clock.now
        let problem = await #expect(throws: StateProblem.self) {
            try await database.apply(Sample.batch(Sample.row(Sample.job("during"), readAt: Sample.at(2))))
        }?.description ?? ""
        #expect(clock.now - started >= .milliseconds(900), "it waited for the lock first")
        #expect(problem.contains("locked by another process for over 1 s") && problem.contains(path), "\(problem)")
        #expect(!problem.contains("\n"))

        // Once the lock is let go, the next try is written.
        _ = try await other.query("ROLLBACK")
        try await database.apply(Sample.batch(Sample.row(Sample.job("during"), readAt: Sample.at(2))))
        #expect(try await database.load(.all).file.jobs.map(\.jobID) == ["before", "during"])
        await database.close()
        try await other.close()
    }
}

// MARK: - Files and connections

extension StateDatabaseTests {
    /// A connection of the test's own, as another process would have (sqlite-nio's: it waits
    /// for a lock without end).
    static func connection(to path: String) async throws -> SQLiteConnection {
        try await SQLiteConnection.open(storage: .file(path: path))
    }

    /// Folds the WAL into the database and empties it: what the next save writes is all it holds.
    static func truncateWAL(_ connection: SQLiteConnection, of path: String) async throws {
        let result = try await connection.query("PRAGMA wal_checkpoint(TRUNCATE)").first
        #expect(result?.column("busy")?.integer == 0, "the checkpoint was not blocked")
        #expect(size(of: path + "-wal") == 0)
    }

    /// Checks `condition` every few milliseconds for up to 10 s of real time.
    static func eventually(_ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func mode(of path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }

    /// Makes `path` unwritable for this process, and returns how to undo it. Root ignores file
    /// permissions, so as root the file is made immutable (`chattr +i`), which root obeys too.
    static func makeReadOnly(_ path: String) throws -> () -> Void {
        guard getuid() == 0 else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            return { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        }
        let (status, output) = chattr("+i", path)
        guard status == 0 else {
            // Only a file system without the immutable flag (tmpfs, overlay) leaves no way.
            try Test.cancel("running as root, and `chattr +i` failed here (\(output)): no read-only file root cannot write")
        }
        return { _ = chattr("-i", path) }
    }

    private static func chattr(_ flag: String, _ path: String) -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chattr", flag, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "\(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

// MARK: - Jobs and old state files

enum Sample {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    static func key(_ id: String) -> JobKey { JobKey(endpoint: "127.0.0.1:9", projectID: "p", jobID: id) }

    /// A batch-create job with `count` sub-jobs, each naming its server, NIC and volume (about
    /// 400 bytes of JSON each, as the service's are).
    static func job(_ id: String, status: JobStatus = .running, subJobs count: Int = 0, endTime: Date? = nil) -> Job {
        let subJobs = (0..<count).map { index in
            let tail = String(index, radix: 16)
            let uuid = { (prefix: String) in prefix + String(repeating: "0", count: 12 - tail.count) + tail }
            return Job(
                id: "2c9eb2c5544cbf61" + String(repeating: "0", count: 16 - tail.count) + tail, type: "baremetalSingleCreate", status: .running,
                beginTime: start, entities: JobEntities(attributes: [
                    EntityAttribute(key: "server_id", value: uuid("5a1e0c4d-93b2-4f6e-8d7a-")),
                    EntityAttribute(key: "nic_id", value: uuid("0b7c2e91-4d3a-4c8f-9e1b-")),
                    EntityAttribute(key: "volume_id", value: uuid("e4f8a2d6-1c9b-4a7e-b3d5-")),
                ])
            )
        }
        return Job(id: id, type: "baremetalBatchCreate", status: status, beginTime: start, endTime: endTime, entities: JobEntities(subJobsTotal: count, subJobs: subJobs))
    }

    /// A row on the dashboards' watch list unless `watched` says otherwise.
    static func row(_ job: Job?, id: String? = nil, readAt: Date?, label: String? = nil, watched: Bool? = true) -> StateBatch.JobRow {
        StateBatch.JobRow(key: key(id ?? job?.id ?? "?"), profile: "p", label: label, job: job, readAt: readAt, watched: watched)
    }

    static func batch(_ rows: StateBatch.JobRow...) -> StateBatch {
        var batch = StateBatch()
        batch.jobs = rows
        return batch
    }

    /// A state file of jobwatch's first version: jobs known by profile name only.
    static let versionOne = #"""
    {"version":1,"savedAt":"2027-01-15T08:00:00.000Z","events":[{"at":"2027-01-15T07:59:00.000Z","key":{"profile":"old","jobID":"aaaa"},"from":"RUNNING","to":"SUCCESS"}],
     "jobs":[{"entry":{"key":{"profile":"old","jobID":"aaaa"},"label":"web"},"job":{"id":"aaaa","status":"SUCCESS","entities":{"attributes":[],"subJobs":[]}},"readAt":"2027-01-15T08:00:00.000Z"}]}
    """#

    /// What the JSON state file held last: placed jobs with sub-jobs, events, names, a count of dropped events.
    static var versionTwo: StateFile {
        let running = job("running", subJobs: 4), done = job("done", status: .success, subJobs: 2, endTime: at(50))
        return StateFile(
            savedAt: at(60),
            jobs: [
                .init(profile: "p", key: key("running"), jobID: "running", label: "db tier", job: running, readAt: at(55)),
                .init(profile: "p", key: key("done"), jobID: "done", label: nil, job: done, readAt: at(52)),
            ],
            events: [
                Transition(at: at(40), key: key("done"), profile: "p", from: nil, to: .running),
                Transition(at: at(50), key: key("done"), profile: "p", from: .running, to: .success),
            ],
            droppedEvents: 7,
            resources: [.init(key: ResourceKey(api: .bmsServer, endpoint: "127.0.0.1:9", projectID: "p", id: "srv"), resource: Resource(kind: .server, id: "srv", name: "db-1"))]
        )
    }
}
