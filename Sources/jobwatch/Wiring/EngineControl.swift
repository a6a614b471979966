import JobModel
import JobEngine

/// The dashboard's requests, carried out on the engine: new jobs join the selected profile.
struct EngineControl: DashboardControl {
    let engine: Engine
    let profile: String

    func refresh(_ key: JobKey?) async {
        await engine.refresh(key)
    }

    func add(_ reference: JobReference) async -> String? {
        do {
            try await engine.add([reference.watchEntry(defaultProfile: profile)])
            return nil
        } catch {
            return error.description
        }
    }

    func remove(_ key: JobKey) async {
        await engine.remove(key)
    }
}
