import Foundation
import Testing

@testable import Lessons

/// `goal:` lines, the `server:` front matter, prose and code kept in the author's order, per-step passes in the
/// progress file (old files still load) and `%lessons reset`'s backup.
@Suite struct LessonFormatExtensionTests {
    @Test func goalAndServerKnobsAreRead() throws {
        let text = """
            ---
            id: t
            title: T
            summary: S
            server:
              latency: 1s
              max_concurrent: 4
            ---
            ## Do it
            goal: Build the client.
            check: x == 1
            solution:
            ```python
            x = 1
            ```
            """
        let lesson = try LessonLoader.parse(text, file: "Lessons/09-t.md")
        #expect(lesson.server == [ServerKnob(name: "latency", value: "1s", line: 6), ServerKnob(name: "max_concurrent", value: "4", line: 7)])
        #expect(lesson.steps[0].goal == "Build the client.")
        #expect(lesson.checkedStepIndices == [0])
    }

    @Test func aSecondGoalAndAServerScalarAreErrors() {
        let twoGoals = "---\nid: t\ntitle: T\nsummary: S\n---\n## A\ngoal: one\ngoal: two\n"
        #expect(LessonLoaderTests.error(parsing: twoGoals)?.line == 8)
        let scalar = "---\nid: t\ntitle: T\nsummary: S\nserver: fast\n---\n## A\nText.\n"
        #expect(LessonLoaderTests.error(parsing: scalar)?.line == 5)
    }

    @Test func proseAndCodeStayInTheAuthorsOrder() throws {
        let text = """
            ---
            id: t
            title: T
            summary: S
            ---
            ## Step
            Try it to see the message:

            ```python
            bad()
            ```

            The right way:

            ```python
            good()
            ```
            Done.
            """
        let step = try LessonLoader.parse(text, file: "Lessons/09-t.md").steps[0]
        #expect(step.blocks == [.prose("Try it to see the message:"), .code("bad()"), .prose("The right way:"), .code("good()"), .prose("Done.")])
        #expect(step.tryCode == ["bad()", "good()"])
    }

    @Test func oldProgressFilesLoadAndPassesAreAdded() throws {
        let old = #"{"completed_lessons": ["limits"], "current": {"lesson": "keepalive", "step": 1}}"#
        var progress = try JSONDecoder().decode(LessonProgress.self, from: Data(old.utf8))
        #expect(progress.isCompleted("limits"))
        #expect(progress.current == .init(lessonID: "keepalive", step: 1))
        progress.markPassed("keepalive", step: 0)
        progress.markPassed("keepalive", step: 0)
        #expect(progress.passedCount("keepalive", of: [0, 2]) == 1)
        let again = try JSONDecoder().decode(LessonProgress.self, from: JSONEncoder().encode(progress))
        #expect(again == progress)
    }

    @Test func resetWritesABackupFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-reset-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = ProgressStore(file: folder + "/progress.json")
        #expect(try store.reset() == nil)
        try store.save(LessonProgress(completedLessons: ["limits"]))
        let backup = try store.reset()
        #expect(backup == folder + "/progress.json.backup-1")
        #expect(store.load() == LessonProgress())
        #expect(ProgressStore(file: folder + "/progress.json.backup-1").load().isCompleted("limits"))
    }
}

/// `%check` names the false part of a check: top-level `and` splits, nested or quoted ones do not.
@Suite struct CheckExpressionTests {
    @Test func splitsOnTopLevelAndOnly() {
        #expect(CheckExpression.conjuncts("a == 1 and b == 2") == ["a == 1", "b == 2"])
        #expect(CheckExpression.conjuncts("len(results) == 20 and \"and x\" in repr(f(a and b))") == ["len(results) == 20", "\"and x\" in repr(f(a and b))"])
        #expect(CheckExpression.conjuncts("android and band") == ["android", "band"])
        #expect(CheckExpression.conjuncts("x") == ["x"])
        #expect(CheckExpression.conjuncts("[a and b]") == ["[a and b]"])
    }
}
