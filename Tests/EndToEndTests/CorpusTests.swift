import Foundation
import Testing

/// Issue 5's rule, checked on every script in `Tests/Corpus/`: a program in the subset prints the same in
/// `poolplay run` as in CPython (wrapped in `async def main()`), against the same `poolplay serve`: identical
/// stdout, the same last stderr line and the same exit code, once ports, addresses and ids are normalised.
@Suite(.enabled(if: CorpusHarness.available, "needs .venv/openai3 (make test) and the poolplay binary"))
struct CorpusTests {
    /// At most this many scripts run at once (each is one Python and one poolplay process).
    static let concurrency = 3

    @Test func corpusHasEnoughScripts() {
        #expect(CorpusHarness.scripts.count >= 36)
    }

    @Test func normalisationRewritesWhatRunsMayDiffer() {
        let text = "<AsyncHTTPConnection ['http://127.0.0.1:41234', IDLE]> at 0x7f00ab main.<locals>.g() chatcmpl-42"
        #expect(
            CorpusHarness.normalise(text)
                == "<AsyncHTTPConnection ['http://127.0.0.1:PORT', IDLE]> at 0xADDR g() chatcmpl-ID")
    }

    @Test func errorLineSkipsPoolPlaysHints() {
        let stderr = "Traceback (most recent call last):\nTypeError: bad\n  hint: try this\n"
        let run = CorpusHarness.normalised(ChildProcess.Result(status: 1, stdout: "", stderr: stderr))
        #expect(run.lastErrorLine == "TypeError: bad")
    }

    @Test func everyScriptPrintsTheSameInBoth() async throws {
        let server = try await SDKCompatServer.start()
        let scripts = CorpusHarness.scripts
        let outcomes = try await CorpusHarness.runAll(scripts, limit: Self.concurrency) { script in
            try await CorpusHarness.run(script: script, baseURL: server.baseURL)
        }
        await server.stop()
        #expect(outcomes.count == scripts.count)
        for (script, cpython, poolplay) in outcomes.sorted(by: { $0.0 < $1.0 }) {
            #expect(poolplay.stdout == cpython.stdout, "\(script): stdout differs")
            #expect(poolplay.lastErrorLine == cpython.lastErrorLine, "\(script): last stderr line differs")
            #expect(poolplay.status == cpython.status, "\(script): exit code differs")
        }
        // The corpus exercises both endings: some scripts end with an uncaught error on purpose.
        #expect(outcomes.contains { $0.1.status == 1 })
        #expect(outcomes.contains { $0.1.status == 0 })
    }
}
