import JobModel

/// Jobs of the families of FAMILIES.md, in their documented shapes: four join the demo's
/// rollout (a database, a cache, a load-balancer upgrade, a prepaid order that waits for
/// payment); the `families` scenario has one of each, for tests, all finished within a minute and a half (the order waits a minute for payment: a `wait` started late still sees it).
extension Scenario {
    /// RDS `CreateMysqlSingleHAInstance` (FAMILIES.md §1): unknown for its first seconds (the
    /// pages warn of it), then 8 minutes of progress; named by its instance at no extra request.
    static func rdsCreate(_ random: inout SeededRandom, createdAt: Double = 75, runFor: Double = 480, name: String = "orders-db") -> JobPlan {
        JobPlan(
            service: .rds, id: random.uuid(), type: "CreateMysqlSingleHAInstance", createdAt: createdAt, initFor: 0, runFor: runFor,
            outcome: .success,
            attributes: [
                .init("instance.id", .string(random.jobID() + "in01")), .init("instance.name", .string(name)),
                .init("entities.instance.type", .string("Ha")), .init("entities.instance.datastore.type", .string("mysql")),
                .init("entities.instance.datastore.version", .string("8.0")),
            ]
        )
    }

    /// DCS `extendDCSInstance` (§2): a cache resized in two minutes; times in epoch milliseconds.
    static func dcsResize(_ random: inout SeededRandom, createdAt: Double = 90, runFor: Double = 120) -> JobPlan {
        JobPlan(service: .dcs, id: random.jobID(), type: "extendDCSInstance", createdAt: createdAt, initFor: 4, runFor: runFor, outcome: .success, attributes: [])
    }

    /// ELB `UPGRADE` (§3) with its three sub-jobs; ends `COMPLETE`.
    static func elbUpgrade(_ random: inout SeededRandom, createdAt: Double = 100, scale: Double = 1) -> JobPlan {
        let balancer = random.uuid()
        var start = createdAt + 3
        let steps: [(String, Double)] = [("UPGRADE_INIT", 30), ("UPGRADE_TRAFFIC_SWITCH", 240), ("UPGRADE_COMPLETE", 30)]
        let subJobs = steps.map { type, seconds -> JobPlan in
            defer { start += seconds * scale }
            return JobPlan(
                service: .elb, id: random.uuid(), type: type, createdAt: createdAt + 3, initFor: start - createdAt - 3,
                runFor: seconds * scale, outcome: .success,
                attributes: [
                    .init("resource_id", .string(balancer)),
                    .init("entities", .array([.object([.init("resource_id", .string(balancer)), .init("resource_type", .string("loadbalancer"))])])),
                ]
            )
        }
        return .batch(
            service: .elb, id: random.uuid(), type: "UPGRADE", createdAt: createdAt, initFor: 3,
            attributes: [.init("resource_id", .string(balancer))], subJobs: subJobs, failure: .success
        )
    }

    /// A yearly/monthly ECS order (FAMILIES.md §8): waiting for payment for `waitsFor` seconds,
    /// processed in half a minute, then completed with its two servers as its resources.
    static func prepaidOrder(_ random: inout SeededRandom, createdAt: Double = 80, waitsFor: Double = 360, region: String = "cn-north-4") -> JobPlan {
        let orderID = "CS" + String(random.jobID().prefix(16)).uppercased()
        let servers = (1...2).map { index in
            JobPlan(
                service: .order, id: random.uuid(), type: "hws.resource.type.vm", createdAt: createdAt, initFor: waitsFor, runFor: 30,
                outcome: .success,
                attributes: [
                    .init("resource_name", .string("web-prepaid-0\(index)")), .init("resource_type_code", .string("hws.resource.type.vm")),
                    .init("service_type_code", .string("hws.service.type.ec2")), .init("region_code", .string(region)),
                ]
            )
        }
        return JobPlan(
            service: .order, id: orderID, type: "hws.service.type.ec2", createdAt: createdAt, initFor: waitsFor, runFor: 30,
            outcome: .success,
            attributes: [
                .init("customer_id", .string(DemoCredentials.domainID)), .init("source_type", .int(1)), .init("order_type", .int(1)),
                .init("amount_after_discount", .number(1234.5)), .init("currency", .string("CNY")),
            ],
            subJobs: servers
        )
    }

    /// Global EIP `associate` (§7): scheduled, then done.
    static func geipAssociate(_ random: inout SeededRandom, createdAt: Double = 0, runFor: Double = 15) -> JobPlan {
        JobPlan(
            service: .geip, id: random.uuid(), type: "associate", createdAt: createdAt, initFor: runFor, runFor: 0, outcome: .success,
            attributes: [.init("error_task", .string(""))]
        )
    }

    /// One job of each new family, done within about a minute: DDS fails, CBR's restore is
    /// `skipped`, the RDS job is unknown for its first 10 seconds.
    static func families() -> Scenario {
        var random = SeededRandom(seed: 0x4641_4D49_4C59)
        let instance = random.uuid()
        return Scenario(name: .families, jobs: [
            rdsCreate(&random, createdAt: 10, runFor: 30, name: "orders-db"),
            JobPlan(
                service: .dds, id: random.uuid(), type: "Create_MongoDB", createdAt: 0, initFor: 0, runFor: 20,
                outcome: .fail(errorCode: nil, failReason: "createVM failed.", errorcodeMessage: nil),
                attributes: [.init("instance.id", .string(random.jobID() + "in02")), .init("instance.name", .string("catalog-mongo"))]
            ),
            JobPlan(
                service: .opengauss, id: random.uuid(), type: "CreateGaussDBV5Instance", createdAt: 0, initFor: 0, runFor: 25,
                outcome: .success, attributes: [.init("instance.id", .string(random.jobID() + "in14")), .init("instance.name", .string("ledger-gauss"))]
            ),
            JobPlan(
                service: .taurusdb, id: random.uuid(), type: "CreateGaussDBforMySQLInstance", createdAt: 0, initFor: 5, runFor: 20,
                outcome: .success, attributes: [.init("instance.id", .string(random.jobID() + "in07")), .init("instance.name", .string("cart-taurus"))]
            ),
            JobPlan(
                service: .geminidb, id: random.uuid(), type: "CreateCassandra", createdAt: 0, initFor: 0, runFor: 20,
                outcome: .success, attributes: [.init("instance.id", .string(random.jobID() + "in06")), .init("instance.name", .string("events-nosql"))]
            ),
            dcsResize(&random, createdAt: 0, runFor: 15),
            elbUpgrade(&random, createdAt: 0, scale: 0.1),
            JobPlan(
                service: .sfsturbo, id: random.uuid(), type: "bind_ldap", createdAt: 0, initFor: 3, runFor: 10, outcome: .success, attributes: []
            ),
            JobPlan(
                service: .cbr, id: random.uuid(), type: "restore", createdAt: 0, initFor: 2, runFor: 20, outcome: .becomes("skipped"),
                attributes: [
                    .init("extra_info.resource.id", .string(random.uuid())), .init("extra_info.resource.name", .string("web-01")),
                    .init("extra_info.resource.type", .string("OS::Nova::Server")), .init("vault_name", .string("vault-web")),
                ]
            ),
            JobPlan(
                service: .dms, id: "\(instance)/\(random.jobID())", type: "resizeInstance", createdAt: 0, initFor: 5, runFor: 25,
                outcome: .success, attributes: []
            ),
            geipAssociate(&random),
            prepaidOrder(&random, createdAt: 0, waitsFor: 60),
        ])
    }
}
