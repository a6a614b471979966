import JobModel
import JobAPI

/// `Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders={a;b}, Signature={hex}`.
struct AuthorizationHeader: Sendable, Hashable {
    var accessKeyID: String
    /// Lower-cased, in the order sent.
    var signedHeaders: [String]
    var signature: String

    init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(Signer.algorithm + " ") else { return nil }
        var fields: [String: String] = [:]
        for part in trimmed.dropFirst(Signer.algorithm.count + 1).split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[pair[0].trimmingCharacters(in: .whitespaces)] = pair[1].trimmingCharacters(in: .whitespaces)
        }
        guard let access = fields["Access"], !access.isEmpty,
              let signed = fields["SignedHeaders"], !signed.isEmpty,
              let signature = fields["Signature"], !signature.isEmpty
        else { return nil }
        self.accessKeyID = access
        self.signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
        self.signature = signature
    }
}
