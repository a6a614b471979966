#if canImport(Glibc)
import CMalloc
import Glibc
#endif

/// One malloc arena for the whole process. glibc gives threads that allocate at once arenas of
/// their own (up to eight a core), and memory freed in one is not reused by another: it stays in
/// the RSS. A soak (`scripts/soak 3`) grew 16.8 KiB of RSS per watched job with the default and
/// 8.8 KiB with one arena. jobwatch's threads seldom allocate at the same moment, and glibc's
/// per-thread cache serves most small allocations without the arena's lock.
enum MallocArenas {
    /// Call first thing in `main`. A `MALLOC_ARENA_MAX` in the environment is the user's choice.
    static func limitToOne() {
        #if canImport(Glibc)
        guard getenv("MALLOC_ARENA_MAX") == nil else { return }
        _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
