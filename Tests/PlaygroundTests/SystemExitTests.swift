import Testing

@testable import Playground

/// `sys.exit()` / `raise SystemExit` end `poolplay run` with CPython's status and no traceback, and end the
/// interactive session as in `python3 -i` (the status becomes the playground's). Statuses and stderr are what
/// CPython 3.11 gives for the same files.
@Suite struct SystemExitTests {
    func runFile(_ source: String, arguments: [String] = []) async throws -> (Int32, CapturedOutput) {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        let status = await harness.session.runFile(source: source, path: "prog.py", arguments: arguments)
        try await harness.stop()
        return (status, harness.output)
    }

    @Test(arguments: [
        ("import sys\nsys.exit(3)", Int32(3), ""),
        ("import sys\nsys.exit()", 0, ""),
        ("raise SystemExit", 0, ""),
        ("raise SystemExit(0)", 0, ""),
        ("import sys\nsys.exit('bye now')", 1, "bye now\n"),
        ("raise SystemExit(1, 2)", 1, "(1, 2)\n"),
        ("import sys\nsys.exit(True)", 1, ""),
    ])
    func statusAndStderr(source: String, status: Int32, stderr: String) async throws {
        let (got, output) = try await runFile(source + "\nprint('not reached')")
        #expect(got == status)
        #expect(output.stderr == stderr)
        #expect(output.stdout.isEmpty)
    }

    @Test func systemExitInsideAsyncioRunAndThreadPool() async throws {
        let (status, output) = try await runFile(
            """
            import asyncio, sys
            from concurrent.futures import ThreadPoolExecutor
            def worker():
                sys.exit(5)
            with ThreadPoolExecutor() as ex:
                future = ex.submit(worker)
            try:
                future.result()
            except SystemExit as e:
                print("stored in the future:", e.code)
            async def main():
                raise SystemExit(7)
            asyncio.run(main())
            """)
        #expect(output.stdout == "stored in the future: 5\n")
        #expect(output.stderr.isEmpty)
        #expect(status == 7)
    }

    @Test func argumentsReachSysArgv() async throws {
        let (status, output) = try await runFile("import sys\nprint(sys.argv)", arguments: ["--count", "2"])
        #expect(status == 0)
        #expect(output.stdout == "['prog.py', '--count', '2']\n")
    }

    @Test func sysExitEndsTheInteractiveSession() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        await harness.pipe("print(1)\nimport sys\nsys.exit(4)\nprint(2)")
        try await harness.stop()
        #expect(harness.output.stdout == "1\n")
        #expect(!harness.output.stderr.contains("Traceback"))
        #expect(harness.session.exitStatus == 4)
    }

    @Test func exitWithAMessageEndsTheSessionLikePython() async throws {
        let harness = try await PlaygroundHarness.start(latency: .zero, options: .withoutPanels)
        await harness.pipe("exit('bye')\nprint(2)")
        try await harness.stop()
        #expect(harness.output.stdout.isEmpty)
        #expect(harness.output.stderr == "bye\n")
        #expect(harness.session.exitStatus == 1)
    }
}
