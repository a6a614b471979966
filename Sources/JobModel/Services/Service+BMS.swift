extension Service {
    /// Bare Metal Server jobs (`docs/api/JOB-API.md`; docs/api/SERVICES.md §6 lists the types).
    public static let bms = Service(
        name: "bms", tag: "BMS", title: "Bare Metal Server", hostPrefix: "bms",
        kinds: [
            "baremetalBatchCreate": Kind("create servers", minutes: 15),
            "baremetalBatchOperate": Kind("power servers", minutes: 5),
            "baremetalVolumeBootReinstallOs": Kind("reinstall OS (volume boot)", minutes: 20),
            "baremetalReinstallOs": Kind("reinstall OS", minutes: 20),
            "baremetalChangeOsVolumeBoot": Kind("change OS (volume boot)", minutes: 30),
            "baremetalChangeOsLocalDisk": Kind("change OS (local disk)", minutes: 30),
            "baremetalAttachVolume": Kind("attach volume", minutes: 3),
            "baremetalDetachVolume": Kind("detach volume", minutes: 3),
            "baremetalBatchAttachVolume": Kind("attach volumes", minutes: 5),
            "baremetalSingleCreate": Kind("create server", minutes: 12),
            "baremetalSingleOperate": Kind("power server", minutes: 4),
            "baremetalAttachSingleVolume": Kind("attach volume", minutes: 3),
        ],
        typicalDuration: 10 * 60
    )
}
