import Lessons
import PoolScript

/// Runs the lesson in progress against the live session: shows steps, evaluates each step's check after every
/// statement, and answers `%hint`, `%solution`, `%next`, `%back`.
struct LessonController {
    private(set) var lessons: [Lesson] = []
    private(set) var loadError: String?
    private(set) var runner: LessonRunner?
    private var loaded = false

    mutating func loadIfNeeded(directory: String?) {
        guard !loaded else { return }
        loaded = true
        guard let directory else {
            loadError = "no Lessons/ folder found (pass --lessons DIR)"
            return
        }
        do {
            lessons = try LessonLoader.loadAll(directory: directory)
        } catch {
            loadError = "\(error)"
        }
    }

    /// Finds a lesson by number (`1`) or id (`limits`).
    func find(_ key: String) -> Lesson? {
        if let number = Int(key) { return lessons.first { $0.number == number } }
        return lessons.first { $0.id == key }
    }

    mutating func start(_ lesson: Lesson) -> [LessonOutput] {
        var runner = LessonRunner(lesson: lesson)
        let outputs = runner.start()
        self.runner = runner
        return outputs
    }

    mutating func perform(_ body: (inout LessonRunner) -> [LessonOutput]) -> [LessonOutput] {
        guard var runner else { return [.message("No lesson in progress. %lessons lists them; %lesson 1 starts one.")] }
        let outputs = body(&runner)
        self.runner = runner
        return outputs
    }

    var currentCheck: String? { runner?.pendingCheck }

    /// After each statement: evaluate the current step's check in the live session (errors count as not passed).
    mutating func afterStatement(session: Session) async {
        guard let check = currentCheck, runner?.isComplete == false else { return }
        let passed: Bool
        do {
            passed = try await session.interpreter.evaluate(check).isTruthy
        } catch {
            passed = false
        }
        guard passed else { return }
        let outputs = perform { $0.checkResult(true) }
        session.show(outputs)
    }
}
