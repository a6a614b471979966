import Foundation

/// A Python venv with Huawei Cloud's official SDKs, made once under `.build-venv/` (ignored by
/// git) and reused while its stamp names the same packages: the first run installs from PyPI,
/// the next ones only start Python. `families` is a venv of its own: its dozen SDKs do not
/// make the first six's venv stale.
struct SDKVenv: Sendable {
    struct InstallProblem: Error, CustomStringConvertible {
        var description: String
    }

    let packages: [String]
    let folder: String
    private var stamp: String { "\(folder)/jobwatch-installed" }

    static let services = SDKVenv(packages: [
        "huaweicloudsdkcore", "huaweicloudsdkbms", "huaweicloudsdkcce", "huaweicloudsdkecs",
        "huaweicloudsdkeip", "huaweicloudsdkevs", "huaweicloudsdkims",
    ], folder: "\(JobwatchBinary.packageRoot)/.build-venv/huaweicloud-sdk")

    /// FAMILIES.md's SDKs; `python-dateutil` parses Global EIP's datetimes (else the SDK warns).
    static let families = SDKVenv(packages: [
        "huaweicloudsdkcore", "huaweicloudsdkrds", "huaweicloudsdkdds", "huaweicloudsdkgaussdbforopengauss",
        "huaweicloudsdkgaussdb", "huaweicloudsdkgaussdbfornosql", "huaweicloudsdkdcs", "huaweicloudsdkelb",
        "huaweicloudsdksfsturbo", "huaweicloudsdkcbr", "huaweicloudsdkkafka", "huaweicloudsdkgeip", "huaweicloudsdkbss",
        "python-dateutil",
    ], folder: "\(JobwatchBinary.packageRoot)/.build-venv/huaweicloud-sdk-families")

    /// The first six services' venv's `python` (SDKConformanceTests).
    static func python() async throws -> String {
        try await services.python()
    }

    /// The venv's `python`, installing the SDKs first if the venv is missing or stale.
    /// Throws one line when Python or pip fail (no network, say): never a silent skip.
    func python() async throws -> String {
        let python = "\(folder)/bin/python"
        let wanted = packages.joined(separator: " ")
        if (try? String(contentsOfFile: stamp, encoding: .utf8)) == wanted, FileManager.default.isExecutableFile(atPath: python) {
            return python
        }
        try? FileManager.default.removeItem(atPath: folder)
        try await run("/usr/bin/env", ["python3", "-m", "venv", folder], what: "python3 -m venv", timeout: .seconds(120))
        try await run(python, ["-m", "pip", "install", "--disable-pip-version-check", "--quiet"] + packages, what: "pip install of the Huawei Cloud SDKs from PyPI", timeout: .seconds(900))
        try wanted.write(toFile: stamp, atomically: true, encoding: .utf8)
        return python
    }

    private func run(_ executable: String, _ arguments: [String], what: String, timeout: Duration) async throws {
        let process = try ChildProcess(executable: executable, arguments: arguments, environment: ProcessInfo.processInfo.environment)
        let ended = await process.waitForExit(timeout: timeout)
        guard ended == .exited(0) else {
            let last = process.stderr.split(separator: "\n").last.map(String.init) ?? ended?.description ?? "timed out"
            throw InstallProblem(description: "\(what) failed (\(ended?.description ?? "timed out after \(timeout)")): \(last)")
        }
    }
}
