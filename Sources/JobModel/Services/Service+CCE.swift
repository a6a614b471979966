extension Service {
    /// Cloud Container Engine jobs (docs/api/SERVICES.md §5): their own path and a Kubernetes-style
    /// body whose sub-jobs nest; `eu-west-101` is on `.myhuaweicloud.eu`.
    public static let cce = Service(
        name: "cce", tag: "CCE", title: "Cloud Container Engine", hostPrefix: "cce",
        hostExceptions: ["eu-west-101": "cce.eu-west-101.myhuaweicloud.eu"],
        jobPath: "/api/v3/projects/{project_id}/jobs/{job_id}",
        dialect: .cce,
        statusWords: ["INITIALIZING": .initial, "RUNNING": .running, "SUCCESS": .success, "FAILED": .fail],
        kinds: [
            "CreateCluster": Kind("create cluster", minutes: 8),
            "InstallMaster": Kind("install control plane", minutes: 6),
            "CreatePSMCert": Kind("create certificates", minutes: 0.5),
            "CreateNode": Kind("create node", minutes: 5),
            "InstallNode": Kind("install node", minutes: 3),
        ],
        typicalDuration: 5 * 60
    )
}
