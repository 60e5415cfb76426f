import Lessons

/// The session's side of the guided lessons: loading them on first use, and printing what the runner said.
extension Session {
    /// Prints what the lesson runner said, and a failed progress save.
    func show(_ result: (outputs: [LessonOutput], saveError: String?)) {
        let number = lessons.runner?.lesson.number
        if result.outputs.contains(where: { if case .stepIntro = $0 { true } else { false } }) { beginLessonStep() }
        for item in result.outputs {
            output.write(
                LessonView.render(
                    item, lessonNumber: number, color: options.color, width: currentWidth, language: lessonLanguage))
        }
        if let saveError = result.saveError { output.writeError("lessons: \(saveError)\n") }
    }

    /// The language of the lessons and the runner's messages: `%lang`, else `--lang`, else the locale
    /// (`POOLPLAY_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`).
    var lessonLanguage: String {
        lessons.language ?? options.language ?? LessonController.language(environment: context.environment)
    }

    /// A runner message in the lessons' language.
    func lessonText(_ key: RunnerStrings.Key, _ arguments: any CustomStringConvertible...) -> String {
        RunnerStrings.text(key, lessonLanguage, arguments: arguments)
    }

    /// Loads lessons and saved progress on first use; reports a progress file that had to be set aside.
    func loadLessons() {
        if lessons.language == nil { lessons.language = lessonLanguage }
        for notice in lessons.loadIfNeeded(directory: options.lessonsDirectory, progressFile: options.progressFile) {
            output.writeError("lessons: \(notice)\n")
        }
    }

    /// After each statement: evaluates the current step's check in the live session (an error counts as not
    /// passed) and reports a pass.
    func checkLessonStep() async {
        recordLessonStatement()
        guard let check = lessons.currentCheck, lessons.runner?.isComplete == false else { return }
        let passed = (try? await evaluateLessonExpression(check).isTruthy) ?? false
        guard passed else { return }
        show(lessons.perform { $0.checkResult(true) })
    }
}
