import Testing

@testable import PoolScript

/// How an uncaught SystemExit maps to an exit status (CPython's `_Py_HandleSystemExit`), and `SystemExit.code`.
@Suite struct SystemExitOutcomeTests {
    func outcome(_ source: String) async -> SystemExitOutcome? {
        let interpreter = Interpreter(host: TestHost())
        guard case .error(let e) = await interpreter.run(source, mode: .file) else { return nil }
        return e.systemExitOutcome
    }

    @Test func codes() async {
        #expect(await outcome("import sys\nsys.exit(3)") == SystemExitOutcome(status: 3, message: nil))
        #expect(await outcome("import sys\nsys.exit()") == SystemExitOutcome(status: 0, message: nil))
        #expect(await outcome("raise SystemExit") == SystemExitOutcome(status: 0, message: nil))
        #expect(await outcome("raise SystemExit('no')") == SystemExitOutcome(status: 1, message: "no\n"))
        #expect(await outcome("raise ValueError(3)") == nil)
    }

    @Test func codeAttribute() async {
        let output = await run(
            """
            for args in [(), (2,), ('m',), (1, 2)]:
                try:
                    raise SystemExit(*args)
                except SystemExit as e:
                    print(repr(e.code), e.args)
            """)
        #expect(output == "None ()\n2 (2,)\n'm' ('m',)\n(1, 2) (1, 2)\n")
    }
}
