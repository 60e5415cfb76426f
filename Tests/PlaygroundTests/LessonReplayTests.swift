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

    /// Each lesson through `poolplay lessons verify`'s replay (the check false before its solution and true after,
    /// every wrong: false, every expect: true), at a quarter of the default latency.
    @Test(arguments: lessons.map(\.id))
    func solutionsPassEveryCheck(_ id: String) async throws {
        var report = ""
        let (passed, failed) = await PlaygroundApp.verifyLessons(
            latencyScale: 0.25, directory: Self.lessonsDirectory, only: [id]) { report += $0 }
        #expect(failed == 0, "\(report)")
        #expect(passed > 0)
    }
}
