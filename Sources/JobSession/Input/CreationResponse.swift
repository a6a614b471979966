import Foundation
import JobModel
import JobAPI

/// The job IDs in a response to a create or operate request (docs/api/SERVICES.md §7), in every
/// documented spelling, with the service when the shape tells it:
///
/// - `job_id` (trimmed: an IMS example has `" b912…"`); beside `serverIds` it is ECS's,
///   beside `volume_ids` EVS's;
/// - `job_ids` (EIP batch delete/disassociate): VPC;
/// - top-level `jobid`/`jobID`, `status.jobID`/`status.jobId`, `metadata.annotations.jobid`: CCE;
/// - top-level `jobId`: no service implied;
/// - `order_id`/`orderId`/`orderID` of a yearly/monthly create (FAMILIES.md §8.1): the order,
///   watched as `order/ID` beside the job the same answer names, if any.
///
/// An object naming none of them is searched inside (CBR's `orders[*].orderId`).
enum CreationResponse {
    static func read(_ value: JSONValue, prefixed: Service?, place: String) throws(JobReference.Problem) -> JobIDText.Parsed {
        var found = Found()
        found.collect(value)
        if found.items.isEmpty && found.notices.isEmpty {
            throw JobReference.Problem(description: "\(place): JSON without any \"job_id\" (nor job_ids, jobid, jobId, status.jobID) — give job IDs one per line, or the JSON the API returned")
        }
        for item in found.items {
            if let problem = JobID.problem(with: item.id) {
                throw JobReference.Problem(description: "\(place): job ID \(JobID.quoted(item.id)) \(problem)")
            }
        }
        let items = found.items.map { JobReference(id: $0.id, service: prefixed ?? $0.service) }
        return JobIDText.Parsed(items: items, notices: found.notices)
    }

    private struct Found {
        var items: [JobReference] = []
        var notices: [String] = []

        mutating func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                let here = Self.ids(in: object)
                if !here.isEmpty {
                    for item in here where !items.contains(where: { $0.id == item.id }) { items.append(item) }
                } else {
                    for key in object.keys.sorted() { collect(object[key]!) }
                }
            case .array(let array):
                for element in array { collect(element) }
            default:
                break
            }
        }

        /// The IDs one object names itself; the same ID in two places counts once.
        static func ids(in object: [String: JSONValue]) -> [JobReference] {
            var found: [JobReference] = []
            func add(_ id: String?, _ service: Service?) {
                guard let id, !found.contains(where: { $0.id == id }) else { return }
                found.append(JobReference(id: id, service: service))
            }
            let beside: Service? = object["serverIds"] != nil ? .ecs : object["volume_ids"] != nil ? .evs : nil
            add(string(object["job_id"]), beside)
            switch object["job_ids"] {
            case .array(let ids)?: for id in ids { add(string(id), .vpc) }
            case let id?: add(string(id), .vpc)
            case nil: break
            }
            add(string(object["jobid"]), .cce)
            add(string(object["jobID"]), .cce)
            add(string(object["status"]?["jobID"]), .cce)
            add(string(object["status"]?["jobId"]), .cce)
            add(string(object["metadata"]?["annotations"]?["jobid"]), .cce)
            add(string(object["jobId"]), nil)
            for key in ["order_id", "orderId", "orderID"] {
                if let order = string(object[key]), !order.isEmpty { add(order, .order) }
            }
            return found
        }

        /// A string value, trimmed; `""` stays (and is refused as an empty ID).
        static func string(_ value: JSONValue?) -> String? {
            guard case .string(let text)? = value else { return nil }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
