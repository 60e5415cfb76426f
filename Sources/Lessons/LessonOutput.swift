/// What the ``LessonRunner`` asks the host to show. The host decides how it looks.
///
/// Step indices are **0-based**; show `index + 1` to people.
public enum LessonOutput: Sendable, Equatable {
    /// A step begins: show its title, text and code to try, e.g. "Step 2/4 · Build the client".
    case stepIntro(index: Int, count: Int, step: Step)
    /// The current step's check passed. The runner does not advance on its own: suggest `%next`.
    case stepPassed(index: Int)
    /// Every step is done (or the last reading step was left with `%next`).
    case lessonComplete(title: String)
    /// The next hint for the current step.
    case hint(String)
    /// `%hint` was asked after the last hint; suggest `%solution`.
    case noMoreHints
    /// A short sentence for a request that does not apply here ("This is the first step.").
    case message(String)
}
