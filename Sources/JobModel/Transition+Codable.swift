import Foundation

/// State files of version 1 stored a transition's key as `{profile, jobID}`; those load with
/// an unplaced key and their profile.
extension Transition: Codable {
    private enum CodingKeys: String, CodingKey {
        case at, key, profile, subJobID, jobType, from, to, reason, label, resourceName
    }

    private struct ProfileKey: Decodable {
        var profile: String
        var jobID: String
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decode(Date.self, forKey: .at)
        if let profile = try container.decodeIfPresent(String.self, forKey: .profile) {
            self.profile = profile
            key = try container.decode(JobKey.self, forKey: .key)
        } else {
            let old = try container.decode(ProfileKey.self, forKey: .key)
            profile = old.profile
            key = .unplaced(jobID: old.jobID)
        }
        subJobID = try container.decodeIfPresent(String.self, forKey: .subJobID)
        jobType = try container.decodeIfPresent(String.self, forKey: .jobType)
        from = try container.decodeIfPresent(JobStatus.self, forKey: .from)
        to = try container.decode(JobStatus.self, forKey: .to)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        resourceName = try container.decodeIfPresent(String.self, forKey: .resourceName)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(at, forKey: .at)
        try container.encode(key, forKey: .key)
        try container.encode(profile, forKey: .profile)
        try container.encodeIfPresent(subJobID, forKey: .subJobID)
        try container.encodeIfPresent(jobType, forKey: .jobType)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encodeIfPresent(resourceName, forKey: .resourceName)
    }
}
