import JobModel
import JobAPI

/// The request the Sign benchmark signs: a job GET with the headers the client sends. Written
/// out by `WriteBenchBody` so that scripts/bench-anchors.py signs the very same request.
/// The keys are fake, and say so.
public enum SignFixture {
    public static let accessKeyID = "HPUABENCHMARKAK00001"
    public static let secretKey = "benchmark-secret-key-not-a-real-one"
    public static let accessKey = Credential.AccessKey(accessKeyID: accessKeyID, secretKey: Secret(secretKey))
    public static let projectID = "0d3c5e6f7a8b4c9d8e1f2a3b4c5d6e7f"
    public static let date = "20190425T200434Z"

    public static let request = SigningRequest(
        method: "GET", host: "bms.cn-north-4.myhuaweicloud.com",
        path: "/v1/\(projectID)/jobs/2c9eb2c5544cbf6101544f0602af2b4f",
        headers: [
            .init("Content-Type", "application/json"),
            .init("User-Agent", "jobwatch/0.1"),
            .init("X-Project-Id", projectID),
            .init("X-Sdk-Date", date),
        ])

    public static func sign() -> SignedRequest {
        Signer.sign(request, with: accessKey, projectID: projectID)
    }
}
