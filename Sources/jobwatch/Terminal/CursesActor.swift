import JobModel
/// The one isolation domain for every ncurses call.
///
/// ncurses is not thread safe, and it reads keys by blocking. Everything that touches curses is
/// `@CursesActor`, and this actor's executor is `CursesThread`: a dedicated thread that sleeps in
/// `poll(2)` on stdin and on a wake-up pipe. Work for the actor wakes it through the pipe; typed
/// input wakes it through stdin. So curses is only ever touched on that one thread, no cooperative
/// pool thread ever blocks on the terminal, and an idle dashboard costs no CPU.
@globalActor
actor CursesActor {
    static let shared = CursesActor()

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        CursesThread.shared.asUnownedSerialExecutor()
    }
}
