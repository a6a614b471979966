import Foundation
import JobModel
import Testing
@testable import JobUI

/// Several budgets (one per host: ECS, RDS, ELB… of a region) each say whose they are.
struct BudgetLabelTests {
    @Test func labelsNameTheService() {
        #expect(BudgetLabel.of(endpoint: "rds.cn-north-4.myhuaweicloud.com:443") == "rds")
        #expect(BudgetLabel.of(endpoint: "gaussdb-nosql.eu-west-101.myhuaweicloud.eu:443") == "gaussdb-nosql")
        #expect(BudgetLabel.of(endpoint: "127.0.0.1:8080/rds") == "rds")
        #expect(BudgetLabel.of(endpoint: "[::1]:8080/elb") == "elb")
        #expect(BudgetLabel.of(endpoint: "127.0.0.1:8080") == "budget")
        #expect(BudgetLabel.of(endpoint: "proxy.example.com:443/gw/ecs") == "proxy")
    }

    @Test func aHeaderWithSeveralBudgetsNamesEach() {
        var snapshot = Fixtures.snapshot()
        snapshot.budgets = [
            BudgetUse(credential: "AK HPUA…", endpoint: "ecs.cn-north-4.myhuaweicloud.com:443", usedLastMinute: 12, limitPerMinute: 30),
            BudgetUse(credential: "AK HPUA…", endpoint: "rds.cn-north-4.myhuaweicloud.com:443", usedLastMinute: 2, limitPerMinute: 30),
        ]
        var state = Fixtures.state()
        state.showDetail = false
        let frame = Fixtures.render(snapshot, state)
        #expect(frame.lines[2] == "poll 2s ago · ecs 12/30 per min · rds 2/30 per min", "\(frame.lines)")
    }

    /// Other tools spend the quota: the budget says it went lower, and from what.
    @Test func aSlowedBudgetSaysFromWhat() {
        var snapshot = Fixtures.snapshot()
        var use = BudgetUse(credential: "AK HPUA…", endpoint: "ecs.cn-north-4.myhuaweicloud.com:443", usedLastMinute: 6, limitPerMinute: 7.5)
        use.slowedFrom = 30
        snapshot.budgets = [use]
        var state = Fixtures.state()
        state.showDetail = false
        let frame = Fixtures.render(snapshot, state)
        #expect(frame.lines[2] == "poll 2s ago · budget 6/7 per min, slowed from 30 (429s)", "\(frame.lines)")
    }
}
