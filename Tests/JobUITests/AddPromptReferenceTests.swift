import JobModel
@testable import JobUI
import Testing

/// The `a` prompt reads what it is given as the command line does (`JobReference`): a watched
/// job named `SERVICE/ID` is already watched, another service's job of that ID is not.
struct AddPromptReferenceTests {
    static let id = "ff8080827e7810fb017f06338a731328"

    static var snapshot: Snapshot {
        var ecs = Fixtures.single
        ecs.key = JobKey(service: .ecs, endpoint: "ecs.cn-north-4.myhuaweicloud.com:443", projectID: "0a1b2c3d", jobID: id)
        return Fixtures.snapshot([Fixtures.failedBatch, ecs])
    }

    @Test func aWatchedJobNamedWithItsServiceIsAlreadyWatched() {
        let (state, effects) = Fixtures.press([.character("a")] + Fixtures.keys("ecs/\(Self.id)") + [.enter], Fixtures.state(), Self.snapshot)
        #expect(effects == [.bell])
        #expect(state.mode == .addingJob(text: "ecs/\(Self.id)", problem: "already watched"))
    }

    @Test func anotherServicesJobOfTheSameIDIsAdded() {
        let (state, effects) = Fixtures.press([.character("a")] + Fixtures.keys("EVS/\(Self.id)") + [.enter], Fixtures.state(), Self.snapshot)
        #expect(effects == [.addJob(JobReference(id: Self.id, service: .evs))])
        #expect(state.notice == "added evs/\(Self.id)")
    }

    @Test func anUnknownServiceIsRefusedInTheFootersFewWords() {
        let (state, effects) = Fixtures.press([.character("a")] + Fixtures.keys("sql/\(Self.id)") + [.enter], Fixtures.state(), Self.snapshot)
        #expect(effects == [.bell])
        #expect(state.mode == .addingJob(text: "sql/\(Self.id)", problem: "unknown service \"sql\" (jobwatch --help lists them)"))
    }
}
