import Foundation
import JobModel
import JobAPI

/// Job queries in log lines (FAMILIES.md §10): Terraform's `TF_LOG=DEBUG` (`API Request URL: GET
/// https://ecs.cn-east-3.myhuaweicloud.com/v1/{project}/jobs/{job}: timestamp=…`), the Python
/// SDK's `"GET https://…/v3/{project}/jobs?id=…" 200 …`, `curl -v`'s `> GET /v1/… HTTP/1.1`.
/// A URL's host gives the service and region, its path the project and the job; a host of no
/// region pattern (a proxy, the simulator) leaves the service to the path, when only one
/// service has it. Lines that only log (timestamps, levels) name no job and are no error.
enum JobLogLine {
    /// The jobs whose queries a line shows, in order (a line may show none).
    static func references(in line: String) -> [JobReference] {
        var found: [JobReference] = []
        for url in urls(in: line) {
            guard let reference = reference(url: url), !found.contains(reference) else { continue }
            found.append(reference)
        }
        if found.isEmpty, let path = curlRequestPath(line), let reference = reference(host: nil, path: path) {
            found.append(reference)
        }
        return found
    }

    /// Whether a line is a log's rather than a jobs file's: a timestamp first, a log level in
    /// brackets, or an SDK logger's name. Once one is seen, a source is read as a log.
    static func isLogLine(_ line: String) -> Bool {
        if line.contains("[DEBUG]") || line.contains("[INFO]") || line.contains("[TRACE]") || line.contains("[WARN]") || line.contains("[ERROR]") {
            return true
        }
        if line.contains("HuaweiCloud-SDK-") { return true }
        // curl -v: `* Trying…`, `> Host: …`, `< HTTP/1.1 200 OK`, `{ [5 bytes data]`.
        // (A JSON line `{ "job_id": … }` is no log line.)
        if line.hasPrefix("* ") || line.hasPrefix("> ") || line.hasPrefix("< ") || line.hasPrefix("{ [") || line.hasPrefix("} [") { return true }
        // `2022-02-17T13:42:40.723+0800 …`, `2026-12-07 04:41:54,901 …`, `2022/02/17 13:42:40 …`.
        return line.firstMatch(of: /^\d{4}[-\/]\d{2}[-\/]\d{2}[T ]\d{2}:\d{2}/) != nil
    }

    /// `http(s)://…` tokens, up to whitespace or a quote; one trailing `:` (Terraform's
    /// `: timestamp=`), `,` or `)` dropped.
    private static func urls(in line: String) -> [Substring] {
        var found: [Substring] = []
        var rest = line[...]
        while let start = rest.firstRange(of: "http")?.lowerBound {
            let tail = rest[start...]
            guard tail.hasPrefix("http://") || tail.hasPrefix("https://") else {
                rest = rest[rest.index(after: start)...]
                continue
            }
            let end = tail.firstIndex { $0.isWhitespace || $0 == "\"" || $0 == "'" || $0 == "<" || $0 == ">" } ?? tail.endIndex
            var url = tail[..<end]
            while let last = url.last, last == ":" || last == "," || last == ")" || last == ";" { url = url.dropLast() }
            found.append(url)
            rest = tail[end...]
        }
        return found
    }

    private static func reference(url: Substring) -> JobReference? {
        guard let components = URLComponents(string: String(url)), let host = components.host else { return nil }
        var path = components.percentEncodedPath
        if let query = components.percentEncodedQuery { path += "?" + query }
        return reference(host: host, path: path)
    }

    /// `path` may carry its query (`/v3/p/jobs?id=…`).
    private static func reference(host: String?, path: String) -> JobReference? {
        let parts = path.split(separator: "?", maxSplits: 1)
        let query = parts.count > 1 ? SigningRequest.QueryItem.items(in: String(parts[1])).map { ($0.name, $0.value) } : []
        guard let first = parts.first, let match = JobPathMatch(path: String(first), query: query) else { return nil }
        let pathServices = match.services
        let hosted = host.flatMap(Service.at(host:))
        let service: Service?
        if let hosted {
            // The host decides between the path's services (`ecs.` on `/v1/…/jobs/…`).
            guard let named = hosted.services.first(where: pathServices.contains) else { return nil }
            service = named
        } else {
            service = pathServices.count == 1 ? pathServices[0] : nil
        }
        guard JobID.problem(with: match.jobID) == nil, JobID.problem(with: match.projectID) == nil else { return nil }
        var reference = JobReference(id: match.jobID, service: service)
        reference.logged = .init(host: host, region: hosted?.region, projectID: match.projectID)
        return reference
    }

    /// `> GET /v1/…/jobs/… HTTP/1.1`, as `curl -v` shows a request (its host on another line).
    private static func curlRequestPath(_ line: String) -> String? {
        guard let match = line.firstMatch(of: /^> (?:GET) (\/\S+) HTTP\/[\d.]+/) else { return nil }
        return String(match.output.1)
    }
}
