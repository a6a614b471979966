import JobModel
import JobAPI
import JobEngine

/// The dashboard's requests, carried out on the engine: new jobs join the selected profile.
struct EngineControl: DashboardControl {
    let engine: Engine
    let profile: String

    func refresh(_ key: JobKey?) async {
        await engine.refresh(key)
    }

    func add(jobID: String) async -> String? {
        do {
            try await engine.add([WatchEntry(profile: profile, jobID: jobID)])
            return nil
        } catch {
            return error.description
        }
    }

    func remove(_ key: JobKey) async {
        await engine.remove(key)
    }
}
