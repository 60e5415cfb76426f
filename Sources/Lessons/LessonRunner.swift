/// The pure state machine that walks a learner through a ``Lesson``.
///
/// The runner does no I/O and evaluates nothing: the host calls an event method and shows the
/// returned ``LessonOutput``s. After every statement the learner runs, the host evaluates
/// ``pendingCheck`` (if not `nil`) against the live session and reports with ``checkResult(_:)``;
/// an expression that raises counts as `false`.
///
/// **No auto-advance.** A passed step reports ``LessonOutput/stepPassed(index:)`` and stays put, so
/// the learner can look at the pool view and experiment; `%next` moves on. Passing the *last* step
/// completes the lesson at once. `%next` also skips an unpassed step (recovery is one word); only the
/// last step must be passed, or be a reading step without a check, to complete the lesson.
public struct LessonRunner: Sendable, Equatable {
    /// Where the learner is.
    public enum State: Sendable, Equatable {
        /// Nothing shown yet. Can transition to: `onStep` (``start(at:)``, ``next()``).
        case notStarted
        /// Working on `steps[index]`, with `hintsShown` hints revealed.
        /// Can transition to: `onStep` (``next()``, ``back()``, ``start(at:)``), `complete`
        /// (``checkResult(_:)`` on the last step, ``next()`` on a last reading step).
        case onStep(index: Int, hintsShown: Int)
        /// The lesson is done. Can transition to: `onStep` (``back()``, ``start(at:)``).
        case complete
    }

    /// The lesson being run (``translate(to:)`` swaps in the same lesson in another language).
    public private(set) var lesson: Lesson
    /// The current state.
    public private(set) var state: State = .notStarted
    /// Indices of the steps whose check has passed.
    public private(set) var passedSteps: Set<Int> = []

    /// Creates a runner in ``State/notStarted``.
    ///
    /// - Parameter lesson: The lesson to run.
    public init(lesson: Lesson) {
        self.lesson = lesson
    }

    /// The step being worked on, or `nil` before the start and after completion.
    public var currentStep: Step? {
        switch state {
        case .onStep(let index, _): lesson.steps[index]
        case .notStarted, .complete: nil
        }
    }

    /// The 0-based index of the current step, or `nil` before the start and after completion.
    public var currentIndex: Int? {
        switch state {
        case .onStep(let index, _): index
        case .notStarted, .complete: nil
        }
    }

    /// Whether the lesson has been completed.
    public var isComplete: Bool {
        switch state {
        case .complete: true
        case .notStarted, .onStep: false
        }
    }

    /// The expression the host should evaluate after the next statement: the current step's check,
    /// unless there is none or it has already passed.
    public var pendingCheck: String? {
        guard let index = currentIndex, !passedSteps.contains(index) else { return nil }
        return lesson.steps[index].check
    }

    /// Shows a step: the first one, or `index` when resuming saved progress.
    ///
    /// - Parameter index: The 0-based step to start at; clamped to the lesson's steps.
    /// - Returns: The step's introduction, or completion for a lesson without steps.
    public mutating func start(at index: Int = 0) -> [LessonOutput] {
        guard !lesson.steps.isEmpty else {
            state = .complete
            return [.lessonComplete(title: lesson.title)]
        }
        return enter(min(max(index, 0), lesson.steps.count - 1))
    }

    /// Reports the host's evaluation of ``pendingCheck``.
    ///
    /// - Parameter passed: Whether the check expression was truthy (errors count as `false`).
    /// - Returns: ``LessonOutput/stepPassed(index:)`` the first time a step passes, followed by
    ///   ``LessonOutput/lessonComplete(title:)`` on the last step; otherwise nothing.
    public mutating func checkResult(_ passed: Bool) -> [LessonOutput] {
        guard passed, let index = currentIndex, pendingCheck != nil else { return [] }
        passedSteps.insert(index)
        if index == lesson.steps.count - 1 {
            state = .complete
            return [.stepPassed(index: index), .lessonComplete(title: lesson.title)]
        }
        return [.stepPassed(index: index)]
    }

    /// Moves to the next step (`%next`), passed or not; completes after a last reading step.
    ///
    /// - Returns: The next step's introduction, completion, or a message.
    public mutating func next() -> [LessonOutput] {
        switch state {
        case .notStarted:
            return start()
        case .onStep(let index, _):
            if index + 1 < lesson.steps.count {
                return enter(index + 1)
            }
            if lesson.steps[index].check == nil {
                state = .complete
                return [.lessonComplete(title: lesson.title)]
            }
            return [say(.lastStepReachGoal)]
        case .complete:
            return [say(.lessonAlreadyComplete)]
        }
    }

    /// Moves to the previous step (`%back`); after completion, reopens the last step.
    ///
    /// - Returns: That step's introduction, or a message on the first step.
    public mutating func back() -> [LessonOutput] {
        switch state {
        case .notStarted:
            return [say(.notStartedYet)]
        case .onStep(let index, _):
            guard index > 0 else { return [say(.firstStep)] }
            return enter(index - 1)
        case .complete:
            guard !lesson.steps.isEmpty else { return [say(.noSteps)] }
            return enter(lesson.steps.count - 1)
        }
    }

    /// Reveals the current step's next hint (`%hint`).
    ///
    /// - Returns: The hint, or ``LessonOutput/noMoreHints`` once all have been shown.
    public mutating func hint() -> [LessonOutput] {
        switch state {
        case .notStarted, .complete:
            return [say(.noStepInProgress)]
        case .onStep(let index, let shown):
            let step = lesson.steps[index]
            let hints = step.hints
            guard shown < hints.count else {
                if step.solution != nil { return [.noMoreHints] }
                return [say(hints.isEmpty ? .noHintsReadingStep : .noMoreHintsNext)]
            }
            state = .onStep(index: index, hintsShown: shown + 1)
            return [.hint(hints[shown])]
        }
    }

    /// Starts the lesson over from its first step (`%lesson restart`), forgetting which steps passed.
    ///
    /// - Returns: The first step's introduction.
    public mutating func restart() -> [LessonOutput] {
        passedSteps = []
        return start(at: 0)
    }

    /// The current step's solution, for the host to pre-type (`%solution`); it is never run.
    ///
    /// - Returns: The Python code, or `nil` when there is no current step or it has no solution.
    public func solution() -> String? {
        currentStep?.solution
    }

    /// Swaps in `other`, the same lesson in another language (`%lang`), keeping the place and the passed steps.
    ///
    /// - Returns: false (nothing changes) when `other` is another lesson or has a different number of steps.
    @discardableResult
    public mutating func translate(to other: Lesson) -> Bool {
        guard other.id == lesson.id, other.steps.count == lesson.steps.count else { return false }
        lesson = other
        return true
    }

    /// A runner message in the lesson's language.
    private func say(_ key: RunnerStrings.Key) -> LessonOutput {
        .message(RunnerStrings.text(key, lesson.language))
    }

    private mutating func enter(_ index: Int) -> [LessonOutput] {
        state = .onStep(index: index, hintsShown: 0)
        return [.stepIntro(index: index, count: lesson.steps.count, step: lesson.steps[index])]
    }
}
