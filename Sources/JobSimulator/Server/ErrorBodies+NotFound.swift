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
        // FAMILIES.md §1.3: a 400; GeminiDB lists no job (as Terraform reads it, UNVERIFIED).
        case Service.geminidb.name?:
            return .json(200, .object([.init("total_count", .int(0)), .init("jobs", .array([]))]))
        case Service.rds.name?, Service.dds.name?, Service.opengauss.name?, Service.taurusdb.name?:
            return codeAndMessage(400, "error_code", "DBS.200543", "error_msg", "The job does not exist.")
        // §2: the unknown-job code is UNVERIFIED; the documented shape with a 404 code of its table.
        case Service.dcs.name?:
            return .json(404, .object([
                .init("error_code", .string("111404022")), .init("error_msg", .string(message)), .init("error_ext_msg", .null),
            ]))
        // §3: observed in public logs, not on the ShowJob page (UNVERIFIED).
        case Service.elb.name?:
            return .json(404, .object([
                .init("error_msg", .string("Job \(jobID) could not be found.")), .init("error_code", .string("ELB.8904")),
                .init("request_id", .string("0b1c6a8e0f6e4bd1a2f0c4b7e5d3a921")),
            ]))
        case Service.sfsturbo.name?:
            return codeAndMessage(404, "errCode", "SFS.TURBO.0106", "errMsg", "Invalid task id.")
        case Service.cbr.name?:
            return codeAndMessage(404, "error_code", "BackupService.6500", "error_msg", "Operation log does not exist.")
        // §6: an unknown instance; an unknown task on a known one is UNVERIFIED.
        // §7, §8.2: the unknown-job and unknown-order codes are UNVERIFIED; the simulator's pick,
        // in each one's documented error shape.
        case Service.geip.name?:
            return codeAndMessage(404, "error_code", "GEIP.0404", "error_message", "The job does not exist.")
        case Service.order.name?:
            return codeAndMessage(404, "error_code", "CBC.0101", "error_msg", "The order \(jobID) does not exist.")
        case Service.dms.name?:
            return codeAndMessage(404, "error_code", "DMS.00404022", "error_msg", "This instance does not exist.")
        default:
            return wrapped(code: "BMS.0005", message: message)
        }
    }

    private static func codeAndMessage(_ status: Int, _ codeKey: String, _ code: String, _ messageKey: String, _ message: String) -> SimulatedAnswer {
        .json(status, .object([.init(codeKey, .string(code)), .init(messageKey, .string(message))]))
    }

    /// BMS's and ECS's shape: `{"error":{"code":…,"message":…}}`.
    private static func wrapped(code: String, message: String) -> SimulatedAnswer {
        .json(404, .object([.init("error", .object([.init("code", .string(code)), .init("message", .string(message))]))]))
    }
}
