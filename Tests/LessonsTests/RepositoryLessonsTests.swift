import Foundation
import Testing

@testable import Lessons

/// Every lesson shipped in the repository's `Lessons/` folder loads and follows the authoring rules
/// that the loader cannot check alone.
@Suite struct RepositoryLessonsTests {
    /// `<package root>/Lessons`, found by walking up from this file to the folder holding `Package.swift`.
    static let lessonsDirectory: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.appendingPathComponent("Lessons").path
            }
            url = url.deletingLastPathComponent()
        }
        return "Lessons"
    }()

    @Test func everyLessonFileLoads() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.lessonsDirectory)
        let lessonFiles = names.filter { LessonLoader.isLessonFileName($0) && LessonLoader.translationLanguage(ofFileName: $0) == nil }
        #expect(!lessonFiles.isEmpty)
        for name in lessonFiles {
            let lesson = try LessonLoader.load(file: Self.lessonsDirectory + "/" + name)
            #expect(!lesson.steps.isEmpty, "\(name)")
        }
        let all = try LessonLoader.loadAll(directory: Self.lessonsDirectory)
        #expect(all.count == lessonFiles.count)
        #expect(Set(all.map(\.id)).count == all.count)
    }

    @Test func limitsLessonHasFourCheckedSteps() throws {
        let lesson = try LessonLoader.load(file: Self.lessonsDirectory + "/01-limits.md")
        #expect(lesson.id == "limits")
        #expect(lesson.number == 1)
        #expect(lesson.title == "Connection limits go on the HTTP client")
        #expect(lesson.steps.count == 4)
        #expect(
            lesson.steps.map(\.check) == [
                "limits == httpx.Limits(max_connections=10, max_keepalive_connections=5)",
                "http_client._transport._pool._max_connections == 10"
                    + " and http_client._transport._pool._max_keepalive_connections == 5",
                "client._client._transport._pool._max_connections == 10",
                "step.pool.completed == 20 and step.pool.pools == 1 and client._client._transport._pool._max_connections == 10",
            ]
        )
        #expect(
            lesson.steps[2].solution == "from openai import AsyncOpenAI\nclient = AsyncOpenAI(http_client=http_client)"
        )
        for step in lesson.steps {
            #expect(step.hints.count >= 2, "\(step.title)")
            #expect(!step.tryCode.isEmpty, "\(step.title)")
        }
    }

    /// A static stand-in for "no check passes before the learner acts" (the Playground suite replays
    /// the solutions for real): each check must use a name that its own step's solution assigns and
    /// that no earlier solution assigned, so the check raises NameError until the learner does the step.
    @Test func everyCheckDependsOnANameItsOwnStepDefines() throws {
        for lesson in try LessonLoader.loadAll(directory: Self.lessonsDirectory) {
            var definedEarlier = Set<String>()
            for step in lesson.steps {
                let defined = Self.assignedNames(in: step.solution ?? "")
                // Checks over the step's own traffic (`step.pool`, `step.server`) start from zero at every step;
                // `poolplay lessons verify` (LessonVerifyTests) replays them for real.
                if let check = step.check, !check.contains("step.pool"), !check.contains("step.server") {
                    let fresh = defined.subtracting(definedEarlier)
                    let used = Self.identifiers(in: check)
                    #expect(!fresh.isDisjoint(with: used), "\(lesson.id) step '\(step.title)': check uses no new name")
                }
                definedEarlier.formUnion(defined)
            }
        }
    }

    /// Names bound by `name = …` lines, `import a, b` and `from m import a, b`.
    static func assignedNames(in code: String) -> Set<String> {
        var names = Set<String>()
        for line in code.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if words.first == "import" {
                names.formUnion(words.dropFirst().map { String($0.split(separator: ".")[0]) })
            } else if words.first == "from", let at = words.firstIndex(of: "import") {
                names.formUnion(words[(at + 1)...])
            } else if words.count > 1, words[1] == "=" {
                names.insert(words[0])
            }
        }
        return names
    }

    static func identifiers(in expression: String) -> Set<String> {
        Set(
            expression.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                .map(String.init)
        )
    }
}
