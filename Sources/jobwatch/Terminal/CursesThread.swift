import Foundation
import JobModel
import Synchronization

/// The thread that owns the terminal: a `SerialExecutor` for `CursesActor` that also watches stdin.
///
/// The loop sleeps in `poll(2)` on two descriptors:
/// - the read end of a pipe, written once by `enqueue` when work arrives: run the queued jobs;
/// - stdin, while a reader is registered: hand "input is ready" to the reader, which schedules a
///   `@CursesActor` job that drains the keys without blocking (`nodelay`). stdin leaves the poll
///   set until that job has run, so readable input never makes the loop spin.
final class CursesThread: SerialExecutor, Sendable {
    static let shared = CursesThread()

    private struct State: ~Copyable {
        var jobs: [UnownedJob] = []
        var wakePending = false
    }

    /// Someone waiting for stdin: `ready(hangup)` runs on this thread, from the loop.
    struct InputReader: Sendable {
        var fd: Int32
        var ready: @Sendable (_ hangup: Bool) -> Void
    }

    private let state = Mutex(State())
    private let reader = Mutex<InputReader?>(nil)
    /// Set while the reader's drain job is queued or running: stdin is not polled meanwhile.
    private let readScheduled = Atomic<Bool>(false)
    private let threadID = Mutex<pthread_t?>(nil)
    private let wakeRead: Int32
    private let wakeWrite: Int32

    private init() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            fatalError("jobwatch: cannot create the terminal thread's pipe (errno \(errno))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            Self.unblockJobControl()
            threadID.withLock { $0 = pthread_self() }
            started.signal()
            loop()
        }
        thread.name = "jobwatch-curses"
        thread.start()
        started.wait()
    }

    /// The thread may be born of a concurrency pool thread, which blocks every signal. With
    /// SIGTTIN and SIGTTOU blocked, a dashboard in the background draws over the shell and its
    /// reads fail with EIO; unblocked, the kernel stops it there, as it stops vim, until `fg`.
    private static func unblockJobControl() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTTIN)
        sigaddset(&set, SIGTTOU)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    // MARK: - SerialExecutor

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let mustWake = state.withLock { state in
            state.jobs.append(job)
            defer { state.wakePending = true }
            return !state.wakePending
        }
        if mustWake { wake() }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func isIsolatingCurrentContext() -> Bool? {
        isCurrentThread
    }

    func checkIsolated() {
        precondition(isCurrentThread, "not on the jobwatch-curses thread")
    }

    var isCurrentThread: Bool {
        guard let owner = threadID.withLock({ $0 }) else { return false }
        return pthread_equal(owner, pthread_self()) != 0
    }

    // MARK: - stdin

    /// Starts (or with `nil`, stops) watching a descriptor; call from `@CursesActor` code.
    func watchInput(_ newReader: InputReader?) {
        reader.withLock { $0 = newReader }
        readScheduled.store(false, ordering: .releasing)
        wake()
    }

    /// The reader's drain job has run: poll stdin again.
    func inputDrained() {
        readScheduled.store(false, ordering: .releasing)
    }

    // MARK: - The loop

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)  // EAGAIN: the pipe is full, the loop is awake anyway.
    }

    private func loop() -> Never {
        var scratch = [UInt8](repeating: 0, count: 64)
        while true {
            let input = readScheduled.load(ordering: .acquiring) ? nil : reader.withLock { $0 }
            var fds = [pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            if let input { fds.append(pollfd(fd: input.fd, events: Int16(POLLIN), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 { continue }  // EINTR

            if fds[0].revents != 0 {
                while read(wakeRead, &scratch, scratch.count) > 0 {}
            }
            if let input, fds.count > 1, fds[1].revents != 0 {
                let hangup = fds[1].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
                readScheduled.store(true, ordering: .releasing)
                input.ready(hangup)
            }
            let jobs = state.withLock { state in
                state.wakePending = false
                defer { state.jobs.removeAll(keepingCapacity: true) }
                return state.jobs
            }
            for job in jobs {
                job.runSynchronously(on: asUnownedSerialExecutor())
            }
        }
    }
}
