import JobModel
/// Sub-job failure texts as they arrive in `entities.errorcode_message`: usually JSON inside a
/// string, sometimes in Chinese, sometimes plain text.
enum FailureMessages {
    static let quota = #"{"forbidden": {"code": 403, "message": "Quota exceeded for instances: Requested 1, but already used 20 of 20 instances"}}"#
    static let noStock = #"{"badRequest":{"code":"BMS.0213","message":"所选规格的裸金属服务器库存不足，请选择其他规格或可用区"}}"#
    static let plain = "Failed to power on the bare metal server: IPMI connection timed out after 600 seconds"
    /// ECS: the server was built but its EIP could not be (docs/api/SERVICES.md §1, an unverified shape).
    static let eipQuota = #"{"forbidden":{"code":403,"message":"Quota exceeded for resources: ['floatingip']"}}"#
    /// CCE's `status.reason` of a node whose install failed.
    static let nodeInstall = "Node install failed: the subnet has no free IP addresses"
}
