import Foundation
import JobModel

/// Reads an error out of a JSON body, in the order the SDK does (docs/api/SERVICES.md §0), plus CCE's:
/// `error_code/error_msg` (gateway), `errorCode/errorMessage` (CCE), `errorCode/errorMsg`,
/// `code/message` (VPC), then the same pairs inside any nested object (ECS/IMS
/// `{"error": {…}}`, EVS `{"itemNotFound": {…}}`, `{"badrequest": {…}}`).
package enum ErrorFields {
    package struct Found: Sendable, Hashable {
        package var code: String?
        package var message: String?
    }

    /// Each code key with the message keys that go with it, in order.
    static let pairs: [(code: String, messages: [String])] = [
        ("error_code", ["error_msg", "error_message"]), ("errorCode", ["errorMessage", "errorMsg"]),
        // SFS Turbo (FAMILIES.md §4); RDS's v1 APIs say `externalMessage`.
        ("errCode", ["errMsg", "externalMessage"]), ("code", ["message"]),
    ]

    package static func find(in json: JSONValue) -> Found? {
        guard case .object(let object) = json else { return nil }
        for (codeKey, messageKeys) in pairs {
            let code = object[codeKey]?.text
            let message = messageKeys.lazy.compactMap { object[$0]?.text }.first
            if code != nil || message != nil { return ErrorCodeShape.unswapped(Found(code: code, message: message)) }
        }
        // Then nested objects; sorted keys keep the answer stable.
        for key in object.keys.sorted() {
            if let value = object[key], let found = find(in: value) { return found }
        }
        return nil
    }
}
