import Foundation
import Testing

/// Lesson 12's step "The same burst, predicted" quotes what `%simulate` says beside the real run; this replays the
/// lesson's own code (its first solution, then `sized = pool_of(8)`) through the binary and checks those figures.
@Suite("lesson 12: the simulator's prediction", .timeLimit(.minutes(2)))
struct SizingLessonPredictionTests {
    /// The first `solution:` block of `Lessons/12-sizing.md`: the imports, `pool_of` and `job`.
    static var lessonSetup: String {
        get throws {
            let text = try String(
                contentsOf: PoolplayBinary.packageRoot.appendingPathComponent("Lessons/12-sizing.md"), encoding: .utf8)
            let afterSolution = try #require(text.firstRange(of: "solution:\n```python\n")).upperBound
            let end = try #require(text[afterSolution...].firstRange(of: "\n```")).lowerBound
            return String(text[afterSolution..<end]).replacing(/seed5 = .*\nresults5, t5 = .*/, with: "")
        }
    }

    @Test func thePredictionsTheLessonQuotes() async throws {
        let input = "%server latency=250ms max_concurrent=8\n" + (try Self.lessonSetup) + """

            sized = pool_of(8)
            results_sized, t_sized = await job(sized)
            print("real", t_sized >= 1.75, 56 / t_sized <= 32)
            %simulate --burst 56 --no-chart
            %simulate --burst 56 --limits 10,none --no-chart
            %simulate --burst 56 --sweep max_connections=4..10

            """
        let result = try await PoolplayBinary.run([], input: input)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        let text = result.stdout.replacing(/\ +/, with: " ")
        // The real run: 8 connections for 56 calls, 7 rounds of 250 ms at least (how much more depends on the load).
        #expect(text.contains("+56 requests · opened 8 · reused 48"), "\(result)")
        #expect(text.contains("real True True"), "\(result)")
        for line in [
            "simulated time 1.75 s", "throughput 32 req/s", "latency p50/p90/p99/max 1000 / 1750 / 1750 / 1750 ms",
            "connections opened 8", "connections reused 48", "429s / retries 0 / 0",
            "failed RateLimitError 48", "429s / retries 144 / 96",
            "\n 4 16 0 0 ", "\n 5 18.7 0 0 ", "\n 6 22.4 0 0 ", "\n 7 28 0 0 ", "\n 8 32 0 0 ", "\n 9 32 48 144 ",
            "\n 10 32 48 144 ",
        ] {
            #expect(text.contains(line), "\(line) in \(result.stdout)")
        }
    }
}
