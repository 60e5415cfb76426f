@testable import PoolScript
import Testing

/// A short seeded mutation fuzz run over lexer, parser, `inputStatus` and evaluator (see `FuzzMutator`);
/// `scripts/fuzz/run-fuzz.sh` runs the long one with libFuzzer outside CI.
@Suite struct FuzzTests {
    static let seed: UInt64 = 0x5EED_F022
    static let inputs = 1_000

    @Test func corpusProgramsEndWithinTheBudget() async {
        for program in FuzzCorpus.programs + FuzzCorpus.regressions {
            let outcome = await fuzzOne(program, interactive: false)
            #expect([.ok, .error, .syntaxError].contains(outcome), "\(program.debugDescription) → \(outcome)")
        }
    }

    /// Fixes for what the fuzzer found, checked against CPython's output.
    @Test func fuzzFindingsBehaveAsCPython() async {
        #expect(
            await run("print('a,b,c'.replace('', 'z'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'ab'.replace('', '', 0))")
                == "zaz,zbz,zcz -a-bc x ab\n"
        )
        #expect(
            await run("('a' * 9999).replace('a', 'b' * 9999)").hasPrefix(
                "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nMemoryError: the playground's memory budget"
            )
        )
        #expect(await run("print([] * 10 ** 18, '' * 10 ** 18, () * 10 ** 18, b'' * 10 ** 18, [1] * -5)") == "[]  () b'' []\n")
        let selfAwait = "import asyncio\nasync def f():\n    await t\nt = asyncio.create_task(f())\nawait t"
        #expect((await run(selfAwait)).contains("\nRuntimeError: Task cannot await on itself: <Task pending name='Task-1'"))
        #expect(
            await run("x = " + String(repeating: "(", count: 101) + "1" + String(repeating: ")", count: 101))
                .hasSuffix("SyntaxError: too many nested expressions\n")
        )
    }

    @Test func mutatedProgramsNeverCrashOrHang() async {
        var mutator = FuzzMutator(seed: Self.seed, corpus: FuzzCorpus.programs, small: true)
        var counts: [FuzzOutcome: Int] = [:]
        for index in 0..<Self.inputs {
            let input = mutator.next()
            let outcome = await fuzzOne(input, interactive: index % 4 == 0)
            counts[outcome, default: 0] += 1
            if ![FuzzOutcome.ok, .error, .syntaxError].contains(outcome) {
                Issue.record("seed \(Self.seed) input \(index): \(input.debugDescription) → \(outcome)")
            }
        }
        // Mutations must reach every outcome, or the fuzzer is only exercising the parser's error path.
        #expect(counts[.ok, default: 0] > 0, "seed \(Self.seed): \(counts)")
        #expect(counts[.error, default: 0] > 0, "seed \(Self.seed): \(counts)")
        #expect(counts[.syntaxError, default: 0] > 0, "seed \(Self.seed): \(counts)")
    }
}
