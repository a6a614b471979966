extension Service {
    /// EIP batch jobs, served on the VPC host (docs/api/SERVICES.md §4). Their status words are not
    /// enumerated; the example shows the `/v1` family's.
    public static let vpc = Service(
        name: "vpc", tag: "EIP", title: "Virtual Private Cloud (EIP jobs)", aliases: ["eip"], hostPrefix: "vpc",
        kinds: [
            "createBatchPublicip": Kind("create EIPs", minutes: 0.5),
        ],
        typicalDuration: 30
    )
}
