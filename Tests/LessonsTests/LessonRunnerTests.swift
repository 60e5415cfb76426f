import Testing

@testable import Lessons

@Suite struct LessonRunnerTests {
    static let checked1 = Step(
        title: "One",
        text: "t1",
        check: "a == 1",
        hints: ["h1", "h2"],
        solution: "a = 1",
        line: 1
    )
    static let reading = Step(title: "Two", text: "t2", line: 5)
    static let checked3 = Step(title: "Three", text: "t3", check: "b == 2", solution: "b = 2", line: 9)
    static let lesson = Lesson(id: "l", number: 1, title: "Lesson", summary: "s", steps: [checked1, reading, checked3])

    @Test func startShowsTheFirstStepAndAsksForItsCheck() {
        var runner = LessonRunner(lesson: Self.lesson)
        #expect(runner.state == .notStarted)
        #expect(runner.currentStep == nil)
        #expect(runner.pendingCheck == nil)
        #expect(runner.start() == [.stepIntro(index: 0, count: 3, step: Self.checked1)])
        #expect(runner.currentStep == Self.checked1)
        #expect(runner.pendingCheck == "a == 1")
    }

    @Test func aFailedCheckSaysNothingAndAPassStaysOnTheStep() {
        var runner = LessonRunner(lesson: Self.lesson)
        _ = runner.start()
        #expect(runner.checkResult(false) == [])
        #expect(runner.checkResult(true) == [.stepPassed(index: 0)])
        #expect(runner.state == .onStep(index: 0, hintsShown: 0))
        #expect(runner.pendingCheck == nil)
        #expect(runner.checkResult(true) == [])  // reported once only
    }

    @Test func walkingTheWholeLesson() {
        var runner = LessonRunner(lesson: Self.lesson)
        _ = runner.start()
        _ = runner.checkResult(true)
        #expect(runner.next() == [.stepIntro(index: 1, count: 3, step: Self.reading)])
        #expect(runner.pendingCheck == nil)
        #expect(runner.next() == [.stepIntro(index: 2, count: 3, step: Self.checked3)])
        #expect(
            runner.next() == [
                .message("This is the last step: reach its goal to finish the lesson (%hint, %solution).")
            ]
        )
        #expect(runner.checkResult(true) == [.stepPassed(index: 2), .lessonComplete(title: "Lesson")])
        #expect(runner.isComplete)
        #expect(runner.currentStep == nil)
        #expect(runner.passedSteps == [0, 2])
        #expect(runner.next() == [.message("The lesson is complete. %lessons lists the others.")])
    }

    @Test func nextSkipsAnUnpassedStep() {
        var runner = LessonRunner(lesson: Self.lesson)
        _ = runner.start()
        #expect(runner.next() == [.stepIntro(index: 1, count: 3, step: Self.reading)])
        #expect(runner.passedSteps.isEmpty)
        #expect(runner.back() == [.stepIntro(index: 0, count: 3, step: Self.checked1)])
        #expect(runner.pendingCheck == "a == 1")
    }

    @Test func backStopsAtTheFirstStepAndReopensAfterCompletion() {
        var runner = LessonRunner(lesson: Self.lesson)
        #expect(runner.back() == [.message("The lesson has not started yet.")])
        _ = runner.start()
        #expect(runner.back() == [.message("This is the first step.")])
        _ = runner.start(at: 2)
        _ = runner.checkResult(true)
        #expect(runner.isComplete)
        #expect(runner.back() == [.stepIntro(index: 2, count: 3, step: Self.checked3)])
        #expect(!runner.isComplete)
        #expect(runner.pendingCheck == nil)  // already passed
    }

    @Test func aLastReadingStepCompletesWithNext() {
        let lesson = Lesson(id: "r", number: 2, title: "Read", summary: "s", steps: [Self.reading])
        var runner = LessonRunner(lesson: lesson)
        _ = runner.start()
        #expect(runner.checkResult(true) == [])  // no check to pass
        #expect(runner.next() == [.lessonComplete(title: "Read")])
        #expect(runner.isComplete)
    }

    @Test func hintsComeOneAtATimeThenRunOut() {
        var runner = LessonRunner(lesson: Self.lesson)
        #expect(runner.hint() == [.message("No step is in progress.")])
        _ = runner.start()
        #expect(runner.hint() == [.hint("h1")])
        #expect(runner.hint() == [.hint("h2")])
        #expect(runner.hint() == [.noMoreHints])
        #expect(runner.state == .onStep(index: 0, hintsShown: 2))
        _ = runner.next()
        // the reading step has none, and no solution to point to (issue 9)
        #expect(runner.hint() == [.message("This step has no hints: read it, then %next to continue.")])
        _ = runner.back()
        #expect(runner.hint() == [.hint("h1")])  // re-entering a step starts its hints again
    }

    @Test func solutionIsTheCurrentStepsCode() {
        var runner = LessonRunner(lesson: Self.lesson)
        #expect(runner.solution() == nil)
        _ = runner.start()
        #expect(runner.solution() == "a = 1")
        _ = runner.next()
        #expect(runner.solution() == nil)
    }

    @Test func startClampsTheResumeIndex() {
        var runner = LessonRunner(lesson: Self.lesson)
        #expect(runner.start(at: 99) == [.stepIntro(index: 2, count: 3, step: Self.checked3)])
        #expect(runner.start(at: -1) == [.stepIntro(index: 0, count: 3, step: Self.checked1)])
        var empty = LessonRunner(lesson: Lesson(id: "e", number: 0, title: "Empty", summary: "", steps: []))
        #expect(empty.start() == [.lessonComplete(title: "Empty")])
    }
}
