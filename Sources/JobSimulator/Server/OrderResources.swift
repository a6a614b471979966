import Foundation
import JobModel

/// BSS's `POST /v2/orders/suscriptions/resources/query` (sic; FAMILIES.md §8.3): the resources
/// of an order, once it has completed (`total_count` 0 before, as Terraform's wait expects:
/// "the ID of some resources may not be generated when the order is not completed").
enum OrderResources {
    static func answer(_ request: ReceivedRequest, scenario: Scenario, at t: Double, clock: ScenarioClock) -> SimulatedAnswer {
        guard let json = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
              let orderID = json["order_id"] as? String
        else {
            return .json(400, .object([.init("error_code", .string("CBC.0100")), .init("error_msg", .string("Invalid parameter: order_id."))]))
        }
        var resources: [JobPlan] = []
        var effective = ""
        if let order = scenario.byID[orderID], order.service == .order, order.isTerminal(at: t), case .success = order.outcome {
            resources = order.subJobs
            effective = JobPlan.time(clock.date(at: order.endsAt), .isoSeconds)
        }
        return .json(200, .object([
            .init("total_count", .int(resources.count)),
            .init("data", .array(resources.map { resource in
                .object([
                    .init("id", .string(resource.id)), .init("resource_id", .string(resource.id)),
                    .init("status", .int(2)), .init("is_main_resource", .int(1)),
                    .init("effective_time", .string(effective)),
                ] + resource.attributes)
            })),
        ]))
    }
}
