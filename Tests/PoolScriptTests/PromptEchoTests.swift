import Testing

@testable import PoolScript

/// The prompt echoes a value with its class's `__repr__`, as CPython's `sys.displayhook` does.
@Suite struct PromptEchoTests {
    @Test func echoUsesUserRepr() async {
        let output = await run(
            """
            import collections
            collections.Counter('abb')
            collections.deque([1], maxlen=2)
            """, mode: .interactive)
        #expect(output == "Counter({'b': 2, 'a': 1})\ndeque([1], maxlen=2)\n")
    }
}
