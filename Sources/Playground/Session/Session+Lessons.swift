import Lessons

/// The session's side of the guided lessons: loading them on first use, and printing what the runner said.
extension Session {
    /// Prints what the lesson runner said, and a failed progress save.
    func show(_ result: (outputs: [LessonOutput], saveError: String?)) {
        for item in result.outputs { output.write(LessonView.render(item, color: options.color)) }
        if let saveError = result.saveError { output.writeError("lessons: \(saveError)\n") }
    }

    /// Loads lessons and saved progress on first use; reports a progress file that had to be set aside.
    func loadLessons() {
        for notice in lessons.loadIfNeeded(directory: options.lessonsDirectory, progressFile: options.progressFile) {
            output.writeError("lessons: \(notice)\n")
        }
    }
}
