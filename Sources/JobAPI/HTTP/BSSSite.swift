/// BSS answers an account of the other website (Chinese or international) with `CBC.0150` /
/// `CBC.0156` "The customer does not belong to the website you are now at" (FAMILIES.md §8.2:
/// Terraform probes for it and switches host). jobwatch picks the host by region, which is
/// wrong for such an account: the answer says which setting puts it right.
enum BSSSite {
    static let otherWebsiteCodes: Set<String> = ["CBC.0150", "CBC.0156"]

    static func fix(forCode code: String) -> String? {
        guard otherWebsiteCodes.contains(code) else { return nil }
        return #"the account belongs to the other Huawei Cloud website: set the profile's "endpoints": {"order": "https://bss-intl.myhuaweicloud.com"} (international) or "https://bss.myhuaweicloud.com" (Chinese)"#
    }
}
