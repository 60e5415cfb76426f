import Lessons

/// `%lang [en|zh-Hans]`: shows or sets the language of the lessons and of the runner's messages. The lesson in
/// progress goes on at the same step, shown again in the new language; progress is kept (it is keyed by lesson id).
extension Magic {
    static let lang = Magic(
        names: ["lang"],
        helpEntries: [.init("%lang en|zh-Hans", "the lessons' language (default: from the locale)")],
        arguments: .words(RunnerStrings.languages),
        run: { session, invocation in session.langMagic(invocation.arguments) })
}

extension Session {
    fileprivate func langMagic(_ arguments: [String]) {
        guard let argument = arguments.first else {
            output.write(lessonText(.languageCurrent) + "\n")
            return
        }
        guard arguments.count == 1, let language = LessonController.normalisedLanguage(argument) else {
            output.writeError(lessonText(.languageUsage) + "\n")
            return
        }
        loadLessons()
        lessons.switchLanguage(language, directory: options.lessonsDirectory)
        output.write(lessonText(.languageNow) + "\n")
        // The step in progress, again, in the new language (its counters and check state are untouched).
        guard let runner = lessons.runner, let index = runner.currentIndex, let step = runner.currentStep else { return }
        let intro = LessonOutput.stepIntro(index: index, count: runner.lesson.steps.count, step: step)
        output.write(
            LessonView.render(
                intro, lessonNumber: runner.lesson.number, color: options.color, width: currentWidth,
                language: lessonLanguage))
    }
}
