import Lessons
import PoolScript
import PythonModels

/// Runs the lesson in progress against the live session: shows steps, evaluates each step's check after every
/// statement, answers `%hint`, `%solution`, `%next`, `%back`, and saves where the learner is.
///
/// Progress (completed lessons, and the lesson and step to resume) is written to a ``ProgressStore`` after every
/// change, so a learner who quits mid-lesson finds `%lesson` (no number) back at the same step. A progress file that
/// cannot be read is set aside by the store and reported once; a failed save is reported and the lesson goes on.
struct LessonController {
    private(set) var lessons: [Lesson] = []
    private(set) var loadError: String?
    private(set) var runner: LessonRunner?
    private(set) var progress = LessonProgress()
    private var store: ProgressStore?
    private var loaded = false

    /// Loads the lessons and the saved progress, once.
    ///
    /// - Returns: notices for the learner (a corrupt progress file that was set aside).
    mutating func loadIfNeeded(directory: String?, progressFile: String?) -> [String] {
        guard !loaded else { return [] }
        loaded = true
        var notices: [String] = []
        if let progressFile {
            let store = ProgressStore(file: progressFile)
            let (saved, setAsideTo) = store.loadReportingRecovery()
            self.store = store
            progress = saved
            if let setAsideTo {
                notices.append("lesson progress in \(progressFile) could not be read; it was moved to \(setAsideTo)")
            }
        }
        guard let directory else {
            loadError = "no Lessons/ folder found (pass --lessons DIR)"
            return notices
        }
        do {
            lessons = try LessonLoader.loadAll(directory: directory)
        } catch {
            loadError = "\(error)"
        }
        return notices
    }

    /// Finds a lesson by number (`1`) or id (`limits`).
    func find(_ key: String) -> Lesson? {
        if let number = Int(key) { return lessons.first { $0.number == number } }
        return lessons.first { $0.id == key }
    }

    /// The saved lesson and 0-based step to resume, if that lesson still exists.
    var resumePoint: (lesson: Lesson, step: Int)? {
        guard let current = progress.current, let lesson = lessons.first(where: { $0.id == current.lessonID })
        else { return nil }
        return (lesson, current.step)
    }

    /// One line per lesson for `%lessons`: ✓ when completed, ▸ and the step for the one in progress.
    func listing() -> [String] {
        lessons.map { lesson in
            var mark = "  "
            var suffix = ""
            if progress.isCompleted(lesson.id) { mark = "✓ " }
            if let current = progress.current, current.lessonID == lesson.id {
                mark = "▸ "
                suffix = " (at step \(current.step + 1)/\(lesson.steps.count): %lesson resumes)"
            }
            return "\(mark)\(lesson.number). \(lesson.title) — \(lesson.summary)\(suffix)"
        }
    }

    /// Starts `lesson` at `step` (0 for a fresh start).
    ///
    /// - Returns: what to show, and a save error to report, if any.
    mutating func start(_ lesson: Lesson, at step: Int = 0) -> (outputs: [LessonOutput], saveError: String?) {
        var runner = LessonRunner(lesson: lesson)
        let outputs = runner.start(at: step)
        self.runner = runner
        return (outputs, recordProgress())
    }

    mutating func perform(_ body: (inout LessonRunner) -> [LessonOutput]) -> (outputs: [LessonOutput], saveError: String?) {
        guard var runner else {
            return ([.message("No lesson in progress. %lessons lists them; %lesson 1 starts one.")], nil)
        }
        let outputs = body(&runner)
        self.runner = runner
        return (outputs, recordProgress())
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
        session.show(perform { $0.checkResult(true) })
    }

    /// Copies the runner's position into ``progress`` and saves it when it changed.
    ///
    /// - Returns: the save error's description, or nil.
    private mutating func recordProgress() -> String? {
        guard let runner else { return nil }
        var updated = progress
        if runner.isComplete {
            updated.markCompleted(runner.lesson.id)
            if updated.current?.lessonID == runner.lesson.id { updated.current = nil }
        } else if let index = runner.currentIndex {
            updated.current = .init(lessonID: runner.lesson.id, step: index)
        }
        guard updated != progress else { return nil }
        progress = updated
        guard let store else { return nil }
        do {
            try store.save(updated)
            return nil
        } catch {
            return "could not save lesson progress to \(store.file): \(error)"
        }
    }
}
