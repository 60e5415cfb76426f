@testable import PoolScript
import Testing

/// Interactive entries as CPython's REPL takes them (checked with `python3.11 -i`).
@Suite struct InteractiveEntryTests {
    /// 'single' mode: expression statements echo inside the entry's loops and blocks, not inside its functions.
    @Test func expressionsEchoInsideBlocksButNotInsideFunctions() async {
        let output = await run(
            """
            for i in range(2):
                try:
                    x = 1 / i
                except ZeroDivisionError:
                    print("zero")
                i
            def f():
                3
            f()
            None
            """, mode: .interactive)
        #expect(output == "zero\n0\n1\n")
    }

    /// A block header typed last inside another block still waits for its body; after a blank line it is an error.
    @Test func aNestedHeaderWaitsForItsBody() {
        #expect(inputStatus("for i in range(2):\n    try:") == .incomplete)
        #expect(inputStatus("if True:\n    if True:") == .incomplete)
        #expect(inputStatus("for i in range(2):\n    try:\n        pass") == .incomplete)
        #expect(inputStatus("if True:\n    if True:\n") == .invalid)
        #expect(inputStatus("for i in range(2):\n    try:\n        pass\n    except E:\n        pass\n") == .complete)
    }
}
