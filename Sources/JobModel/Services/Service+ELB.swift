extension Service {
    /// Dedicated load balancer (ELB v3) jobs, `GET /v3/{project_id}/elb/jobs/{job_id}` (FAMILIES.md §3):
    /// `{"job": {…, "sub_jobs": [{…, "entities": [{resource_id, resource_type}]}]}}`.
    /// `COMPLETE` is an end as `SUCCESS` is (Terraform waits for either); `CANCEL` and
    /// `ROLLBACK_FAIL` are failures; `ROLLBACKING` is still running.
    public static let elb = Service(
        name: "elb", tag: "ELB", title: "Elastic Load Balance (dedicated)", hostPrefix: "elb",
        jobPath: "/v3/{project_id}/elb/jobs/{job_id}",
        notFoundCodes: ["ELB.8904"],
        dialect: .fields(JobFields(
            wrapper: .member("job"), id: ["job_id"], type: ["job_type"], begin: ["begin_time"], end: ["end_time"],
            failReason: ["error_msg"], errorCode: ["error_code"], subJobs: "sub_jobs",
            attributes: [.init("resource_id"), .init("entities.0.resource_type", as: "resource_type")],
            timeFormat: .isoSeconds,
            words: .init(initial: "INIT", running: "RUNNING", success: "COMPLETE", fail: "FAIL")
        )),
        statusWords: [
            "INIT": .initial, "RUNNING": .running, "ROLLBACKING": .running, "SUCCESS": .success, "COMPLETE": .success,
            "FAIL": .fail, "ROLLBACK_FAIL": .fail, "CANCEL": .fail,
        ],
        kinds: [
            "UPGRADE": Kind("upgrade load balancer", minutes: 20),
            "UPGRADE_INIT": Kind("prepare upgrade", minutes: 2),
            "UPGRADE_TRAFFIC_SWITCH": Kind("switch traffic", minutes: 15),
            "UPGRADE_COMPLETE": Kind("finish upgrade", minutes: 2),
            "cloneLoadbalancer": Kind("clone load balancer", minutes: 3),
            "cloneListener": Kind("clone listener", minutes: 1),
            "batchCreateV2Loadbalancer": Kind("create load balancers", minutes: 3),
            "batchCreateV3Loadbalancer": Kind("create load balancers", minutes: 3),
            "batchDeleteLoadbalancer": Kind("delete load balancers", minutes: 2),
            "batchDeleteListener": Kind("delete listeners", minutes: 1),
        ],
        typicalDuration: 5 * 60
    )
}
