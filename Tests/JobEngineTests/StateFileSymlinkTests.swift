import Foundation
import JobModel
import JobEngine
import Testing

/// A state file that is a symlink (to a synced folder, say) is written through to its target:
/// the link stays a link, and the target gets the new state.
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
}
