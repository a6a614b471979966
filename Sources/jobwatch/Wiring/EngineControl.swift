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

    /// `ID` or `SERVICE/ID`, as on the command line.
    func add(jobID: String) async -> String? {
        do {
            let item = try JobIDText.argument(jobID)
            try await engine.add([WatchEntry(profile: profile, jobID: item.id, service: item.service)])
            return nil
        } catch {
            return "\(error)"
        }
    }

    func remove(_ key: JobKey) async {
        await engine.remove(key)
    }
}
