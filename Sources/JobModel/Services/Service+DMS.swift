extension Service {
    /// Distributed Message Service background tasks (Kafka, RabbitMQ, RocketMQ),
    /// `GET /v2/{project_id}/instances/{instance_id}/tasks/{task_id}` (FAMILIES.md §6): a task needs
    /// its instance, so its ID is written `dms/INSTANCE_ID/TASK_ID`. The body is a list; its
    /// last update is the end once the task is finished. `DELETED` and `CANCELLED` are failures
    /// (Terraform fails on `DELETED`).
    public static let dms = Service(
        name: "dms", tag: "DMS", title: "Distributed Message Service", aliases: ["kafka", "rabbitmq", "rocketmq"], hostPrefix: "dms",
        hostExceptions: ["eu-west-101": "dms.eu-west-101.myhuaweicloud.eu"],
        jobPath: "/v2/{project_id}/instances/{instance_id}/tasks/{job_id}",
        notFoundCodes: ["DMS.00404022"],
        dialect: .fields(JobFields(
            wrapper: .firstOf("tasks"), id: ["id"], type: ["name"], begin: ["created_at"], end: ["updated_at"],
            failReason: [], timeFormat: .isoMillis,
            words: .init(initial: "CREATED", running: "EXECUTING", success: "SUCCESS", fail: "FAILED")
        )),
        statusWords: [
            "CREATED": .initial, "EXECUTING": .running, "SUCCESS": .success, "FAILED": .fail, "DELETED": .fail, "CANCELLED": .fail,
        ],
        kinds: [
            "bindInstancePublicIp": Kind("bind public IP", minutes: 1),
            "resizeInstance": Kind("resize instance", minutes: 15),
            "extendInstance": Kind("resize instance", minutes: 15),
            "modifyInstanceConfigs": Kind("change configuration", minutes: 2),
            "upgradeInstance": Kind("upgrade instance", minutes: 20),
        ],
        typicalDuration: 10 * 60
    )
}
