extension Service {
    /// Cloud Backup and Recovery operation logs, `GET /v3/{project_id}/operation-logs/{id}`
    /// (FAMILIES.md §5): a restore's `job_id` is such a log's ID. `skipped` is a failure here: the
    /// operation did not run, and a script waiting for it to take effect must not go on as if it
    /// had; `timeout` is one too (Terraform fails on it).
    public static let cbr = Service(
        name: "cbr", tag: "CBR", title: "Cloud Backup and Recovery", hostPrefix: "cbr",
        jobPath: "/v3/{project_id}/operation-logs/{job_id}",
        dialect: .fields(JobFields(
            wrapper: .member("operation_log"), id: ["id"], type: ["operation_type"],
            begin: ["started_at", "created_at"], end: ["ended_at"],
            progress: ["extra_info.common.progress"],
            failReason: ["error_info.message"], errorCode: ["error_info.code"],
            attributes: [
                .init("extra_info.resource.name", as: "resource_name"), .init("extra_info.resource.id", as: "resource_id"),
                .init("extra_info.resource.type", as: "resource_type"), .init("vault_name"), .init("checkpoint_id"),
            ],
            timeFormat: .isoMillisOffset,
            words: .init(initial: "waiting", running: "running", success: "success", fail: "failed")
        )),
        statusWords: [
            "WAITING": .initial, "RUNNING": .running, "SUCCESS": .success, "FAILED": .fail, "SKIPPED": .fail, "TIMEOUT": .fail,
        ],
        kinds: [
            "backup": Kind("backup", minutes: 10),
            "restore": Kind("restore", minutes: 15),
            "delete": Kind("delete backup", minutes: 2),
            "sync": Kind("sync backups", minutes: 5),
            "replication": Kind("replicate backup", minutes: 20),
            "vault_delete": Kind("delete vault", minutes: 2),
            "remove_resource": Kind("remove resource", minutes: 1),
        ],
        typicalDuration: 10 * 60
    )
}
