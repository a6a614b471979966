/// Human labels for the job types the BMS and ECS documentation list.
public enum JobKind {
    /// Short label for a `job_type`; unknown types are shown as they are.
    public static func label(for type: String?) -> String {
        guard let type, !type.isEmpty else { return "job" }
        return labels[type] ?? type
    }

    /// Whether the type is one the documentation lists (and so has a human label).
    public static func isKnown(_ type: String?) -> Bool {
        guard let type else { return false }
        return labels[type] != nil
    }

    static let labels: [String: String] = [
        // BMS batch jobs
        "baremetalBatchCreate": "create servers",
        "baremetalBatchOperate": "power servers",
        "baremetalVolumeBootReinstallOs": "reinstall OS (volume boot)",
        "baremetalReinstallOs": "reinstall OS",
        "baremetalChangeOsVolumeBoot": "change OS (volume boot)",
        "baremetalChangeOsLocalDisk": "change OS (local disk)",
        "baremetalAttachVolume": "attach volume",
        "baremetalDetachVolume": "detach volume",
        "baremetalBatchAttachVolume": "attach volumes",
        // BMS sub-jobs
        "baremetalSingleCreate": "create server",
        "baremetalSingleOperate": "power server",
        "baremetalAttachSingleVolume": "attach volume",
        // ECS equivalents
        "createServer": "create servers",
        "createSingleServer": "create server",
        "deleteServer": "delete servers",
        "deleteSingleServer": "delete server",
    ]
}
