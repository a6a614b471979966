extension Service {
    /// Elastic Cloud Server jobs. Only `createServer`/`createSingleServer` are documented
    /// (docs/api/SERVICES.md §1); the delete types are common in practice. `PENDING_PAYMENT` is a
    /// yearly/monthly order not yet paid: not finished, and it can sit for 14 days.
    public static let ecs = Service(
        name: "ecs", tag: "ECS", title: "Elastic Cloud Server", hostPrefix: "ecs",
        kinds: [
            "createServer": Kind("create servers", minutes: 4),
            "createSingleServer": Kind("create server", minutes: 3.5),
            "deleteServer": Kind("delete servers", minutes: 1),
            "deleteSingleServer": Kind("delete server", minutes: 1),
        ],
        typicalDuration: 3 * 60
    )
}
