import Testing

@testable import PoolScript

/// The prompt's continuation rule for decorators and classes, as `python3.11 -i` prompts: a decorator line waits
/// for the `def` or `class` it decorates, and a blank line after a lone decorator is a syntax error.
@Suite struct DecoratorEntryTests {
    @Test func aDecoratorLineWaitsForWhatItDecorates() {
        #expect(inputStatus("@dataclass") == .incomplete)
        #expect(inputStatus("@functools.lru_cache(maxsize=2)") == .incomplete)
        #expect(inputStatus("@dataclass\nclass P:\n    x: int = 1") == .incomplete)
        #expect(inputStatus("@dataclass\nclass P:\n    x: int = 1\n") == .complete)
        #expect(inputStatus("@dataclass\n\n") == .invalid)
    }

    @Test func aOneLineClassWaitsForABlankLine() {
        #expect(inputStatus("class Q: pass") == .incomplete)
        #expect(inputStatus("class Q: pass\n") == .complete)
    }
}
