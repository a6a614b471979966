extension Service {
    /// SFS Turbo jobs, `GET /v1/{project_id}/sfs-turbo/jobs/{job_id}` (FAMILIES.md §4): a flat body,
    /// times `2023-07-26 09:33:58` in UTC, errors as `{"errCode", "errMsg"}` (404 and 400 alike).
    public static let sfsturbo = Service(
        name: "sfsturbo", tag: "SFS Turbo", title: "SFS Turbo", aliases: ["sfs-turbo"], hostPrefix: "sfs-turbo",
        hostExceptions: ["eu-west-101": "sfs-turbo.eu-west-101.myhuaweicloud.eu"],
        jobPath: "/v1/{project_id}/sfs-turbo/jobs/{job_id}",
        notFoundCodes: ["SFS.TURBO.0106"],
        dialect: .fields(JobFields(
            wrapper: .none, id: ["job_id"], type: ["job_type"], begin: ["begin_time"], end: ["end_time"],
            failReason: ["fail_reason"], errorCode: ["error_code"], subJobs: "sub_jobs",
            timeFormat: .spaceSeparatedUTC,
            words: .init(initial: "waiting", running: "running", success: "success", fail: "failed")
        )),
        statusWords: ["WAITING": .initial, "RUNNING": .running, "SUCCESS": .success, "FAILED": .fail],
        kinds: [
            "bind_ldap": Kind("bind LDAP", minutes: 1),
            "unbind_ldap": Kind("unbind LDAP", minutes: 1),
            "update_ldap": Kind("update LDAP", minutes: 1),
            "add_ad_domain": Kind("join AD domain", minutes: 2),
        ],
        typicalDuration: 2 * 60
    )
}
