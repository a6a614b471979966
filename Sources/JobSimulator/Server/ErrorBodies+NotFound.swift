import JobModel

extension ErrorBodies {
    /// A 404 for a job that is not there, in the shape of the service it was asked of
    /// (docs/api/SERVICES.md §1–§6); `nil` (a `/v1` ID the scenario does not know) keeps BMS's shape.
    /// The CCE and VPC codes are the documented ones; the others are the simulator's pick,
    /// as no document shows a missing job's body (docs/api/SERVICES.md §9.6).
    static func jobNotFound(jobID: String, projectID: String?, service: Service? = nil) -> SimulatedAnswer {
        let message = projectID.map { "The job \(jobID) does not exist in project \($0)." } ?? "The job \(jobID) does not exist."
        switch service?.name {
        case Service.cce.name?:
            return .json(404, .object([
                .init("errorCode", .string("CCE.01404001")),
                .init("errorMessage", .string("Resource not found.")),
            ]))
        case Service.evs.name?:
            return .json(404, .object([
                .init("itemNotFound", .object([.init("message", .string(message)), .init("code", .string("EVS.0004"))])),
            ]))
        case Service.vpc.name?:
            return .json(404, .object([.init("code", .string("VPC.0504")), .init("message", .string(message))]))
        case Service.ims.name?:
            return .json(404, .object([
                .init("error", .object([.init("message", .string(message)), .init("code", .string("IMG.0001"))])),
            ]))
        case Service.ecs.name?:
            return wrapped(code: "Ecs.0005", message: message)
        default:
            return wrapped(code: "BMS.0005", message: message)
        }
    }

    /// BMS's and ECS's shape: `{"error":{"code":…,"message":…}}`.
    private static func wrapped(code: String, message: String) -> SimulatedAnswer {
        .json(404, .object([.init("error", .object([.init("code", .string(code)), .init("message", .string(message))]))]))
    }
}
