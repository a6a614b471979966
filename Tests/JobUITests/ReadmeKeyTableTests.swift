import Foundation
import Testing
@testable import JobUI

/// The README's key table (the dashboard's `| key | what it does |`) names the keys
/// `KeyBindings` binds on the tree: every key it lists works, and every bound key is listed.
struct ReadmeKeyTableTests {
    /// Rows whose first cell is not a key.
    static let notKeys: Set<String> = ["paste"]

    /// Bound keys the README leaves out, and why.
    static let undocumented: [Key: String] = [
        .ctrl("c"): "the terminal (cbreak) turns it into SIGINT, which the README lists with the signals",
    ]

    /// The first cell of each row of the table.
    static func firstCells() throws -> [String] {
        // Tests/JobUITests/<this file> → the package's README.md.
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.firstIndex { $0.hasPrefix("| key | what it does |") })
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        return rows.map { row in
            String(row.split(separator: "|", omittingEmptySubsequences: false)[1]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The keys a cell names in backticks (`` `PgUp` `PgDn` ``, `` `r` / `R` ``).
    static func keyNames(in cell: String) -> [String] {
        cell.matches(of: /`([^`]+)`/).map { String($0.output.1) }
    }

    /// A key as the README writes it; `nil` for a name this test does not know.
    static func key(named name: String) -> Key? {
        switch name {
        case "↑": return .up
        case "↓": return .down
        case "←": return .left
        case "→": return .right
        case "PgUp": return .pageUp
        case "PgDn": return .pageDown
        case "Home": return .home
        case "End": return .end
        case "Enter": return .enter
        case "Esc": return .escape
        case "Tab": return .tab
        case "Backspace": return .backspace
        default:
            if name.hasPrefix("Ctrl-"), name.count == 6, let letter = name.last { return .ctrl(Character(letter.lowercased())) }
            if name.count == 1, let character = name.first { return .character(character) }
            return nil
        }
    }

    static func readmeKeys() throws -> [Key] {
        try firstCells().flatMap(keyNames).compactMap(key(named:))
    }

    @Test func theTableIsFoundAndEveryRowNamesKeysOrIsAKnownException() throws {
        let cells = try Self.firstCells()
        #expect(cells.count >= 15)
        for cell in cells where Self.keyNames(in: cell).isEmpty {
            #expect(Self.notKeys.contains(cell), "a row names no key: \(cell)")
        }
        for exception in Self.notKeys {
            #expect(cells.contains(exception), "no longer in the README: \(exception)")
        }
        for name in try Self.firstCells().flatMap(Self.keyNames) {
            #expect(Self.key(named: name) != nil, "the README names a key this test cannot read: \(name)")
        }
    }

    @Test func everyKeyTheReadmeListsIsBound() throws {
        for key in try Self.readmeKeys() {
            #expect(KeyBindings.action(for: key) != nil, "the README lists \(key), which does nothing on the tree")
        }
    }

    @Test func everyBoundKeyIsInTheReadme() throws {
        let listed = Set(try Self.readmeKeys())
        for key in KeyBindings.tree.flatMap(\.keys) where Self.undocumented[key] == nil {
            #expect(listed.contains(key), "bound but not in the README's key table: \(key)")
        }
        // An exception is dropped once the README lists the key.
        for key in Self.undocumented.keys {
            #expect(!listed.contains(key), "listed now, no longer an exception: \(key)")
            #expect(KeyBindings.action(for: key) != nil, "no longer bound: \(key)")
        }
    }
}
