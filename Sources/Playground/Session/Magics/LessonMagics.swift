import Lessons
import TerminalUI

/// The guided lessons: `%lessons [reset]`, `%lesson [N [STEP] | restart | off]`, `%next`, `%back`, `%goal`,
/// `%check`, `%hint`, `%solution [run]`. None of them asks a question, so a piped session behaves the same.
extension Magic {
    static let lessonFamily: [Magic] = [lessons, lesson, next, back, goal, check, hint, solution]

    static let lessons = Magic(
        names: ["lessons"],
        helpEntries: [.init("%lessons", "the lessons, k/N passed")],
        run: { session, invocation in session.lessonsMagic(invocation.arguments) })

    static let lesson = Magic(
        names: ["lesson"],
        helpEntries: [
            .init("%lesson N", "start or resume lesson N", placement: .besidePrevious),
            .init("%lesson", "resume where you left off"),
            .init("%lesson N S", "go to step S of lesson N", placement: .besidePrevious),
            .init("%lesson restart", "start this lesson over"),
            .init("%lesson off", "leave it; your own names come back", placement: .besidePrevious),
            // Listed here, beside the other lesson lines; %lessons runs it.
            .init("%lessons reset", "clear lesson progress (a backup is kept)"),
        ],
        arguments: .facts { $0.lessonKeys + ["off", "restart"] },
        run: { session, invocation in await session.lessonMagic(invocation.arguments) })

    static let next = Magic(
        names: ["next"],
        helpEntries: [.init("%next / %back", "move between steps; after the last, %next goes on to the next lesson")],
        run: { session, _ in await session.nextMagic() })

    static let back = Magic(
        names: ["back"],
        helpEntries: [],
        run: { session, _ in session.show(session.lessons.perform { $0.back() }) })

    static let goal = Magic(
        names: ["goal"],
        helpEntries: [.init("%goal", "this step's goal")],
        run: { session, _ in session.goalMagic() })

    static let check = Magic(
        names: ["check"],
        helpEntries: [.init("%check", "check now; says which part is false", placement: .besidePrevious)],
        run: { session, _ in await session.checkMagic() })

    static let hint = Magic(
        names: ["hint"],
        helpEntries: [.init("%hint", "a hint for this step")],
        run: { session, _ in session.show(session.lessons.perform { $0.hint() }) })

    static let solution = Magic(
        names: ["solution"],
        helpEntries: [
            .init("%solution", "pre-type the step's solution (edit it, then Enter)", placement: .besidePrevious),
            .init("%solution run", "run the step's solution, echoed as typed"),
        ],
        run: { session, invocation in await session.solutionMagic(invocation.arguments) })
}

extension Session {
    fileprivate func lessonsMagic(_ arguments: [String]) {
        loadLessons()
        if arguments == ["reset"] {
            let (message, isError) = lessons.resetProgress()
            if isError { output.writeError("lessons: \(message)\n") } else { output.write(message + "\n") }
            return
        }
        guard arguments.isEmpty else {
            output.writeError("usage: %lessons [reset]\n")
            return
        }
        if let error = lessons.loadError { output.writeError("lessons: \(error)\n") }
        for line in lessons.listing() {
            // The two-column mark (`✓ `, `▸ ` or spaces) is kept apart: wrapping drops leading spaces.
            let mark = String(line.prefix(2))
            let lines = currentWidth.map { width in
                TextWrap.wrap(String(line.dropFirst(2)), width: width - 2, hangingIndent: 3).enumerated().map {
                    ($0.offset == 0 ? mark : "  ") + $0.element
                }
            } ?? [line]
            output.write(lines.joined(separator: "\n") + "\n")
        }
        if !lessons.lessons.isEmpty { output.write(lessonText(.startOneWith) + "\n") }
    }

    fileprivate func lessonMagic(_ arguments: [String]) async {
        loadLessons()
        switch arguments.first {
        case "off":
            guard lessonScope != nil || lessons.runner != nil else {
                output.write(lessonText(.noLessonInProgress) + "\n")
                return
            }
            await leaveLessonScope(announce: true)
            return
        case "restart":
            guard let lesson = lessons.runner?.lesson else {
                output.write(lessonText(.noLessonInProgressStart) + "\n")
                return
            }
            await startLesson(lesson, at: 0)
            return
        default:
            break
        }
        if arguments.isEmpty {
            if let (lesson, step) = lessons.resumePoint {
                await startLesson(lesson, at: step)
            } else if let lesson = lessons.offeredNext ?? lessons.firstUnfinished {
                await startLesson(lesson, at: 0)
            } else {
                output.write(lessonText(.everyLessonComplete) + "\n")
            }
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
            await startLesson(lesson, at: min(step, lesson.steps.count) - 1)
            return
        }
        let resume = lessons.resumePoint.flatMap { $0.lesson.id == lesson.id ? $0.step : nil }
        await startLesson(lesson, at: resume ?? 0)
    }

    /// `%next`: the next step; after the last one, leaves the lesson and offers the next; with no lesson in
    /// progress, starts the one offered.
    fileprivate func nextMagic() async {
        loadLessons()
        guard let runner = lessons.runner else {
            if let offered = lessons.offeredNext {
                await startLesson(offered, at: 0)
            } else {
                output.write(lessonText(.noLessonInProgressNext) + "\n")
            }
            return
        }
        if !runner.isComplete {
            show(lessons.perform { $0.next() })
            guard lessons.runner?.isComplete == true else { return }
        }
        let finished = runner.lesson
        await leaveLessonScope(announce: true)
        if let following = lessons.lesson(after: finished) {
            lessons.offeredNext = following
            output.write(lessonText(.nextLessonOffer, following.number, following.title) + "\n")
        } else {
            output.write(lessonText(.lastLessonDone) + "\n")
        }
    }

    fileprivate func goalMagic() {
        guard let runner = lessons.runner, let step = runner.currentStep, let index = runner.currentIndex else {
            output.write(lessonText(.noStepInProgress) + "\n")
            return
        }
        let where_ = lessonText(.stepHeaderWithLesson, runner.lesson.number, index + 1, runner.lesson.steps.count)
        if let goal = step.goal {
            let styled = MarkdownView(goal).render()
            output.write(lessonText(.goalLine, where_) + decorator(options.color).render(styled) + "\n")
        } else if step.check == nil {
            output.write(lessonText(.readingStepGoal, where_, step.title) + "\n")
        } else {
            output.write(lessonText(.goalLine, where_) + step.title + "\n")
        }
    }

    /// `%check`: the step's check, now; when it fails, the first part that is false (or raises).
    fileprivate func checkMagic() async {
        guard let runner = lessons.runner, let step = runner.currentStep, let index = runner.currentIndex else {
            output.write(lessonText(.noStepInProgress) + "\n")
            return
        }
        guard let check = step.check else {
            output.write(lessonText(.nothingToCheck) + "\n")
            return
        }
        if runner.passedSteps.contains(index) {
            output.write(lessonText(.alreadyPassed, index + 1) + "\n")
            return
        }
        if (try? await evaluateLessonExpression(check).isTruthy) == true {
            show(lessons.perform { $0.checkResult(true) })
            return
        }
        for part in CheckExpression.conjuncts(check) {
            do {
                if try await evaluateLessonExpression(part).isTruthy { continue }
                output.write(lessonText(.notYetFalse, part) + "\n")
            } catch {
                output.write(lessonText(.notYetRaises, part, "\(error)") + "\n")
            }
            return
        }
        output.write(lessonText(.notYetFalse, check) + "\n")
    }

    fileprivate func solutionMagic(_ arguments: [String]) async {
        var solution: String?
        let noStep = lessonText(.noStepInProgress)
        let noSolution = lessonText(.noSolution)
        show(
            lessons.perform { runner in
                solution = runner.solution()
                guard solution == nil else { return [] }
                return [.message(runner.currentStep == nil ? noStep : noSolution)]
            })
        guard let solution else { return }
        if arguments == ["run"] {
            let lines = solution.split(separator: "\n", omittingEmptySubsequences: false)
            for (offset, line) in lines.enumerated() { output.write((offset == 0 ? ">>> " : "... ") + line + "\n") }
            history.append(solution)
            script.append(solution)
            await runPython(solution)
            return
        }
        if let lineSource, lineSource.canPretype {
            lineSource.pretype(solution)
            if solution.contains("\n") {
                output.write(
                    lessonText(.solutionPretypedMultiline) + "\n"
                        + solution.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n")
            }
        } else {
            output.write(
                lessonText(.solutionShown) + "\n" + solution.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
                    + "\n" + lessonText(.solutionRunHint) + "\n")
        }
    }
}
