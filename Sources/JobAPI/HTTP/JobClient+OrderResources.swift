import Foundation
import JobModel

extension JobClient {
    /// The resources of a completed order (FAMILIES.md §8.3), `POST /v2/orders/suscriptions/
    /// resources/query` (sic) with `{order_id}`, each as a sub-job of the order: its status
    /// word from the number (`IN_USE`…), its name, type and region. A 429/5xx is thrown (the
    /// order is asked again); a refusal (403: the policy lacks the BSS action) is shown on the
    /// order instead, which keeps its completion.
    func orderResources(_ target: JobTarget, credential: Credential, now: Date, redactor: Redactor) async throws(APIError) -> [Job] {
        let path = target.endpoint.basePath + Service.orderResourcesPath
        // Serialised, not pasted: an ID is opaque text.
        let request: [String: any Sendable] = ["order_id": target.jobID, "only_main_resource": 0, "limit": 50]
        let body = Array((try? JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])) ?? Data())
        let answer = try await exchange(
            endpoint: target.endpoint, path: path, scope: RequestScope(service: .order, projectOrDomain: target.projectID), body: body,
            network: target.network, credential: credential, now: now)
        guard (200..<300).contains(answer.status) else {
            let error = Self.httpError(status: answer.status, body: answer.body, requestID: answer.requestID, retryAfter: answer.retryAfter, host: target.endpoint.hostHeader, redactor: redactor, now: now)
            if error.isWorthRetrying { throw error }
            return [Job(type: "resources", status: JobStatus(raw: "UNREADABLE", words: [:]), failReason: "\(error)")]
        }
        guard let json = try? JSONValue.parse(answer.body), case .array(let items)? = json["data"] else { return [] }
        let words = Service.order.statusWords
        return items.map { item in
            let raw = item["status"]?.text ?? ""
            var attributes: [EntityAttribute] = []
            for (key, name) in [("resource_name", "resource_name"), ("resource_type_code", "resource_type"), ("region_code", "region"), ("expire_time", "expires")] {
                if let value = item[key]?.text { attributes.append(EntityAttribute(key: name, value: value)) }
            }
            return Job(
                id: item["resource_id"]?.text, type: item["resource_type_code"]?.text,
                status: JobStatus(raw: Service.orderResourceStatusNames[raw] ?? raw, words: words),
                beginTime: JobTimestamp.parse(item["effective_time"]?.text),
                entities: JobEntities(attributes: attributes)
            )
        }
    }
}
