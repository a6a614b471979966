import Foundation
import JobModel

/// Reads an error out of a JSON body, in the order JOB-API.md gives:
/// `error_code/error_msg` (gateway), `errorCode/errorMsg`, `code/message`,
/// then the same pairs inside any nested object (BMS: `{"error": {"code", "message"}}`).
public enum ErrorFields {
    public struct Found: Sendable, Hashable {
        public var code: String?
        public var message: String?
    }

    static let pairs = [("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message")]

    public static func find(in json: JSONValue) -> Found? {
        guard case .object(let object) = json else { return nil }
        for (codeKey, messageKey) in pairs {
            let code = object[codeKey]?.text
            let message = object[messageKey]?.text
            if code != nil || message != nil { return Found(code: code, message: message) }
        }
        // Then nested objects; sorted keys keep the answer stable.
        for key in object.keys.sorted() {
            if let value = object[key], let found = find(in: value) { return found }
        }
        return nil
    }
}
