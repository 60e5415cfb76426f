/// What a learner has done, as saved by ``ProgressStore``.
///
/// Named `LessonProgress` rather than `Progress` so that it never collides with `Foundation.Progress`
/// in files that import both modules.
public struct LessonProgress: Codable, Sendable, Equatable {
    /// Where the learner was: a lesson and a 0-based step index.
    public struct Position: Codable, Sendable, Equatable {
        /// The ``Lesson/id``.
        public var lessonID: String
        /// The 0-based step index.
        public var step: Int

        /// Creates a position.
        ///
        /// - Parameters:
        ///   - lessonID: The lesson's id.
        ///   - step: The 0-based step index.
        public init(lessonID: String, step: Int) {
            self.lessonID = lessonID
            self.step = step
        }

        private enum CodingKeys: String, CodingKey {
            case lessonID = "lesson"
            case step
        }
    }

    /// The ids of completed lessons, sorted and without duplicates (so the file diffs cleanly).
    public private(set) var completedLessons: [String]
    /// The lesson and step to resume, if any.
    public var current: Position?
    /// For each lesson id, the 0-based indices of the checked steps the learner passed (sorted, unique).
    /// Absent from progress files written before it existed; such files load with no passes.
    public private(set) var passedSteps: [String: [Int]] = [:]

    /// Creates progress.
    ///
    /// - Parameters:
    ///   - completedLessons: Completed lesson ids, in any order.
    ///   - current: The position to resume.
    ///   - passedSteps: Passed step indices per lesson id.
    public init(completedLessons: [String] = [], current: Position? = nil, passedSteps: [String: [Int]] = [:]) {
        self.completedLessons = Array(Set(completedLessons)).sorted()
        self.current = current
        self.passedSteps = passedSteps.mapValues { Array(Set($0)).sorted() }.filter { !$0.value.isEmpty }
    }

    /// Records that the learner passed a step's check.
    ///
    /// - Parameters:
    ///   - lessonID: The lesson's id.
    ///   - step: The 0-based step index.
    public mutating func markPassed(_ lessonID: String, step: Int) {
        var steps = passedSteps[lessonID] ?? []
        guard !steps.contains(step) else { return }
        steps.append(step)
        passedSteps[lessonID] = steps.sorted()
    }

    /// How many of `checkedSteps` the learner passed in a lesson.
    ///
    /// - Parameters:
    ///   - lessonID: The lesson's id.
    ///   - checkedSteps: The lesson's checked step indices (``Lesson/checkedStepIndices``).
    /// - Returns: The count, at most `checkedSteps.count`.
    public func passedCount(_ lessonID: String, of checkedSteps: [Int]) -> Int {
        Set(passedSteps[lessonID] ?? []).intersection(checkedSteps).count
    }

    /// Records a completed lesson.
    ///
    /// - Parameter lessonID: The lesson's id.
    public mutating func markCompleted(_ lessonID: String) {
        guard !completedLessons.contains(lessonID) else { return }
        completedLessons.append(lessonID)
        completedLessons.sort()
    }

    /// Whether a lesson has been completed.
    ///
    /// - Parameter lessonID: The lesson's id.
    /// - Returns: `true` once ``markCompleted(_:)`` was called for it.
    public func isCompleted(_ lessonID: String) -> Bool {
        completedLessons.contains(lessonID)
    }

    private enum CodingKeys: String, CodingKey {
        case completedLessons = "completed_lessons"
        case current
        case passedSteps = "passed_steps"
    }

    /// Encodes `completed_lessons`, `current` (when set) and `passed_steps`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(completedLessons, forKey: .completedLessons)
        try container.encodeIfPresent(current, forKey: .current)
        try container.encode(passedSteps, forKey: .passedSteps)
    }

    /// Decodes, normalising `completed_lessons` to sorted unique ids; `current` and `passed_steps` may be absent
    /// (files written by earlier versions).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            completedLessons: try container.decode([String].self, forKey: .completedLessons),
            current: try container.decodeIfPresent(Position.self, forKey: .current),
            passedSteps: try container.decodeIfPresent([String: [Int]].self, forKey: .passedSteps) ?? [:]
        )
    }
}
