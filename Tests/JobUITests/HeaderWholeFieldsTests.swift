import Foundation
import JobModel
import Testing
@testable import JobUI

/// On a narrow terminal the header drops whole fields, the least important first: never a label
/// without its value (`sub-jobs 56:`), never a word cut off.
struct HeaderWholeFieldsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let snapshot: Snapshot
        let context: String
        let paused: Bool
        let capabilities: TerminalCapabilities
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "fixtures", snapshot: Fixtures.snapshot(), context: "", paused: false, capabilities: Fixtures.color),
        Case(name: "fixtures paused", snapshot: Fixtures.snapshot(), context: "", paused: true, capabilities: Fixtures.color),
        Case(name: "rollout", snapshot: Fixtures.rolloutSnapshot, context: Fixtures.rolloutContext, paused: false, capabilities: Fixtures.color),
        Case(name: "rollout paused", snapshot: Fixtures.rolloutSnapshot, context: Fixtures.rolloutContext, paused: true, capabilities: Fixtures.color),
        Case(name: "rollout ASCII", snapshot: Fixtures.rolloutSnapshot, context: "prod - bms.cn-north-4.myhuaweicloud.com", paused: false, capabilities: Fixtures.ascii),
    ]

    static let sizes: [(width: Int, height: Int)] = [(80, 24), (100, 30), (40, 12)]

    static func state(_ test: Case, width: Int, height: Int) -> ViewState {
        var state = Fixtures.state(width: width, height: height)
        state.context = test.context
        if test.paused { state.frozen = test.snapshot }
        return state
    }

    /// The header's lines at a size, the progress bar (as wide as the terminal allows) as `[bar]`.
    static func header(_ test: Case, width: Int, height: Int) -> [String] {
        let frame = Fixtures.render(test.snapshot, state(test, width: width, height: height), width: width, height: height, capabilities: test.capabilities)
        return frame.lines.prefix(Layout(width: width, height: height).headerRows).map {
            $0.replacing(/\[[█░#\-]+\]/, with: "[bar]").trimmingCharacters(in: .whitespaces)
        }
    }

    /// A line's fields, as the header separates them.
    static func pieces(_ line: String) -> [String] {
        line.split(separator: /[ ]{2,}|[ ]·[ ]|[ ]\|[ ]|[ ]-[ ]|,[ ]/).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test(arguments: cases)
    func everyFieldIsWholeOrAbsent(_ test: Case) {
        for size in Self.sizes {
            // The same header with room for everything: the whole fields.
            let wide = Self.header(test, width: 400, height: size.height)
            let narrow = Self.header(test, width: size.width, height: size.height)
            for (row, line) in narrow.enumerated() {
                let whole = Self.pieces(wide[row])
                #expect(!line.hasSuffix(":") && !line.hasSuffix("…") && !line.hasSuffix("~"), "\(size) row \(row): \(line)")
                for piece in Self.pieces(line) {
                    // A field may lose what comes before it (the title before the profile), never its end.
                    #expect(whole.contains { $0.hasSuffix(piece) }, "\(size) row \(row): «\(piece)» is not a whole field of «\(wide[row])»")
                }
            }
        }
    }

    @Test(arguments: cases)
    func theMostImportantFieldsStay(_ test: Case) {
        let unicode = test.capabilities.unicode
        let counts = test.snapshot.subJobCounts
        let symbols = [JobStatus.success, .fail, .running, .initial].map { StatusLook.symbol($0, unicode: unicode) }
        let values = [counts.success, counts.fail, counts.running, counts.initial]
        let subJobs = "sub-jobs \(counts.total): " + zip(symbols, values).map { "\($0)\($1)" }.joined(separator: " ")
        let progress = "\(counts.finished)/\(counts.total)"
        for size in Self.sizes {
            let lines = Self.header(test, width: size.width, height: size.height)
            #expect(lines[0].contains(subJobs), "\(size): \(lines[0])")
            #expect(lines[1].contains(progress), "\(size): \(lines[1])")
            if test.paused { #expect(lines[0].hasPrefix("PAUSED"), "\(size): \(lines[0])") }
            if size.width >= 80 {
                #expect(lines[0].contains("jobs \(test.snapshot.jobCounts.total): "), "\(size): \(lines[0])")
                #expect(lines[2].contains("poll 2s ago"), "\(size): \(lines[2])")
            }
        }
    }

    /// A problem's message is worth more cut than gone: it takes the line, with an ellipsis.
    @Test func aProblemTooLongForTheLineIsCutNotDropped() {
        var snapshot = Fixtures.snapshot()
        snapshot.stateSaveProblem = "/ro/jobwatch: cannot create the state file there — check the folder's permissions"
        let test = Case(name: "", snapshot: snapshot, context: "", paused: false, capabilities: Fixtures.color)
        let health = Self.header(test, width: 80, height: 24)[2]
        #expect(health.hasPrefix("state not saved: /ro/jobwatch: cannot create"), "\(health)")
        #expect(health.hasSuffix("…") && DisplayWidth.of(health) == 80, "\(health)")
        // Short problems stay whole, beside the rest.
        #expect(Self.header(test, width: 200, height: 24)[2].hasSuffix("permissions · poll 2s ago · budget 12/30 per min"))
    }

    /// Narrowing, the host goes first, then the jobs' counts, the program's name, the profile.
    @Test(arguments: [
        (120, "jobwatch prod · bms.cn-north-4.myhuaweicloud.com  jobs 2: ✔0 ✖1 ▶1 ○0  sub-jobs 56: ✔11 ✖2 ▶41 ○2"),
        (80, "jobwatch prod  jobs 2: ✔0 ✖1 ▶1 ○0  sub-jobs 56: ✔11 ✖2 ▶41 ○2"),
        (60, "jobwatch prod  sub-jobs 56: ✔11 ✖2 ▶41 ○2"),
        (40, "prod  sub-jobs 56: ✔11 ✖2 ▶41 ○2"),
    ])
    func theSummaryLineNarrowing(_ width: Int, _ expected: String) {
        #expect(Self.header(Self.cases[2], width: width, height: 30)[0] == expected)
    }

    @Test func theRolloutAt80x24() {
        let lines = Self.header(Self.cases[2], width: 80, height: 24)
        #expect(lines == [
            "jobwatch prod  jobs 2: ✔0 ✖1 ▶1 ○0  sub-jobs 56: ✔11 ✖2 ▶41 ○2",
            "[bar] 13/56 23%  ETA 12m40s, 3 overdue  times local",
            "clock 6m00s ahead of server · poll 2s ago · budget 12/30 per min",
        ])
    }
}
