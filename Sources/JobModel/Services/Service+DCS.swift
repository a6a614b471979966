extension Service {
    /// Distributed Cache Service jobs, `GET /v2/{project_id}/jobs/{job_id}` (FAMILIES.md §2): a flat
    /// body whose times are epoch milliseconds in strings. `.com` in every region, eu-west-101 too.
    public static let dcs = Service(
        name: "dcs", tag: "DCS", title: "Distributed Cache Service", aliases: ["redis"], hostPrefix: "dcs",
        jobPath: "/v2/{project_id}/jobs/{job_id}",
        dialect: .fields(JobFields(
            wrapper: .none, id: ["job_id"], type: ["job_type"], begin: ["begin_time"], end: ["end_time"],
            failReason: ["fail_reason"], timeFormat: .epochMillisString,
            words: .init(initial: "INIT", running: "RUNNING", success: "SUCCESS", fail: "FAIL")
        )),
        statusWords: ["INIT": .initial, "RUNNING": .running, "SUCCESS": .success, "FAIL": .fail],
        kinds: [
            "masterStandbySwapJob": Kind("master/standby switchover", minutes: 1),
            "modifyClientIpTransJob": Kind("client IP pass-through", minutes: 1),
            "createDCSInstance": Kind("create cache instance", minutes: 5),
            "extendDCSInstance": Kind("resize cache instance", minutes: 10),
            "modifyBandwidth": Kind("change bandwidth", minutes: 2),
        ],
        typicalDuration: 3 * 60
    )
}
