import Foundation
import JobModel
import JobEngine

/// `doctor --hosts`: where each service's jobs of each profile are read, from the profile's
/// region and cloud (or its URLs), without a request.
enum DoctorHosts {
    struct ProfileHosts: Encodable {
        var profile: String
        var cloud: String
        /// Hosts that follow a provider's pattern but no page shows (FAMILIES.md §9).
        var unverified: Bool
        var hosts: [String: String]
    }

    static func print(_ profiles: [ProfileTarget], json: Bool) {
        let listed = profiles.map { profile in
            ProfileHosts(
                profile: profile.name, cloud: profile.cloud.name, unverified: !profile.cloud.isVerified,
                hosts: Dictionary(uniqueKeysWithValues: Service.all.filter(profile.serves).map { ($0.name, profile.endpoint(for: $0).description) })
            )
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            PlainOutput.line(String(decoding: (try? encoder.encode(["profiles": listed])) ?? Data(), as: UTF8.self))
            return
        }
        for (index, profile) in listed.enumerated() {
            if index > 0 { PlainOutput.line("") }
            let note = profile.unverified ? " (hosts by the provider's pattern, not confirmed: README, Services)" : ""
            PlainOutput.line("profile \(profile.profile) · cloud \(profile.cloud)\(note)")
            for service in Service.all where profile.hosts[service.name] != nil {
                PlainOutput.line("  \(service.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(profile.hosts[service.name]!)")
            }
        }
    }
}
