extension Service {
    /// A yearly/monthly (prepaid) order, `GET /v2/orders/customer-orders/details/{order_id}` on the
    /// BSS host (FAMILIES.md §8): the account's. Its status is a number, shown as a word; its
    /// resources (`POST /v2/orders/suscriptions/resources/query`) are read once it completes.
    /// `bss.myhuaweicloud.com` serves the Chinese site, `bss-intl.` the international one,
    /// `bss.myhuaweicloud.eu` Europe: jobwatch picks by region (a profile's `endpoints.order`
    /// says otherwise). Waiting for payment may take days: it is not overdue.
    public static let order = Service(
        name: "order", tag: "ORDER", title: "Yearly/monthly order (BSS)", aliases: ["bss"], hostPrefix: "bss",
        jobPath: "/v2/orders/customer-orders/details/{job_id}",
        scope: .account, globalHosts: ["": "bss-intl.myhuaweicloud.com", "cn-": "bss.myhuaweicloud.com", "eu-west-101": "bss.myhuaweicloud.eu"],
        dialect: .fields(JobFields(
            wrapper: .member("order_info"), id: ["order_id"], type: ["service_type_code"],
            begin: ["create_time"], end: ["payment_time"], failReason: [],
            attributes: [
                .init("status", as: "status_code"), .init("pending_payment_end_time", as: "pay_by"),
                .init("amount_after_discount", as: "amount"), .init("currency"), .init("order_type"),
            ],
            timeFormat: .isoSeconds,
            words: .init(initial: "6", running: "3", success: "5", fail: "4"),
            statusNames: Service.orderStatusNames
        )),
        statusWords: [
            "PENDING_APPROVAL": .initial, "PENDING_CONFIRMATION": .initial, "PENDING_PAYMENT": .pendingPayment,
            "PROCESSING": .running, "PENDING_REFUND": .running, "COMPLETED": .success, "CANCELLED": .fail,
            // Its resources, read once it completes (QueryResourcesReq `status`).
            "IN_USE": .success, "CLOSED": .fail, "FROZEN": .fail, "EXPIRED": .fail,
        ],
        kinds: [
            "hws.service.type.ec2": Kind("ECS order", minutes: 2),
            "hws.service.type.bms": Kind("BMS order", minutes: 2),
            "hws.service.type.ebs": Kind("EVS order", minutes: 2),
            "hws.service.type.rdsmysql": Kind("RDS order", minutes: 2),
            "hws.service.type.rds": Kind("RDS order", minutes: 2),
            "hws.service.type.dcs": Kind("DCS order", minutes: 2),
            "hws.service.type.elb": Kind("ELB order", minutes: 2),
        ],
        typicalDuration: 2 * 60
    )

    /// BSS's query of an order's resources (sic: "suscriptions"), a `POST` with `{order_id}`.
    public static let orderResourcesPath = "/v2/orders/suscriptions/resources/query"

    /// `order_info.status` (PY `CustomerOrderV3`): Terraform waits while 2, 3 or 6, done at 5.
    static let orderStatusNames: [String: String] = [
        "1": "PENDING_APPROVAL", "2": "PENDING_REFUND", "3": "PROCESSING", "4": "CANCELLED", "5": "COMPLETED",
        "6": "PENDING_PAYMENT", "9": "PENDING_CONFIRMATION",
    ]

    /// A resource's `status` (QueryResourcesReq): 2 in use, 3 closed, 4 frozen, 5 expired.
    public static let orderResourceStatusNames: [String: String] = ["2": "IN_USE", "3": "CLOSED", "4": "FROZEN", "5": "EXPIRED"]
}
