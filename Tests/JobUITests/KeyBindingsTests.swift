import JobModel
import Testing
@testable import JobUI

/// The key table is consistent: each key does one thing, each action has a key, and the
/// footer names exactly the bindings that have a hint.
struct KeyBindingsTests {
    @Test func noKeyIsBoundTwice() {
        let keys = KeyBindings.tree.flatMap(\.keys)
        #expect(keys.count == Set(keys).count, "\(keys)")
    }

    @Test func everyActionHasAKey() {
        let bound = Set(KeyBindings.tree.flatMap { $0.presses.map(\.action) })
        #expect(bound == Set(TreeAction.allCases))
    }

    @Test func eachKeyDispatchesTheActionItsBindingNames() {
        for binding in KeyBindings.tree {
            for press in binding.presses {
                for key in press.keys {
                    #expect(KeyBindings.action(for: key) == press.action, "\(key)")
                }
            }
        }
        #expect(KeyBindings.action(for: .character("x")) == nil)
        #expect(KeyBindings.action(for: .backspace) == nil)
    }

    @Test func theFooterNamesExactlyTheBindingsWithAHint() {
        let hinted = KeyBindings.tree.filter { $0.footer != nil }.map(\.keys)
        let named = KeyBindings.footer.map(\.keys)
        #expect(Set(hinted) == Set(named))
        #expect(named.count == Set(named).count)
    }

    @Test func keysOffTheTableDoNothingOnTheTree() {
        let (state, effects) = Fixtures.press([.character("x"), .backspace, .ctrl("u")], Fixtures.state(), Fixtures.snapshot())
        #expect(effects.isEmpty)
        #expect(state == Fixtures.state())
    }
}
