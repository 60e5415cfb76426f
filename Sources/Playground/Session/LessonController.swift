import Foundation
import Lessons
import MockServer
import PoolScript
import PythonModels
import TrafficModels

/// Runs the lesson in progress against the live session: shows steps, evaluates each step's check after every
/// statement, answers `%hint`, `%solution`, `%next`, `%back`, and saves where the learner is.
///
/// The lessons are the ones compiled into the binary (``BundledLessons``), overlaid by `--lessons DIR` or
/// `POOLPLAY_LESSONS`; a file that fails to load (or names an unknown mock knob in `server:`) is reported with
/// `file:line` and skipped. Progress (completed lessons, the steps the learner passed, and the lesson and step to
/// resume) is written to a ``ProgressStore`` after every change, so a learner who quits mid-lesson finds `%lesson`
/// (no number) back at the same step. A progress file that cannot be read is set aside by the store and reported
/// once; a failed save is reported and the lesson goes on.
struct LessonController {
    private(set) var lessons: [Lesson] = []
    private(set) var loadError: String?
    /// Every file skipped at load, with its `file:line`.
    private(set) var loadProblems: [LessonLoadError] = []
    /// The lessons' language (`en`, `zh-Hans`); nil: not chosen yet (the session picks it from the locale).
    var language: String?
    private(set) var runner: LessonRunner?
    private(set) var progress = LessonProgress()
    /// The lesson `%next` starts when no lesson is in progress (set when a lesson is left at its end).
    var offeredNext: Lesson?
    private var store: ProgressStore?
    private var loaded = false

    /// Loads the lessons and the saved progress, once.
    ///
    /// - Parameters:
    ///   - directory: a folder that adds lessons or replaces bundled ones by id; nil: the bundled ones only.
    ///   - progressFile: where progress is saved; nil: progress lives as long as the session.
    ///   - bundled: the compiled-in lesson files (tests pass their own).
    /// - Returns: notices for the learner: files skipped (`file:line: …`), a corrupt progress file set aside.
    mutating func loadIfNeeded(
        directory: String?, progressFile: String?, bundled: [BundledLessons.File] = BundledLessons.files
    ) -> [String] {
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
        let catalog = LessonCatalog.load(bundled: bundled, overlay: directory, language: language ?? "en")
        var problems = catalog.problems
        lessons = catalog.lessons.filter { lesson in
            guard let problem = Self.knobProblem(lesson) else { return true }
            problems.append(problem)
            return false
        }
        loadProblems = problems
        notices += problems.map { "\($0) (skipped)" }
        if lessons.isEmpty { loadError = "no lessons could be loaded" }
        return notices
    }

    /// The first knob of a lesson's `server:` front matter that the mock's parser rejects, at its line.
    /// The language a locale environment asks for: `POOLPLAY_LANG`, else `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// (`zh_CN.UTF-8`, `zh_SG`, `zh-Hans` → `zh-Hans`); anything else is `en`.
    static func language(environment: [String: String]) -> String {
        if let chosen = environment["POOLPLAY_LANG"], let known = normalisedLanguage(chosen) { return known }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return normalisedLanguage(value) ?? "en"
        }
        return "en"
    }

    /// `en`, `zh-Hans` for the spellings people use (`zh_CN.UTF-8`, `zh`, `zh-hans`, `C`); nil when unknown.
    static func normalisedLanguage(_ value: String) -> String? {
        let lower = value.lowercased()
        if lower.hasPrefix("zh") && !lower.hasPrefix("zh_tw") && !lower.hasPrefix("zh-hant") && !lower.hasPrefix("zh_hk") {
            return "zh-Hans"
        }
        if lower.hasPrefix("en") || lower == "c" || lower == "posix" || lower.hasPrefix("c.") { return "en" }
        return nil
    }

    /// The lessons in `language`, with progress kept (`%lang`): reloads the catalog, and the lesson in progress
    /// goes on at the same step in the new language (when its translation has the same steps).
    mutating func switchLanguage(_ language: String, directory: String?, bundled: [BundledLessons.File] = BundledLessons.files) {
        self.language = language
        guard loaded else { return }  // loadIfNeeded reads `language` later
        let catalog = LessonCatalog.load(bundled: bundled, overlay: directory, language: language)
        lessons = catalog.lessons.filter { Self.knobProblem($0) == nil }
        if var runner, let translated = lessons.first(where: { $0.id == runner.lesson.id }) {
            runner.translate(to: translated)
            self.runner = runner
        }
        if let offered = offeredNext { offeredNext = lessons.first { $0.id == offered.id } }
    }

    /// A runner message in the lessons' language.
    func say(_ key: RunnerStrings.Key, _ arguments: any CustomStringConvertible...) -> String {
        RunnerStrings.text(key, language ?? "en", arguments: arguments)
    }

    static func knobProblem(_ lesson: Lesson) -> LessonLoadError? {
        for knob in lesson.server {
            if let problem = serverKeyProblem(knob) {
                return LessonLoadError(file: lesson.sourcePath, line: knob.line, message: "server: \(problem)")
            }
        }
        return nil
    }

    /// What is wrong with one `server:` key of a lesson: a mock knob (`latency: 1s`), or `scenario: NAME` naming a
    /// built-in scenario of the mock (`brownout`, `rate-limited`, `flaky-keepalive`). nil when it is fine.
    static func serverKeyProblem(_ knob: ServerKnob) -> String? {
        if knob.name == "scenario" {
            guard Scenario.builtInNames.contains(knob.value) else {
                return "unknown scenario '\(knob.value)' (built-in: \(Scenario.builtInNames.joined(separator: ", ")))"
            }
            return nil
        }
        var configuration = MockServerConfiguration()
        do {
            try configuration.apply(knob.name, knob.value)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Finds a lesson by number (`1`) or id (`limits`).
    func find(_ key: String) -> Lesson? {
        if let number = Int(key) { return lessons.first { $0.number == number } }
        return lessons.first { $0.id == key }
    }

    /// The lesson after `lesson` in teaching order, if any.
    func lesson(after lesson: Lesson) -> Lesson? {
        guard let index = lessons.firstIndex(where: { $0.id == lesson.id }), index + 1 < lessons.count else { return nil }
        return lessons[index + 1]
    }

    /// The first lesson the learner has not completed, if any.
    var firstUnfinished: Lesson? { lessons.first { !isComplete($0) } }

    /// The saved lesson and 0-based step to resume, if that lesson still exists.
    var resumePoint: (lesson: Lesson, step: Int)? {
        guard let current = progress.current, let lesson = lessons.first(where: { $0.id == current.lessonID })
        else { return nil }
        return (lesson, min(max(current.step, 0), max(lesson.steps.count - 1, 0)))
    }

    /// Whether a lesson counts as complete: marked so, or every checked step passed.
    func isComplete(_ lesson: Lesson) -> Bool {
        let checked = lesson.checkedStepIndices
        return progress.isCompleted(lesson.id)
            || (!checked.isEmpty && progress.passedCount(lesson.id, of: checked) == checked.count)
    }

    /// One line per lesson for `%lessons`: ✓ when complete, ▸ and the step for the one in progress, and k/N (the
    /// checked steps passed).
    /// - Parameter marksFirst: false starts each line with the lesson's number (`poolplay lessons`, for scripts and
    ///   the shell): the ✓ or ▸ then follows the k/N count.
    func listing(marksFirst: Bool = true) -> [String] {
        lessons.map { lesson in
            var mark = "  "
            var suffix = ""
            if isComplete(lesson) { mark = "✓ " }
            if let current = progress.current, current.lessonID == lesson.id {
                mark = "▸ "
                suffix = say(.listingAtStep, current.step + 1, lesson.steps.count)
            }
            let checked = lesson.checkedStepIndices
            let done = isComplete(lesson) ? checked.count : progress.passedCount(lesson.id, of: checked)
            guard marksFirst else {
                let after = mark == "  " ? "" : " " + mark.trimmingCharacters(in: .whitespaces)
                return "\(lesson.number). \(lesson.title) [\(done)/\(checked.count)]\(after) — \(lesson.summary)\(suffix)"
            }
            return "\(mark)\(lesson.number). \(lesson.title) [\(done)/\(checked.count)] — \(lesson.summary)\(suffix)"
        }
    }

    /// Starts `lesson` at `step` (0 for a fresh start).
    ///
    /// - Returns: what to show, and a save error to report, if any.
    mutating func start(_ lesson: Lesson, at step: Int = 0) -> (outputs: [LessonOutput], saveError: String?) {
        var runner = LessonRunner(lesson: lesson)
        let outputs = runner.start(at: step)
        self.runner = runner
        offeredNext = nil
        return (outputs, recordProgress())
    }

    /// Forgets the runner (the lesson was left); the saved position stays, so `%lesson` resumes there.
    mutating func leave() {
        runner = nil
    }

    /// Clears progress (`%lessons reset`), backing the file up first.
    ///
    /// - Returns: a sentence for the learner, and whether it is an error.
    mutating func resetProgress() -> (message: String, isError: Bool) {
        guard let store else {
            progress = LessonProgress()
            return (say(.progressClearedNoFile), false)
        }
        do {
            let backup = try store.reset()
            progress = LessonProgress()
            if let runner, let index = runner.currentIndex {
                progress.current = .init(lessonID: runner.lesson.id, step: index)
                try? store.save(progress)
            }
            return (backup.map { say(.progressClearedBackup, $0) } ?? say(.progressCleared), false)
        } catch {
            return ("could not reset lesson progress in \(store.file): \(error)", true)
        }
    }

    mutating func perform(_ body: (inout LessonRunner) -> [LessonOutput]) -> (outputs: [LessonOutput], saveError: String?) {
        guard var runner else {
            return ([.message(say(.noLessonInProgressStart))], nil)
        }
        let outputs = body(&runner)
        self.runner = runner
        return (outputs, recordProgress())
    }

    var currentCheck: String? { runner?.pendingCheck }

    /// Copies the runner's position and passes into ``progress`` and saves it when it changed.
    ///
    /// - Returns: the save error's description, or nil.
    private mutating func recordProgress() -> String? {
        guard let runner else { return nil }
        var updated = progress
        for index in runner.passedSteps { updated.markPassed(runner.lesson.id, step: index) }
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
