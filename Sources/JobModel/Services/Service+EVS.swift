extension Service {
    /// Elastic Volume Service jobs (docs/api/SERVICES.md §2): batches have no `sub_jobs_total`.
    public static let evs = Service(
        name: "evs", tag: "EVS", title: "Elastic Volume Service", hostPrefix: "evs",
        kinds: [
            "createVolume": Kind("create volume", minutes: 0.5),
            "batchCreateVolume": Kind("create volumes", minutes: 1),
            "deleteVolume": Kind("delete volume", minutes: 0.5),
            "extendVolume": Kind("expand volume", minutes: 1),
            "bulkDeleteVolume": Kind("delete volumes", minutes: 1),
            "deleteSingleVolume": Kind("delete volume", minutes: 0.5),
            "retypeVolume": Kind("change disk type", minutes: 10),
        ],
        typicalDuration: 60
    )
}
