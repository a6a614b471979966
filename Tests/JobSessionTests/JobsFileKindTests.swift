import Clocks
import Foundation
import JobModel
import JobAPI
@testable import JobSession
import Testing

/// `--jobs-file` naming something other than a growing regular file: a FIFO is read as a
/// stream, a directory or device is refused at start, and an overlong line is one problem.
@Suite("Jobs file: FIFOs, devices, long lines")
struct JobsFileKindTests {
    static let id = "2c9eb2c5544cbf6101544f0602af2b4f"

    @Test("a directory, /dev/zero and /dev/urandom are refused at start with one line", arguments: ["/tmp", "/dev/zero", "/dev/urandom", "/dev/null"])
    func refused(path: String) {
        #expect {
            _ = try JobsFileFollower(path: path).updates(clock: .continuous)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("--jobs-file \(path)") && text.contains(" — ") && !text.contains("\n")
        }
    }

    @Test("a FIFO is read as its writers write, and again after each writer closes it", .timeLimit(.minutes(1)))
    func fifo() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer {
            // Frees a writer still blocked in open if the test failed, then removes the FIFO.
            let reader = open(path, O_RDONLY | O_NONBLOCK)
            if reader >= 0 { close(reader) }
            unlink(path)
        }
        #expect(throws: Never.self) { _ = try JobsFileFollower(path: path).updates(clock: .continuous) }
        var reader = JobsFileFollower.Reader(path: path, isFIFO: true)
        defer { reader.stop() }
        for (round, id) in ["a1", "b2"].enumerated() {
            // A writer's open blocks until a reader has the FIFO open: on a thread of its own.
            let line = "\(id) label \(round)\n"
            Thread.detachNewThread {
                let fd = open(path, O_WRONLY)
                guard fd >= 0 else { return }
                _ = line.withCString { write(fd, $0, strlen($0)) }
                close(fd)
            }
            var updates: [JobsFileFollower.Update] = []
            let deadline = ContinuousClock.now + .seconds(10)
            while updates.isEmpty, ContinuousClock.now < deadline {
                updates = reader.poll()
                if updates.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(updates == [.jobs([.init(id: id, label: "label \(round)")])], "round \(round)")
        }
    }

    @Test("a 10 MB line is one problem naming its line number, and the next line is read")
    func longLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-long-\(UUID().uuidString).txt").path
        defer { unlink(path) }
        let text = "a1\n" + String(repeating: "x", count: 10_000_000) + "\n" + "b2\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        var reader = JobsFileFollower.Reader(path: path)
        let updates = reader.poll()
        #expect(updates.first == .jobs([.init(id: "a1"), .init(id: "b2")]))
        let problems = updates.compactMap { if case .problem(let text) = $0 { text } else { nil } }
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.contains(":2: line is longer than"), "\(problem)")
        #expect(problem.utf8.count < 300)
    }

    @Test("a long line arriving in pieces is reported once")
    func longLineInPieces() {
        var splitter = LineSplitter(maxLineBytes: 10)
        #expect(splitter.append(Data("a1\n12345".utf8)) == [.text(number: 1, "a1")])
        #expect(splitter.append(Data("678901".utf8)) == [.tooLong(number: 2)])
        #expect(splitter.append(Data("more".utf8)) == [])
        #expect(splitter.append(Data("x\nb2\n".utf8)) == [.text(number: 3, "b2")])
    }
}
