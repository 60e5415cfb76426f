import Foundation
import Lessons
import Testing

@testable import Playground

/// `poolplay lessons verify` and `lint` over the bundled curriculum, in both languages; and the check vocabulary.
@Suite struct LessonVerifyTests {
    @Test(arguments: ["en", "zh-Hans"])
    func theBundledCurriculumVerifies(_ language: String) async {
        var report = ""
        let (passed, failed) = await PlaygroundApp.verifyLessons(language: language, latencyScale: 0.25) { report += $0 }
        #expect(failed == 0, "\(report)")
        #expect(passed > 50)
        #expect(report.hasSuffix("\(passed) passed, 0 failed\n"))
    }

    @Test func theBundledCurriculumLintsClean() {
        #expect(PlaygroundApp.lintLessons(directory: nil) == [])
    }

    @Test func verifyReportsAWrongThatPassesAndAFalseExpectAtTheirLines() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-verify-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = """
            ---
            id: v
            title: V
            summary: S
            order: 90
            ---

            ## One call
            check: step.pool.completed == 1 and step.server.requests == 1
            expect: step.pool.opened == 2
            expect: step.server.connections == 1

            wrong:
            ```python
            from openai import AsyncOpenAI
            await AsyncOpenAI().models.list()
            ```

            solution:
            ```python
            from openai import AsyncOpenAI
            c = AsyncOpenAI()
            await c.models.list()
            ```

            """
        try text.write(toFile: folder + "/90-v.md", atomically: true, encoding: .utf8)
        var report = ""
        let (passed, failed) = await PlaygroundApp.verifyLessons(latencyScale: 0.25, directory: folder, only: ["v"]) {
            report += $0
        }
        #expect(failed == 2, "\(report)")
        #expect(passed == 3, "\(report)")
        #expect(report.contains("90-v.md:13: step 1 (One call): the check passes after this wrong: block"))
        #expect(report.contains("90-v.md:10: step 1 (One call): expect: step.pool.opened == 2 is false (step.pool.opened is 1)"))
    }

    /// The resume pass starts the lesson at each checked step after the first (replaying the solutions before it) and
    /// checks that step again: two more assertions per such step.
    @Test func theResumePassChecksEachLaterStepAgainAfterAReplay() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-resume-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let steps = [("One", "a == 1", "a = 1"), ("Two", "b == 2", "b = a + 1"), ("Three", "c == 3", "c = b + 1")]
        let body = steps.map { "## \($0.0)\ncheck: \($0.1)\n\nsolution:\n```python\n\($0.2)\n```\n" }
        let text = "---\nid: r\ntitle: R\nsummary: S\norder: 91\n---\n\n" + body.joined(separator: "\n")
        try text.write(toFile: folder + "/91-r.md", atomically: true, encoding: .utf8)
        var report = ""
        let straight = await PlaygroundApp.verifyLessons(latencyScale: 0.25, directory: folder, only: ["r"]) {
            report += $0
        }
        #expect(straight.passed == 6 && straight.failed == 0, "\(report)")
        report = ""
        let resumed = await PlaygroundApp.verifyLessons(
            latencyScale: 0.25, directory: folder, only: ["r"], resume: true) { report += $0 }
        #expect(resumed.passed == 10 && resumed.failed == 0, "\(report)")
    }

    @Test func lintReportsEveryProblemWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-lint-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let english = "---\nid: l\ntitle: L\nsummary: S\nserver:\n  latncy: 1s\n---\n\n## A\ncheck: x ==\nexpect: (1\n\nsolution:\n```python\nx = 1\n```\n"
        let chinese = "---\nid: l\ntitle: 课\nsummary: 简介\nserver:\n  latncy: 1s\n---\n\n## 甲\ncheck: x == 2\nexpect: (1\n\nsolution:\n```python\nx = 1\n```\n"
        try english.write(toFile: folder + "/01-l.md", atomically: true, encoding: .utf8)
        try chinese.write(toFile: folder + "/01-l.zh-Hans.md", atomically: true, encoding: .utf8)
        let problems = PlaygroundApp.lintLessons(directory: folder)
        let prefix = folder + "/"
        #expect(problems.contains { $0.hasPrefix(prefix + "01-l.md:6: server: ") })
        #expect(problems.contains(prefix + "01-l.md:10: check does not parse: not a Python expression"))
        #expect(problems.contains { $0.hasPrefix(prefix + "01-l.md:10: step 'A' has a check but no 'wrong:'") })
        #expect(problems.contains(prefix + "01-l.md:11: expect does not parse: not a Python expression"))
        #expect(problems.contains { $0.hasPrefix(prefix + "01-l.zh-Hans.md:10: a different check than step 1") })
    }

    @Test func theLocaleChoosesTheLanguage() {
        #expect(LessonController.language(environment: ["LANG": "zh_CN.UTF-8"]) == "zh-Hans")
        #expect(LessonController.language(environment: ["LANG": "en_US.UTF-8"]) == "en")
        #expect(LessonController.language(environment: [:]) == "en")
        #expect(LessonController.language(environment: ["LANG": "zh_CN.UTF-8", "POOLPLAY_LANG": "en"]) == "en")
    }
}
