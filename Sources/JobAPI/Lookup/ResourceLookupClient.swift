import Foundation
import JobModel
import Synchronization

/// Where resources are looked up: one service's host, in one project.
public struct LookupTarget: Sendable, Hashable {
    public var api: LookupAPI
    public var endpoint: Endpoint
    public var projectID: String
    public var network: NetworkSettings

    public init(api: LookupAPI, endpoint: Endpoint, projectID: String, network: NetworkSettings = .direct) {
        self.api = api
        self.endpoint = endpoint
        self.projectID = projectID
        self.network = network
    }
}

/// What one lookup found, and the requests it cost (two when the ECS filter form had to be
/// switched).
public struct ResourceLookup: Sendable, Hashable {
    /// By ID; an ID asked for and missing was not found (or not named yet).
    public var resources: [String: Resource]
    public var requests: Int

    public init(resources: [String: Resource], requests: Int) {
        self.resources = resources
        self.requests = requests
    }
}

/// Looks servers and volumes up by ID, signed like job reads and over the same connections.
public final class ResourceLookupClient: Sendable {
    private let client: JobClient
    /// The `server_id` form each ECS endpoint filters with, once one was seen not to.
    private let serverIDForms: Mutex<[String: ServerIDForm]>

    /// The docs write `server_id=a&server_id=b`, the SDK `server_id=a,b`.
    enum ServerIDForm: Sendable, Hashable {
        case repeated, comma

        var other: ServerIDForm { self == .repeated ? .comma : .repeated }

        func query(_ ids: [String]) -> [SigningRequest.QueryItem] {
            switch self {
            case .repeated: ids.map { .init("server_id", $0) }
            case .comma: [.init("server_id", ids.joined(separator: ","))]
            }
        }
    }

    public init(client: JobClient) {
        self.client = client
        self.serverIDForms = Mutex([:])
    }

    /// One lookup of at most `target.api.batchLimit` IDs: one request (a path of its own for a
    /// single ID), or two when ECS ignored the filter form sent and the other one was tried.
    public func lookUp(_ ids: [String], at target: LookupTarget, credential: Credential, now: Date = Date()) async throws(APIError) -> ResourceLookup {
        let ids = Array(ids.prefix(target.api.batchLimit))
        guard !ids.isEmpty else { return ResourceLookup(resources: [:], requests: 0) }
        for id in ids + [target.projectID] {
            if let problem = JobID.problem(with: id) {
                throw APIError(kind: .invalidRequest, message: "resource or project ID \(JobID.quoted(id)) \(problem)")
            }
        }
        if ids.count == 1 {
            return ResourceLookup(resources: try await single(ids[0], at: target, credential: credential, now: now), requests: 1)
        }
        switch target.api {
        case .bmsServer:
            // No ID filter is documented: one page of the list (`offset` is the page, from 1,
            // of up to 1000 servers). A server not on it is asked alone when retried.
            let servers = try await list(
                target, path: "/v1/{project_id}/baremetalservers/detail",
                query: [.init("limit", "\(LookupAPI.bmsServer.batchLimit)"), .init("offset", "1")],
                member: "servers", credential: credential, now: now)
            return ResourceLookup(resources: Self.keep(servers, asked: ids), requests: 1)
        case .evsVolumes:
            let idList = "[" + ids.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            let found = try await list(target, path: "/v2/{project_id}/cloudvolumes/detail", query: [.init("ids", idList)], member: "volumes", credential: credential, now: now)
            return ResourceLookup(resources: Self.keep(found, asked: ids), requests: 1)
        case .ecsServers:
            let identity = target.endpoint.identity
            let form = serverIDForms.withLock { $0[identity] } ?? .repeated
            let first = try await list(target, path: "/v1/{project_id}/cloudservers/detail", query: form.query(ids), member: "servers", credential: credential, now: now)
            guard !Self.filtered(first, asked: ids) else { return ResourceLookup(resources: Self.keep(first, asked: ids), requests: 1) }
            let second = try await list(target, path: "/v1/{project_id}/cloudservers/detail", query: form.other.query(ids), member: "servers", credential: credential, now: now)
            if Self.filtered(second, asked: ids) { serverIDForms.withLock { $0[identity] = form.other } }
            return ResourceLookup(resources: Self.keep(first, asked: ids).merging(Self.keep(second, asked: ids)) { a, _ in a }, requests: 2)
        }
    }

    /// Whether an answer held only what was asked: one that ignored the filter lists others.
    static func filtered(_ found: [Resource], asked: [String]) -> Bool {
        let asked = Set(asked)
        return found.allSatisfy { asked.contains($0.id) }
    }

    /// The ones asked for that have a name (ECS lists an unknown ID with every field null).
    static func keep(_ found: [Resource], asked: [String]) -> [String: Resource] {
        let asked = Set(asked)
        var out: [String: Resource] = [:]
        for resource in found where asked.contains(resource.id) && resource.hasName { out[resource.id] = resource }
        return out
    }

    private func single(_ id: String, at target: LookupTarget, credential: Credential, now: Date) async throws(APIError) -> [String: Resource] {
        let (template, member) = switch target.api {
        case .ecsServers: ("/v1/{project_id}/cloudservers/{id}", "server")
        case .bmsServer: ("/v1/{project_id}/baremetalservers/{id}", "server")
        case .evsVolumes: ("/v2/{project_id}/cloudvolumes/{id}", "volume")
        }
        let path = template.replacingOccurrences(of: "{id}", with: PercentEncoding.encode(id))
        guard let json = try await read(target, path: path, query: [], credential: credential, now: now), let object = json[member] else { return [:] }
        let resource = target.api.kind == .server ? ResourceBody.server(object) : ResourceBody.volume(object)
        guard let resource, resource.id == id, resource.hasName else { return [:] }
        return [id: resource]
    }

    private func list(_ target: LookupTarget, path: String, query: [SigningRequest.QueryItem], member: String, credential: Credential, now: Date) async throws(APIError) -> [Resource] {
        guard let json = try await read(target, path: path, query: query, credential: credential, now: now),
              case .array(let items)? = json[member] else { return [] }
        return items.compactMap { target.api.kind == .server ? ResourceBody.server($0) : ResourceBody.volume($0) }
    }

    /// The answer's JSON; `nil` for a 404 (not there, or not yet).
    private func read(_ target: LookupTarget, path template: String, query: [SigningRequest.QueryItem], credential: Credential, now: Date) async throws(APIError) -> JSONValue? {
        let path = target.endpoint.basePath + template.replacingOccurrences(of: "{project_id}", with: PercentEncoding.encode(target.projectID))
        let answer = try await client.exchange(endpoint: target.endpoint, path: path, query: query, scope: .project(target.projectID), network: target.network, credential: credential, now: now)
        let host = target.endpoint.hostHeader
        let redactor = Redactor(secrets: credential.secrets + target.network.proxy.secrets)
        if answer.status == 404 { return nil }
        guard (200..<300).contains(answer.status) else {
            throw JobClient.httpError(status: answer.status, body: answer.body, requestID: answer.requestID, retryAfter: answer.retryAfter, host: host, redactor: redactor, now: now)
        }
        guard let json = try? JSONValue.parse(answer.body) else {
            throw APIError(kind: .invalidResponse, httpStatus: answer.status, message: "answer to a lookup is not JSON", requestId: answer.requestID, host: host)
        }
        return json
    }
}
