import Foundation
import Lessons
import LineEditing
import Testing

@testable import Playground
@testable import PythonModels

/// Issue 9 §4: `%goal`, `%check`, `%lesson restart`, `%lessons reset`, k/N in `%lessons`, `%next` across lessons,
/// reading steps, `%hint` without `%solution`, `%solution run`, prose and code in the author's order.
@Suite struct LessonRunnerMagicTests {
    static let twoLessons: [String: String] = [
        "95-first.md": """
            ---
            id: first
            title: First
            summary: S1
            order: 95
            ---
            ## Make a and b
            goal: Set a to 1 and b to 2.

            Try it to see the message:

            ```python
            a = 1
            ```

            Then the other one:

            ```python
            b = 2
            ```
            check: a == 1 and b == 2
            hint: Two assignments.
            solution:
            ```python
            a = 1
            b = 2
            ```

            ## Read on
            Nothing to do here.
            """,
        "96-second.md": """
            ---
            id: second
            title: Second
            summary: S2
            order: 96
            ---
            ## Only step
            check: c == 3
            solution:
            ```python
            c = 3
            ```
            """,
    ]

    static func run(_ text: String, progressFile: String? = nil) async throws -> CapturedOutput {
        let folder = try LessonStateTests.overlay(twoLessons)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let harness = try await PlaygroundHarness.start(
            latency: .milliseconds(2), options: LessonStateTests.options(overlay: folder, progressFile: progressFile))
        await harness.pipe(text)
        try await harness.stop()
        return harness.output
    }

    @Test func goalAndCheckSayWhatIsMissing() async throws {
        let output = try await Self.run("%lesson 95\n%goal\n%check\na = 1\n%check\nb = 2\n%check")
        let out = output.stdout
        #expect(out.contains("Lesson 95 · Step 1/2 · goal: Set a to 1 and b to 2.\n"))
        #expect(out.contains("✗ not yet: a == 1 raises NameError: name 'a' is not defined\n"))
        #expect(out.contains("✗ not yet: b == 2 raises NameError: name 'b' is not defined\n"))
        #expect(out.contains("✓ step 1 passed"))
        #expect(out.contains("✓ step 1 already passed"))
        #expect(output.stderr == "")
    }

    @Test func proseAndCodeKeepTheirOrderAndReadingStepsSayNext() async throws {
        let out = try await Self.run("%lesson 95\n%next\n%hint\n%hint\n%solution").stdout
        let message = try #require(out.range(of: "Try it to see the message:"))
        let first = try #require(out.range(of: "    a = 1\n"))
        let then = try #require(out.range(of: "Then the other one:"))
        let second = try #require(out.range(of: "    b = 2\n"))
        #expect(message.upperBound <= first.lowerBound && first.upperBound <= then.lowerBound && then.upperBound <= second.lowerBound)
        #expect(out.contains("── Lesson 95 · Step 2/2 · Read on ──\nNothing to do here.\n(%next to continue)\n"))
        #expect(out.contains("This step has no hints: read it, then %next to continue."))
        #expect(out.contains("This step has no solution: %next to continue."))
        #expect(!out.contains("%solution shows"))
    }

    @Test func nextAfterTheLastStepLeavesAndOffersTheNextLesson() async throws {
        let output = try await Self.run("x = 7\n%lesson 95\na = 1\nb = 2\n%next\n%next\nx\n%next\nc = 3\n%next\n%lessons")
        let out = output.stdout
        #expect(out.contains("★ lesson complete: First"))
        #expect(out.contains("Left the lesson. Your own names are back.\nNext: lesson 96 · Second. %next starts it.\n7\n"))
        #expect(out.contains("── Lesson 96 · Step 1/1 · Only step ──"))
        #expect(out.contains("That was the last lesson."))
        #expect(out.contains("✓ 95. First [1/1]"))
        #expect(out.contains("✓ 96. Second [1/1]"))
        #expect(out.contains("  1. Connection limits go on the HTTP client [0/4]"))
    }

    @Test func restartAndMultiLineSolutionRun() async throws {
        let output = try await Self.run("%lesson 95\n%solution\n%solution run\n%lesson restart\na")
        let out = output.stdout
        #expect(out.contains("Solution (pre-typed one line per prompt: edit each, then Enter; %solution run runs it as typed):\n    a = 1\n    b = 2\n"))
        #expect(out.contains(">>> a = 1\n... b = 2\n"))
        #expect(out.contains("✓ step 1 passed"))
        let restarted = try #require(out.range(of: "── Lesson 95 · Step 1/2", options: .backwards))
        #expect(restarted.lowerBound > (out.range(of: "✓ step 1 passed")?.upperBound ?? out.endIndex))
        #expect(output.stderr.contains("NameError: name 'a' is not defined"), "restart starts with a fresh namespace")
    }

    @Test func lessonsResetKeepsABackup() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-reset-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/progress.json"
        let output = try await Self.run("%lesson 96\nc = 3\n%lessons reset\n%lessons", progressFile: file)
        #expect(output.stdout.contains("Lesson progress cleared; the old progress is saved in \(file).backup-1."))
        #expect(output.stdout.contains("  96. Second [0/1]"))
        #expect(ProgressStore(file: file + ".backup-1").load().isCompleted("second"))
        #expect(!ProgressStore(file: file).load().isCompleted("second"))
    }
}

/// `%solution` at a terminal pre-types a multi-line solution one line per prompt.
@Suite struct SolutionPretypeTests {
    @Test func multiLineSolutionsArePretypedOneLinePerPrompt() async throws {
        let folder = try LessonStateTests.overlay(LessonRunnerMagicTests.twoLessons)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let harness = try await PlaygroundHarness.start(options: LessonStateTests.options(overlay: folder))
        let reader = ScriptedLineReader(["%lesson 95", "%solution", "a = 1", "b = 2"])
        await harness.session.runREPL(reader: reader)
        try await harness.stop()
        #expect(reader.pretyped == ["a = 1", "b = 2"])
        #expect(harness.output.stdout.contains("Solution (pre-typed one line per prompt"))
        #expect(harness.output.stdout.contains("✓ step 1 passed"))
    }

    @Test func aBlockEndsWithAnEmptyLineBeforeTheNextStatement() {
        #expect(
            LineSource.promptLines("for i in range(2):\n    x = i\ntry:\n    y = 1\nexcept ValueError:\n    pass\nz = 3")
                == ["for i in range(2):", "    x = i", "", "try:", "    y = 1", "except ValueError:", "    pass", "", "z = 3"])
        #expect(LineSource.promptLines("c = f(\n    1,\n)\nd = 2") == ["c = f(", "    1,", ")", "d = 2"])
    }
}
