import Foundation
import Lessons
import Testing

@testable import Playground
@testable import PythonModels

/// Every lesson in Lessons/ is replayed: no check passes before the learner acts, and each step's solution makes
/// its check pass in a live session.
@Suite struct LessonReplayTests {
    static var lessonsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lessons").path
    }

    static var lessons: [Lesson] { (try? LessonLoader.loadAll(directory: lessonsDirectory)) ?? [] }

    @Test func thereAreLessons() throws {
        #expect(try LessonLoader.loadAll(directory: Self.lessonsDirectory).count >= 1)
    }

    @Test(arguments: lessons.map(\.id))
    func solutionsPassEveryCheck(_ id: String) async throws {
        let lesson = try #require(Self.lessons.first { $0.id == id })
        var options = Session.Options()
        options.showPanels = false
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options)
        for (index, step) in lesson.steps.enumerated() {
            guard let check = step.check else { continue }
            let before = try? await harness.session.interpreter.evaluate(check)
            #expect(before?.isTruthy != true, "step \(index + 1) of \(id) passes before the learner acts")
            let solution = try #require(step.solution, "step \(index + 1) of \(id) has a check but no solution")
            await harness.pipe(solution)
            let after = try await harness.session.interpreter.evaluate(check)
            #expect(after.isTruthy, "step \(index + 1) of \(id): solution does not pass its check; stderr: \(harness.output.stderr)")
        }
        try await harness.stop()
        #expect(harness.output.stderr == "")
    }
}
