import Foundation
import JobModel
import JobAPI

/// The body of `GET /v1/{project_id}/jobs/{job_id}` for one big `baremetalBatchCreate`, shaped
/// like the simulator's answers (JOB-API.md): snake_case keys in the doc's order, ISO times
/// with milliseconds, `end_time` `""` and no error fields while running, `errorcode_message`
/// as JSON inside a string (or plain text) on failed sub-jobs.
///
/// Deterministic: the same `subJobs` always gives the same bytes.
public enum BatchBody {
    /// 1,500 sub-jobs, the size the client's body limit is sized for (about 600 KB).
    public static let standard = make(subJobs: 1_500)

    public static func make(subJobs count: Int, seed: UInt64 = 0x4A4F_4257_4154_4348) -> Data {
        var random = SplitMix(seed: seed)
        let origin = Date(timeIntervalSince1970: 1_556_222_674)  // 2019-04-25T20:04:34Z
        var subJobs: [String] = []
        subJobs.reserveCapacity(count)
        var failed = 0
        for index in 0..<count {
            let begin = origin.addingTimeInterval(13 + Double(index) * 0.7 + Double(random.next() % 1000) / 1000)
            let roll = random.next() % 100
            // 70% done, 20% running, 3% waiting, 7% failed: a batch well into its run.
            let status = roll < 70 ? "SUCCESS" : roll < 90 ? "RUNNING" : roll < 93 ? "INIT" : "FAIL"
            let end = begin.addingTimeInterval(Double(180 + random.next() % 540) + Double(random.next() % 1000) / 1000)
            var entities = #""server_id":"\#(random.uuid())","nic_id":"\#(random.uuid())""#
            var tail: String
            switch status {
            case "SUCCESS":
                tail = #","end_time":"\#(stamp(end))","error_code":null,"fail_reason":null"#
            case "FAIL":
                let message = failureMessages[failed % failureMessages.count]
                failed += 1
                entities += #","errorcode_message":\#(quoted(message))"#
                tail = #","end_time":"\#(stamp(end))","error_code":"BMS.0102","fail_reason":"create bare metal server failed""#
            default:
                tail = #","end_time":"""#
            }
            subJobs.append(
                #"{"status":"\#(status)","entities":{\#(entities)},"job_id":"\#(random.jobID())","job_type":"baremetalSingleCreate","begin_time":"\#(stamp(begin))"\#(tail)}"#
            )
        }
        let body = #"{"status":"RUNNING","entities":{"sub_jobs_total":\#(count),"sub_jobs":[\#(subJobs.joined(separator: ","))]},"job_id":"\#(random.jobID())","job_type":"baremetalBatchCreate","begin_time":"\#(stamp(origin))","end_time":""}"#
        return Data(body.utf8)
    }

    /// The three shapes `errorcode_message` takes in the wild (see the simulator's FailureMessages).
    static let failureMessages = [
        #"{"forbidden": {"code": 403, "message": "Quota exceeded for instances: Requested 1, but already used 20 of 20 instances"}}"#,
        #"{"badRequest":{"code":"BMS.0213","message":"所选规格的裸金属服务器库存不足，请选择其他规格或可用区"}}"#,
        "Failed to power on the bare metal server: IPMI connection timed out after 600 seconds",
    ]

    /// `2019-04-25T20:04:47.591Z`, as the simulator writes it.
    static func stamp(_ date: Date) -> String { JobTimestamp.format(date) }

    /// A JSON string literal of `text`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A small deterministic generator (SplitMix64): fixtures must not change between runs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func hex(_ digits: Int) -> String {
        var text = ""
        while text.count < digits { text += String(format: "%016llx", next()) }
        return String(text.prefix(digits))
    }

    mutating func jobID() -> String { hex(32) }

    mutating func uuid() -> String {
        let h = hex(32)
        let c = Array(h)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }
}
