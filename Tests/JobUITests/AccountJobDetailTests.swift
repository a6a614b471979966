import Foundation
import JobModel
import Testing
@testable import JobUI

/// An account's job (Global EIP, an order) is placed by its domain, not a project: the detail
/// pane says so.
struct AccountJobDetailTests {
    @Test func theDetailNamesTheAccount() {
        let key = JobKey(service: .order, endpoint: "bss.myhuaweicloud.com:443", projectID: "9a8b7c6d", jobID: "CS7A0702DD8CE2CA59")
        let order = JobState(
            entry: WatchEntry(profile: "prod", jobID: key.jobID, service: .order), key: key,
            job: Job(id: key.jobID, type: "hws.service.type.ec2", status: JobStatus(raw: "PENDING_PAYMENT", words: Service.order.statusWords)),
            readAt: Fixtures.now, health: .fresh
        )
        let snapshot = Fixtures.snapshot([Fixtures.failedBatch, order])
        var state = Fixtures.state(width: 100, height: 30)
        state.selection = .job(key)
        let facts = DetailView.lines(for: NodeRef(job: 1), RenderContext(snapshot: snapshot, state: state, palette: Palette(capabilities: Fixtures.color), now: Fixtures.now))
        #expect(facts.contains { $0.0 == "where" && $0.1 == "bss.myhuaweicloud.com:443  account 9a8b7c6d" }, "\(facts)")
        let project = DetailView.lines(for: NodeRef(job: 0), RenderContext(snapshot: snapshot, state: state, palette: Palette(capabilities: Fixtures.color), now: Fixtures.now))
        #expect(project.contains { $0.0 == "where" && $0.1.hasSuffix("project 0a1b2c3d") }, "\(project)")
    }
}
