extension Service {
    /// The database family's shared job query, `GET /v3/{project_id}/jobs?id={job_id}` (FAMILIES.md §1):
    /// `{"job": {…}}`, or GeminiDB's `{"total_count", "jobs": [{…}]}`. RDS and TaurusDB say
    /// `process` where DDS, openGauss and GeminiDB say `progress`; GeminiDB's times are
    /// `start_time`/`end_time`. Trusting the end time only when finished: DDS sends one while running.
    /// Each engine's own spelling comes first (what the simulator writes); the reader takes both.
    static func databaseFields(saysProcess: Bool = false, startEndTimes: Bool = false) -> JobFields {
        let progress = ["progress", "process"], begin = ["created", "start_time"], end = ["ended", "end_time"]
        return JobFields(
            wrapper: .memberOrFirstOf("job", "jobs"),
            id: ["id"], type: ["name"],
            begin: startEndTimes ? begin.reversed() : begin, end: startEndTimes ? end.reversed() : end,
            progress: saysProcess ? progress.reversed() : progress,
            failReason: ["fail_reason"],
            instance: "instance",
            attributes: [
                .init("entities.instance.type", as: "instance_type"),
                .init("entities.instance.datastore.type", as: "datastore"),
                .init("entities.instance.datastore.version", as: "datastore_version"),
            ],
            timeFormat: .offsetWithoutColon,
            words: .init(initial: "Pending", running: "Running", success: "Completed", fail: "Failed")
        )
    }

    /// `Pending` is TaurusDB's (FAMILIES.md §1.4); the others start `Running`.
    static let databaseWords: [String: JobStatus.Outcome] = [
        "PENDING": .initial, "RUNNING": .running, "COMPLETED": .success, "FAILED": .fail,
    ]

    /// "The job does not exist." (HTTP 400), FAMILIES.md §1.3; new jobs take seconds to appear.
    static let databaseNotFound: Set<String> = ["DBS.200543"]

    static let databaseKinds: [String: Kind] = [
        "CreateMysqlSingleHAInstance": Kind("create MySQL HA instance", minutes: 12),
        "CreateMysqlSingleInstance": Kind("create MySQL instance", minutes: 10),
        "CreateMysqlReplicaInstance": Kind("create MySQL read replica", minutes: 12),
        "CreatePostgreSQLInstance": Kind("create PostgreSQL instance", minutes: 12),
        "Create_MongoDB": Kind("create DDS instance", minutes: 15),
        "CreateGaussDBV5Instance": Kind("create openGauss instance", minutes: 20),
        "CreateGaussDBforMySQLInstance": Kind("create TaurusDB instance", minutes: 15),
        "CreateCassandra": Kind("create GeminiDB instance", minutes: 12),
    ]

    /// Relational Database Service (FAMILIES.md §1).
    public static let rds = Service(
        name: "rds", tag: "RDS", title: "Relational Database Service", hostPrefix: "rds",
        hostExceptions: ["eu-west-101": "rds.eu-west-101.myhuaweicloud.eu"],
        jobPath: "/v3/{project_id}/jobs", jobQuery: "id", notFoundCodes: databaseNotFound,
        dialect: .fields(databaseFields(saysProcess: true)), statusWords: databaseWords, kinds: databaseKinds, typicalDuration: 10 * 60
    )

    /// Document Database Service (FAMILIES.md §1).
    public static let dds = Service(
        name: "dds", tag: "DDS", title: "Document Database Service", hostPrefix: "dds",
        hostExceptions: ["eu-west-101": "dds.eu-west-101.myhuaweicloud.eu"],
        jobPath: "/v3/{project_id}/jobs", jobQuery: "id", notFoundCodes: databaseNotFound,
        dialect: .fields(databaseFields()), statusWords: databaseWords, kinds: databaseKinds, typicalDuration: 15 * 60
    )

    /// GaussDB (for openGauss): `gaussdb-opengauss.{region}`, but `gaussdb.{region}` in eight
    /// regions, where `gaussdb.` is not TaurusDB (FAMILIES.md §1.1).
    public static let opengauss = Service(
        name: "opengauss", tag: "openGauss", title: "GaussDB (openGauss)", hostPrefix: "gaussdb-opengauss",
        hostExceptions: Dictionary(uniqueKeysWithValues: [
            "af-north-1", "ap-southeast-5", "cn-east-2", "cn-east-4", "cn-east-5", "cn-north-12", "me-east-1", "tr-west-1",
        ].map { ($0, "gaussdb.\($0).myhuaweicloud.com") }),
        jobPath: "/v3/{project_id}/jobs", jobQuery: "id", notFoundCodes: databaseNotFound,
        dialect: .fields(databaseFields()), statusWords: databaseWords, kinds: databaseKinds, typicalDuration: 20 * 60
    )

    /// TaurusDB (GaussDB for MySQL): `gaussdb.{region}` in most regions (FAMILIES.md §1.1).
    public static let taurusdb = Service(
        name: "taurusdb", tag: "TaurusDB", title: "TaurusDB (GaussDB for MySQL)", aliases: ["gaussdbformysql"], hostPrefix: "gaussdb",
        hostExceptions: Dictionary(uniqueKeysWithValues:
            ["ap-southeast-1", "ap-southeast-2", "cn-north-11", "me-east-1", "tr-west-1"].map { ($0, "gaussdbformysql.\($0).myhuaweicloud.com") }
            + ["af-south-1", "cn-east-5", "cn-southwest-3", "la-north-2"].map { ($0, "gaussdb-mysql.\($0).myhuaweicloud.com") }),
        jobPath: "/v3/{project_id}/jobs", jobQuery: "id", notFoundCodes: databaseNotFound,
        dialect: .fields(databaseFields(saysProcess: true)), statusWords: databaseWords, kinds: databaseKinds, typicalDuration: 15 * 60
    )

    /// GeminiDB (GaussDB NoSQL): the shared path answers with a list (FAMILIES.md §1.2).
    public static let geminidb = Service(
        name: "geminidb", tag: "GeminiDB", title: "GeminiDB (GaussDB NoSQL)", aliases: ["nosql"], hostPrefix: "gaussdb-nosql",
        hostExceptions: ["eu-west-101": "gaussdb-nosql.eu-west-101.myhuaweicloud.eu"],
        jobPath: "/v3/{project_id}/jobs", jobQuery: "id", notFoundCodes: databaseNotFound,
        dialect: .fields(databaseFields(startEndTimes: true)), statusWords: databaseWords, kinds: databaseKinds, typicalDuration: 12 * 60
    )
}
