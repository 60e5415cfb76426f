/// The guided lessons: `%lessons`, `%lesson [N [STEP]]`, `%next`, `%back`, `%hint`, `%solution`.
extension Magic {
    static let lessonFamily: [Magic] = [lessons, lesson, next, back, hint, solution]

    static let lessons = Magic(
        names: ["lessons"],
        helpEntries: [.init("%lessons", "list the guided lessons")],
        completions: ["%lessons"],
        run: { session, _ in session.listLessons() })

    static let lesson = Magic(
        names: ["lesson"],
        helpEntries: [
            .init("%lesson N", "start or resume lesson N", placement: .besidePrevious),
            .init("%lesson", "resume where you left off"),
            .init("%lesson N S", "go to step S of lesson N", placement: .besidePrevious),
        ],
        completions: ["%lesson "],
        arguments: .facts { $0.lessonKeys + ["off", "restart"] },
        run: { session, invocation in session.lessonMagic(invocation.arguments) })

    static let next = Magic(
        names: ["next"],
        helpEntries: [.init("%next / %back", "move between steps")],
        completions: ["%next"],
        run: { session, _ in session.show(session.lessons.perform { $0.next() }) })

    static let back = Magic(
        names: ["back"],
        helpEntries: [],
        completions: ["%back"],
        run: { session, _ in session.show(session.lessons.perform { $0.back() }) })

    static let hint = Magic(
        names: ["hint"],
        helpEntries: [.init("%hint", "a hint for this step", placement: .besidePrevious)],
        completions: ["%hint"],
        run: { session, _ in session.show(session.lessons.perform { $0.hint() }) })

    static let solution = Magic(
        names: ["solution"],
        helpEntries: [.init("%solution", "pre-type the step's solution (edit it, then Enter)")],
        completions: ["%solution"],
        run: { session, _ in session.solutionMagic() })
}

extension Session {
    fileprivate func listLessons() {
        loadLessons()
        if let error = lessons.loadError { output.writeError("lessons: \(error)\n") }
        for line in lessons.listing() { output.write(line + "\n") }
        if !lessons.lessons.isEmpty { output.write("Start one with %lesson N.\n") }
    }

    fileprivate func lessonMagic(_ arguments: [String]) {
        loadLessons()
        if arguments.isEmpty, let (lesson, step) = lessons.resumePoint {
            show(lessons.start(lesson, at: step))
            return
        }
        guard let key = arguments.first, let lesson = lessons.find(key) else {
            output.writeError("usage: %lesson N (see %lessons)\n")
            return
        }
        if arguments.count > 1 {
            guard let step = Int(arguments[1]), step >= 1 else {
                output.writeError("usage: %lesson N [STEP] (STEP counts from 1)\n")
                return
            }
            show(lessons.start(lesson, at: step - 1))
            return
        }
        let resume = lessons.resumePoint.flatMap { $0.lesson.id == lesson.id ? $0.step : nil }
        show(lessons.start(lesson, at: resume ?? 0))
    }

    fileprivate func solutionMagic() {
        var solution: String?
        show(
            lessons.perform { runner in
                solution = runner.solution()
                return solution == nil ? [.message("This step has no solution to show.")] : []
            })
        if let solution {
            if let lineSource, !solution.contains("\n") {
                lineSource.pretype(solution)
            } else {
                output.write("Solution:\n" + solution.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n")
            }
        }
    }
}
