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

    /// Creates progress.
    ///
    /// - Parameters:
    ///   - completedLessons: Completed lesson ids, in any order.
    ///   - current: The position to resume.
    public init(completedLessons: [String] = [], current: Position? = nil) {
        self.completedLessons = Array(Set(completedLessons)).sorted()
        self.current = current
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
    }

    /// Decodes, normalising `completed_lessons` to sorted unique ids; `current` may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            completedLessons: try container.decode([String].self, forKey: .completedLessons),
            current: try container.decodeIfPresent(Position.self, forKey: .current)
        )
    }
}
