import Foundation
import Lessons
import Testing

@testable import Playground
@testable import PythonModels

/// Lesson progress survives the session: `%lesson` resumes at the saved step, `%lessons` marks completed and
/// in-progress lessons, and a corrupt or unwritable progress file is reported without losing the lesson.
@Suite struct LessonProgressTests {
    /// A fresh folder for one test's progress file.
    private static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolplay-progress-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func options(progressFile: String) -> Session.Options {
        var options = Session.Options()
        options.showPanels = false
        options.lessonsDirectory = LessonReplayTests.lessonsDirectory
        options.progressFile = progressFile
        return options
    }

    /// Runs `text` in a new session that saves progress to `progressFile`.
    private static func session(_ text: String, progressFile: String) async throws -> CapturedOutput {
        let harness = try await PlaygroundHarness.start(latency: .milliseconds(5), options: options(progressFile: progressFile))
        await harness.pipe(text)
        try await harness.stop()
        return harness.output
    }

    @Test func aNewSessionResumesAtTheSavedStep() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("state/progress.json").path
        let first = try await Self.session(
            """
            %lesson 1
            import httpx
            limits = httpx.Limits(max_connections=10, max_keepalive_connections=5)
            %next
            """, progressFile: file)
        #expect(first.stderr == "")
        #expect(
            ProgressStore(file: file).load()
                == LessonProgress(current: .init(lessonID: "limits", step: 1), passedSteps: ["limits": [0]]))

        let second = try await Self.session("%lessons\n%lesson", progressFile: file)
        #expect(second.stderr == "")
        #expect(second.stdout.contains("▸ 1. Connection limits go on the HTTP client"))
        #expect(second.stdout.contains("(at step 2/4: %lesson resumes)"))
        #expect(second.stdout.contains("── Lesson 1 · Step 2/4 · Put the limits on an HTTP client ──"))
        #expect(!second.stdout.contains("── Lesson 1 · Step 1/4"))
    }

    @Test func aLessonNumberResumesThatLessonAndAStepNumberJumps() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json").path
        try ProgressStore(file: file).save(LessonProgress(current: .init(lessonID: "limits", step: 2)))
        let output = try await Self.session("%lesson 1\n%lesson 1 1", progressFile: file)
        #expect(output.stdout.contains("── Lesson 1 · Step 3/4"))
        #expect(output.stdout.contains("── Lesson 1 · Step 1/4"))
        #expect(ProgressStore(file: file).load().current == .init(lessonID: "limits", step: 0))
    }

    @Test func completingALessonIsSavedAndListed() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json").path
        let lesson = try #require(LessonReplayTests.lessons.first { $0.id == "limits" })
        let solutions = lesson.steps.compactMap(\.solution).joined(separator: "\n%next\n")
        let first = try await Self.session("%lesson 1\n" + solutions, progressFile: file)
        #expect(first.stdout.contains("★ lesson complete: Connection limits go on the HTTP client"))
        let saved = ProgressStore(file: file).load()
        #expect(saved.isCompleted("limits"))
        #expect(saved.current == nil)

        let second = try await Self.session("%lessons", progressFile: file)
        #expect(second.stdout.contains("✓ 1. Connection limits go on the HTTP client"))
    }

    @Test func aCorruptProgressFileIsSetAsideAndReported() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("progress.json").path
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: file))
        // A lesson runs in its own namespace (issue 9): `x` is back once the lesson is left.
        let output = try await Self.session("x = 41\n%lessons\n%lesson 1\n%lesson off\nx + 1", progressFile: file)
        #expect(output.stderr.contains("lessons: lesson progress in \(file) could not be read; it was moved to \(file).corrupt-1"))
        #expect(FileManager.default.contents(atPath: file + ".corrupt-1") == Data("{not json".utf8))
        #expect(output.stdout.contains("── Lesson 1 · Step 1/4"))
        #expect(output.stdout.hasSuffix("42\n"), "names defined before the notice survive")
        #expect(ProgressStore(file: file).load().current == .init(lessonID: "limits", step: 0))
    }

    @Test func anUnwritableProgressFileIsReportedAndTheLessonGoesOn() async throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let file = blocker.appendingPathComponent("progress.json").path
        let output = try await Self.session("%lesson 1\nimport httpx\n%next", progressFile: file)
        #expect(output.stderr.contains("lessons: could not save lesson progress to \(file)"))
        #expect(output.stdout.contains("── Lesson 1 · Step 1/4"))
        #expect(output.stdout.contains("── Lesson 1 · Step 2/4"))
    }
}
