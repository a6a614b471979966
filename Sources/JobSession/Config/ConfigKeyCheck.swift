import JobModel
/// What is wrong with a key that is not one of the section's known keys: a secret that
/// belongs elsewhere, or a typo, with the known key it most likely meant.
enum ConfigKeyCheck {
    /// `nil` when `key` is known.
    static func problem(with key: String, known: [String]) -> String? {
        if known.contains(key) { return nil }
        if looksSecret(key) {
            return "secrets do not belong in the config file — move it to the environment (HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_TOKEN) or to the file named by the profile's credentials_file"
        }
        if let suggestion = suggestion(for: key, among: known) {
            return "unknown key — did you mean \(suggestion)?"
        }
        return "unknown key — known keys here: \(known.joined(separator: ", "))"
    }

    /// Key names under which people put SKs, tokens and passwords.
    static func looksSecret(_ key: String) -> Bool {
        let bare = normalized(key)
        let exact: Set = ["sk", "secretkey", "secretaccesskey", "huaweicloudsdksk", "accesssecret", "token", "authtoken",
                          "securitytoken", "xauthtoken", "huaweicloudsdktoken", "huaweicloudsdksecuritytoken", "password", "passwd", "pwd"]
        return exact.contains(bare) || bare.contains("secret") || bare.contains("password") || bare.hasSuffix("token")
            || looksLikeAccessKey(bare)
    }

    /// `ak`, `access_key`, `accessKeyId`, and short slips of `ak`/`sk` (`skk`, `a_k`): an
    /// AK is not secret by itself, but it travels with its SK and belongs where the SK goes.
    static func looksLikeAccessKey(_ bare: String) -> Bool {
        let exact: Set = ["ak", "accesskey", "accesskeyid", "huaweicloudsdkak", "aksk"]
        if exact.contains(bare) || bare.hasPrefix("accesskey") { return true }
        return bare.count <= 3 && (bare.contains("ak") || bare.contains("sk")) && bare.allSatisfy { "aks".contains($0) }
    }

    /// The known key a typo most likely meant: same letters ignoring case, `_` and `-`
    /// (`projectId` → `project_id`), else within two edits.
    static func suggestion(for key: String, among known: [String]) -> String? {
        let bare = normalized(key)
        if let same = known.first(where: { normalized($0) == bare }) { return same }
        let scored = known.map { (key: $0, distance: editDistance(bare, normalized($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let allowed = bare.count <= 3 ? 1 : 2
        return best.distance <= allowed ? best.key : nil
    }

    static func normalized(_ key: String) -> String {
        String(key.lowercased().filter { $0 != "_" && $0 != "-" })
    }

    /// Levenshtein distance (adjacent transpositions count once).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            twoBack = previous
            previous = current
        }
        return previous[b.count]
    }
}
