extension Service {
    /// Global EIP jobs, `GET https://eip.myhuaweicloud.com/v3/{domain_id}/geip/jobs/{job_id}`
    /// (FAMILIES.md §7): the account's, not a project's, on one host for every region. Statuses
    /// beyond Terraform's three are UNVERIFIED: any other word is polled on.
    public static let geip = Service(
        name: "geip", tag: "GEIP", title: "Global EIP", aliases: ["global-eip"], hostPrefix: "eip",
        jobPath: "/v3/{domain_id}/geip/jobs/{job_id}",
        scope: .account, globalHosts: ["": "eip.myhuaweicloud.com"],
        dialect: .fields(JobFields(
            wrapper: .member("job"), id: ["id"], type: ["action"], begin: ["start_time"], end: ["end_time"],
            failReason: ["error_message"], errorCode: ["error_code"], attributes: [.init("error_task")],
            timeFormat: .isoSeconds,
            words: .init(initial: "WAIT_TO_SCHEDULE", running: "WAIT_TO_SCHEDULE", success: "FINISH_SUCC", fail: "FINISH_ROLLBACK_SUCC")
        )),
        statusWords: ["WAIT_TO_SCHEDULE": .initial, "FINISH_SUCC": .success, "FINISH_ROLLBACK_SUCC": .fail],
        kinds: [
            "create": Kind("create global EIP", minutes: 1),
            "associate": Kind("associate global EIP", minutes: 1),
            "disassociate": Kind("disassociate global EIP", minutes: 1),
            "update": Kind("update global EIP", minutes: 1),
        ],
        typicalDuration: 60
    )
}
