import Foundation
import JobModel
import Testing

/// `JobReference`: the one parser of `[SERVICE/]ID [label]`, for arguments, the `a` prompt,
/// jobs files and standard input.
@Suite("Job references")
struct JobReferenceTests {
    /// Every name and alias of every service, as written in lower, upper and mixed case.
    static let spellings: [(String, Service)] = Service.all.flatMap { service in
        ([service.name] + service.aliases).flatMap { name in
            [(name, service), (name.uppercased(), service), (name.prefix(1).uppercased() + name.dropFirst(), service)]
        }
    }

    // MARK: - One argument

    @Test("a bare ID: no service, no label, no profile")
    func bareID() throws {
        let reference = try JobReference(parsing: "2c9eb2c5544cbf6101544f0602af2b4f")
        #expect(reference == JobReference(id: "2c9eb2c5544cbf6101544f0602af2b4f"))
        #expect(reference.service == nil)
        #expect(reference.label == nil)
        #expect(reference.profile == nil)
    }

    @Test("SERVICE/ID for every service's name and alias, any case", arguments: spellings)
    func serviceSlashID(name: String, service: Service) throws {
        // A DMS task names its instance first (`dms/INSTANCE_ID/TASK_ID`).
        let id = service.idNamesInstance ? "i-1/j-1" : "j-1"
        #expect(try JobReference(parsing: "\(name)/\(id)") == JobReference(id: id, service: service))
    }

    @Test("only the first slash ends the service name")
    func firstSlash() throws {
        // A job ID never holds a `/`, but the parser must not read a later one as a service.
        #expect(try JobReference(parsing: "ecs/a/b") == JobReference(id: "a/b", service: .ecs))
    }

    @Test("an unknown service: the description lists the services and the fix; the brief is short")
    func unknownService() {
        do {
            _ = try JobReference(parsing: "sql/123")
            Issue.record("sql/ was accepted")
        } catch {
            #expect(error.description == #"unknown service "sql" in "sql/123" — use one of: \#(Service.knownNames)"#)
            #expect(error.brief == #"unknown service "sql" (jobwatch --help lists them)"#)
        }
    }

    @Test("an empty ID after the slash, or none at all")
    func emptyID() {
        for text in ["ecs/", ""] {
            do {
                _ = try JobReference(parsing: text)
                Issue.record("\(text.debugDescription) was accepted")
            } catch {
                #expect(error.description == #"job ID "" is empty — give the job_id the API returned, optionally as SERVICE/JOB_ID"#)
                #expect(error.brief == "job ID is empty")
            }
        }
    }

    @Test("an ID that cannot be one: description quotes it, brief does not", arguments: [
        ("a b", "contains whitespace"), ("ecs/a\u{7}", "contains control characters"), (String(repeating: "x", count: 129), "is longer than 128 bytes"),
    ])
    func badID(text: String, problem: String) {
        do {
            _ = try JobReference(parsing: text)
            Issue.record("\(text.debugDescription) was accepted")
        } catch {
            #expect(error.brief == "job ID \(problem)")
            #expect(error.description.hasPrefix("job ID \""))
            #expect(error.description.contains(" \(problem) — give the job_id the API returned"))
            #expect(error.description.count < 200, "a bad ID is echoed cut")
        }
    }

    // MARK: - One line

    @Test("a line: ID, then a label after a space or a tab")
    func lines() throws {
        #expect(try JobReference(line: "j1") == JobReference(id: "j1"))
        #expect(try JobReference(line: "j1 web tier") == JobReference(id: "j1", label: "web tier"))
        #expect(try JobReference(line: "j1\tweb\ttier") == JobReference(id: "j1", label: "web\ttier"))
        #expect(try JobReference(line: "ecs/j1  db servers ") == JobReference(id: "j1", service: .ecs, label: "db servers"))
        #expect(try JobReference(line: "CCE/j1\tpool") == JobReference(id: "j1", service: .cce, label: "pool"))
        #expect(try JobReference(line: "j1 \t").label == nil, "a blank label is none")
    }

    @Test("a line whose service has a space after the slash: the label must not become the ID")
    func lineWithSpaceAfterSlash() {
        do {
            _ = try JobReference(line: "ecs/ web")
            Issue.record("ecs/ web was accepted")
        } catch {
            #expect(error.description == #"job ID "" is empty — write SERVICE/JOB_ID with no space after the /"#)
        }
    }

    @Test("a line with an unknown service names the services")
    func lineUnknownService() {
        #expect {
            _ = try JobReference(line: "foo/j1 label")
        } throws: { error in
            "\(error)".contains("use one of: bms, ecs, evs, ims, vpc, cce")
        }
    }

    // MARK: - Problems

    @Test("a problem's brief is its description unless given; at(place) prefixes only the description")
    func problemPlaces() {
        let plain = JobReference.Problem(description: "job ID is bad — fix it")
        #expect(plain.brief == "job ID is bad — fix it")
        let placed = JobReference.Problem(description: "long — fix", brief: "short").at("stdin:3")
        #expect(placed.description == "stdin:3: long — fix")
        #expect(placed.brief == "short")
        #expect(plain.at("jobs.txt:2").at("x").description == "x: jobs.txt:2: job ID is bad — fix it")
    }

    @Test("splitService leaves text without a slash whole")
    func splitService() throws {
        let (none, whole) = try JobReference.splitService("j1")
        #expect(none == nil)
        #expect(whole == "j1")
        let (service, rest) = try JobReference.splitService("eip/")
        #expect(service == .vpc)
        #expect(rest == "")
    }

    // MARK: - Use

    @Test("text: the service's own name and the ID, or the bare ID")
    func text() throws {
        #expect(try JobReference(parsing: "EIP/j1").text == "vpc/j1")
        #expect(try JobReference(parsing: "j1").text == "j1")
        #expect(JobReference(id: "j1", service: .cce, label: "ignored").text == "cce/j1")
        // What text says parses back to the same reference.
        let reference = JobReference(id: "j1", service: .ims)
        #expect(try JobReference(parsing: reference.text) == reference)
    }

    @Test("matches: the same ID, and the same service when the reference names one")
    func matches() {
        let key = JobKey(service: .ecs, endpoint: "127.0.0.1:18001", projectID: SessionScratch.projectID, jobID: "j1")
        #expect(JobReference(id: "j1").matches(key))
        #expect(JobReference(id: "j1", service: .ecs).matches(key))
        #expect(!JobReference(id: "j1", service: .bms).matches(key))
        #expect(!JobReference(id: "j2").matches(key))
        #expect(!JobReference(id: "J1").matches(key), "IDs are compared exactly")
    }

    @Test("watchEntry: its own profile, else the default; service and label carried")
    func watchEntry() {
        #expect(JobReference(id: "j1", service: .evs, label: "disks").watchEntry(defaultProfile: "prod")
            == WatchEntry(profile: "prod", jobID: "j1", service: .evs, label: "disks"))
        #expect(JobReference(id: "j1", profile: "k8s").watchEntry(defaultProfile: "prod") == WatchEntry(profile: "k8s", jobID: "j1"))
    }
}
